import type { Metadata } from 'next';
import { AuditPage } from '@/components/audit/audit-page';

export const metadata: Metadata = { title: 'Registro de auditoría' };

export default function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <AuditPage searchParams={searchParams} basePath="/admin/audit" />;
}
