import type { Metadata } from 'next';
import Link from 'next/link';
import { Users } from 'lucide-react';
import { DelinquencyBadge } from '@/components/crm/status-badges';
import { ReportFilters, reportQuery } from '@/components/reports/report-filters';
import { Amount, ExportButton } from '@/components/reports/report-parts';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getTopDebtors, reportOptions, TOP_DEBTORS } from '@/lib/dal/reports';
import { requirePageActor } from '@/lib/dal/page';
import { formatDate } from '@/lib/domain/format';
import { SEGMENT_LABELS } from '@/lib/validation/customer';
import { reportFilterSchema } from '@/lib/validation/reports';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Principales deudores' };

export default async function DebtorsReportPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('reports.read');
  const raw = reportFilterSchema.parse(firstValues(await searchParams));
  const [options, report] = await Promise.all([reportOptions(actor), getTopDebtors(actor, raw)]);
  return (
    <>
      <PageHeader
        title="Principales deudores"
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Reportes', href: '/reportes' }, { label: 'Deudores' }]}
        description={`Los ${TOP_DEBTORS} acuerdos con mayor saldo abierto en cada moneda, con su vencimiento más antiguo y su estado de morosidad.`}
        actions={report.rows.length ? <ExportButton href={`/reportes/deudores/exportar${reportQuery(report.params)}`} /> : null}
      />
      <ReportFilters fields={['segmento', 'cliente']} values={report.params} branches={options.branches} clearHref="/reportes/deudores" label="Filtrar los deudores" />
      {report.rows.length === 0 ? (
        <EmptyState icon={Users} title="No hay deudores" description="Ningún acuerdo tiene saldo abierto con los filtros elegidos." />
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Acuerdo</TableHead>
                <TableHead>Cliente</TableHead>
                <TableHead className="hidden xl:table-cell">Segmento</TableHead>
                <TableHead className="hidden lg:table-cell">Sucursal</TableHead>
                <TableHead className="text-right">Saldo</TableHead>
                <TableHead className="hidden text-right md:table-cell">Documentos</TableHead>
                <TableHead className="hidden md:table-cell">Vence desde</TableHead>
                <TableHead>Morosidad</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.rows.map((r) => (
                <TableRow key={`${r.agreement_id}-${r.currency}`}>
                  <TableCell className="font-mono text-xs whitespace-nowrap">
                    <Link href={`/acuerdos/${r.agreement_id}`} className="font-medium text-primary hover:underline">
                      {r.agreement_code}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <div className="max-w-56 truncate" title={r.customer_name}>
                      {r.customer_name}
                    </div>
                  </TableCell>
                  <TableCell className="hidden xl:table-cell">{SEGMENT_LABELS[r.segment as keyof typeof SEGMENT_LABELS] ?? r.segment}</TableCell>
                  <TableCell className="hidden lg:table-cell">{r.branch_name}</TableCell>
                  <TableCell className="text-right font-medium">
                    <Amount value={r.balance} currency={r.currency} />
                  </TableCell>
                  <TableCell className="hidden text-right tabular-nums md:table-cell">{r.documents}</TableCell>
                  <TableCell className="hidden whitespace-nowrap md:table-cell">
                    {r.oldest_due_date ? `${formatDate(r.oldest_due_date)} (${r.daysOverdue} d)` : '—'}
                  </TableCell>
                  <TableCell>
                    <div className="flex flex-col items-start gap-1">
                      <DelinquencyBadge status={r.delinquency_status as 'CURRENT' | 'IN_GRACE' | 'DELINQUENT'} />
                      {r.level_name ? <span className="text-xs text-muted-foreground">{r.level_name}</span> : null}
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}
