import type { Metadata } from 'next';
import Link from 'next/link';
import { AlarmClock } from 'lucide-react';
import { ReportFilters, reportQuery } from '@/components/reports/report-filters';
import { Amount, ExportButton } from '@/components/reports/report-parts';
import { PageHeader } from '@/components/shell/page-header';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getOverduePage, reportOptions } from '@/lib/dal/reports';
import { requirePageActor } from '@/lib/dal/page';
import { FISCAL_DOC_TYPE_LABELS } from '@/lib/domain/billing/fiscal-number';
import { formatDate } from '@/lib/domain/format';
import { reportFilterSchema } from '@/lib/validation/reports';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Facturas vencidas' };

export default async function OverdueReportPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('reports.read');
  const raw = reportFilterSchema.parse(firstValues(await searchParams));
  const [options, page] = await Promise.all([reportOptions(actor), getOverduePage(actor, raw)]);
  const params = { ...page.params, fecha: page.asOf, despues: undefined };
  return (
    <>
      <PageHeader
        title="Facturas vencidas"
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Reportes', href: '/reportes' }, { label: 'Vencidas' }]}
        description={`Facturas y notas de débito con saldo vencidas al ${formatDate(page.asOf)} (lo que vence ese día aún no), de la más antigua a la más reciente.`}
        actions={page.rows.length ? <ExportButton href={`/reportes/vencidas/exportar${reportQuery(params)}`} /> : null}
      />
      <ReportFilters fields={['fecha', 'segmento', 'cliente']} values={params} branches={options.branches} clearHref="/reportes/vencidas" label="Filtrar las facturas vencidas" />
      {page.rows.length === 0 ? (
        <EmptyState icon={AlarmClock} title="No hay facturas vencidas" description={page.isFirstPage ? 'Ningún documento con saldo estaba vencido a esa fecha con los filtros elegidos.' : 'No hay más resultados.'} />
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Número</TableHead>
                <TableHead>Vencimiento</TableHead>
                <TableHead className="text-right">Días</TableHead>
                <TableHead>Cliente</TableHead>
                <TableHead className="hidden lg:table-cell">Acuerdo</TableHead>
                <TableHead className="hidden xl:table-cell">Sucursal</TableHead>
                <TableHead className="hidden text-right md:table-cell">Total</TableHead>
                <TableHead className="text-right">Saldo</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {page.rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="font-mono text-xs whitespace-nowrap">
                    <Link href={`/facturas/${r.id}`} className="font-medium text-primary hover:underline" title={FISCAL_DOC_TYPE_LABELS[r.doc_type as keyof typeof FISCAL_DOC_TYPE_LABELS]}>
                      {r.fiscal_number ?? '—'}
                    </Link>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{formatDate(r.due_date)}</TableCell>
                  <TableCell className="text-right tabular-nums">{r.daysOverdue}</TableCell>
                  <TableCell>
                    <div className="max-w-56 truncate" title={r.customer_name}>
                      {r.customer_name}
                    </div>
                  </TableCell>
                  <TableCell className="hidden font-mono text-xs lg:table-cell">
                    <Link href={`/acuerdos/${r.agreement_id}`} className="hover:underline">
                      {r.agreement_code}
                    </Link>
                  </TableCell>
                  <TableCell className="hidden xl:table-cell">{r.branch_name}</TableCell>
                  <TableCell className="hidden text-right md:table-cell">
                    <Amount value={r.total} currency={r.currency} />
                  </TableCell>
                  <TableCell className="text-right font-medium">
                    <Amount value={r.balance} currency={r.currency} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <nav className="mt-4 flex justify-end gap-2" aria-label="Paginación">
        {!page.isFirstPage ? (
          <Button variant="outline" asChild>
            <Link href={`/reportes/vencidas${reportQuery(params)}`}>Primera página</Link>
          </Button>
        ) : null}
        {page.next ? (
          <Button variant="outline" asChild>
            <Link href={`/reportes/vencidas${reportQuery(params, { despues: page.next })}`}>Siguiente</Link>
          </Button>
        ) : null}
      </nav>
    </>
  );
}
