import type { Metadata } from 'next';
import { Hourglass } from 'lucide-react';
import { AgingChart } from '@/components/reports/charts';
import { ReportFilters, reportQuery } from '@/components/reports/report-filters';
import { Amount, CurrencyHeading, ExportButton } from '@/components/reports/report-parts';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getAgingReport, reportOptions, TOP_CUSTOMERS, type AgingLine } from '@/lib/dal/reports';
import { requirePageActor } from '@/lib/dal/page';
import { formatDate } from '@/lib/domain/format';
import { reportFilterSchema } from '@/lib/validation/reports';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Cartera por antigüedad' };

function AgingTable({ title, lines, currency, first }: { title: string; lines: AgingLine[]; currency: string; first: string }) {
  if (!lines.length) return null;
  return (
    <div className="mb-6">
      <h3 className="mb-2 text-sm font-medium text-muted-foreground">{title}</h3>
      <div className="rounded-md border">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{first}</TableHead>
              <TableHead className="text-right">0–30</TableHead>
              <TableHead className="text-right">31–60</TableHead>
              <TableHead className="text-right">61–90</TableHead>
              <TableHead className="text-right">91–180</TableHead>
              <TableHead className="text-right">Más de 180</TableHead>
              <TableHead className="text-right">Total</TableHead>
              <TableHead className="hidden text-right md:table-cell">Documentos</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lines.map((l) => (
              <TableRow key={l.key || 'total'}>
                <TableCell>
                  <div className="max-w-48 truncate 2xl:max-w-64" title={l.label}>
                    {l.label}
                  </div>
                </TableCell>
                {([l.b0_30, l.b31_60, l.b61_90, l.b91_180, l.b180] as const).map((v, i) => (
                  <TableCell key={i} className="text-right">
                    <Amount value={v} currency={currency} />
                  </TableCell>
                ))}
                <TableCell className="text-right font-medium">
                  <Amount value={l.total} currency={currency} />
                </TableCell>
                <TableCell className="hidden text-right tabular-nums md:table-cell">{l.documents}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

export default async function AgingReportPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('reports.read');
  const raw = reportFilterSchema.parse(firstValues(await searchParams));
  const [options, report] = await Promise.all([reportOptions(actor), getAgingReport(actor, raw)]);
  const params = { ...report.params, fecha: report.asOf };
  return (
    <>
      <PageHeader
        title="Cartera por antigüedad"
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Reportes', href: '/reportes' }, { label: 'Cartera' }]}
        description={`Saldos abiertos de facturas y notas de débito al ${formatDate(report.asOf)}, por días desde su vencimiento (lo no vencido cuenta en 0–30). Las notas de crédito no son cartera.`}
        actions={report.currencies.length ? <ExportButton href={`/reportes/cartera/exportar${reportQuery(params)}`} /> : null}
      />
      <ReportFilters fields={['fecha', 'segmento', 'cliente']} values={params} branches={options.branches} clearHref="/reportes/cartera" label="Filtrar la cartera" />
      {report.currencies.length === 0 ? (
        <EmptyState icon={Hourglass} title="No hay saldos abiertos" description="Ningún documento con saldo coincide con la fecha y los filtros elegidos." />
      ) : (
        report.currencies.map((c) => (
          <section key={c.currency} className="mb-10" aria-label={`Cartera en ${c.currency}`}>
            <CurrencyHeading currency={c.currency}>
              Total <Amount value={c.total.total} currency={c.currency} /> en {c.total.documents} documentos
            </CurrencyHeading>
            <AgingChart data={c.branches.length > 1 ? c.branches : c.segments} currency={c.currency} />
            <AgingTable title="Por sucursal" first="Sucursal" lines={[...c.branches, { ...c.total, key: '', label: 'Total' }]} currency={c.currency} />
            <AgingTable title="Por segmento" first="Segmento" lines={c.segments} currency={c.currency} />
            <AgingTable title={`Clientes con mayor deuda (hasta ${TOP_CUSTOMERS})`} first="Cliente" lines={c.customers} currency={c.currency} />
          </section>
        ))
      )}
    </>
  );
}
