import { firstValues } from '@/lib/validation/search-params';
import { PageHeader } from '@/components/shell/page-header';
import { listAuditLog } from '@/lib/dal/audit';
import { requirePageActor } from '@/lib/dal/page';
import { auditListSchema } from '@/lib/validation/audit';
import { AuditLogView } from './audit-log-view';

type Search = Promise<Record<string, string | string[] | undefined>>;

/** The whole audit page; mounted at /admin/audit (admins) and /auditoria (auditors). */
export async function AuditPage({ searchParams, basePath }: { searchParams: Search; basePath: string }) {
  const actor = await requirePageActor('audit.read');
  const raw = await searchParams;
  const params = auditListSchema.parse(firstValues(raw));
  const data = await listAuditLog(actor, params);
  return (
    <>
      <PageHeader title="Registro de auditoría" description="Quién cambió qué y cuándo, con los valores anteriores y nuevos." crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Auditoría' }]} />
      <AuditLogView data={data} params={params} basePath={basePath} />
    </>
  );
}
