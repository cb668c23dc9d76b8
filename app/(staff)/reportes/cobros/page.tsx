import type { Metadata } from 'next';
import { Coins } from 'lucide-react';
import { PaymentsByDayChart } from '@/components/reports/charts';
import { ReportFilters, reportQuery } from '@/components/reports/report-filters';
import { Amount, CurrencyHeading, ExportButton } from '@/components/reports/report-parts';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getPaymentsReport, reportOptions, type PaymentsLine } from '@/lib/dal/reports';
import { requirePageActor } from '@/lib/dal/page';
import { formatDate } from '@/lib/domain/format';
import { reportFilterSchema } from '@/lib/validation/reports';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Cobros recibidos' };

function Breakdown({ title, lines, currency }: { title: string; lines: PaymentsLine[]; currency: string }) {
  return (
    <div>
      <h3 className="mb-2 text-sm font-medium text-muted-foreground">{title}</h3>
      <div className="rounded-md border">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>{title.replace(/^Por /, '').replace(/^\w/, (c) => c.toUpperCase())}</TableHead>
              <TableHead className="text-right">Pagos</TableHead>
              <TableHead className="text-right">Monto</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {lines.map((l) => (
              <TableRow key={l.key || 'none'}>
                <TableCell>
                  <div className="max-w-56 truncate" title={l.label}>
                    {l.label}
                  </div>
                </TableCell>
                <TableCell className="text-right tabular-nums">{l.payments}</TableCell>
                <TableCell className="text-right">
                  <Amount value={l.amount} currency={currency} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </div>
  );
}

export default async function PaymentsReportPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('reports.read');
  const raw = reportFilterSchema.parse(firstValues(await searchParams));
  const [options, report] = await Promise.all([reportOptions(actor), getPaymentsReport(actor, raw)]);
  return (
    <>
      <PageHeader
        title="Cobros recibidos"
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Reportes', href: '/reportes' }, { label: 'Cobros' }]}
        description={`Pagos confirmados del ${formatDate(report.from)} al ${formatDate(report.to)}; los anulados no cuentan.`}
        actions={report.currencies.length ? <ExportButton href={`/reportes/cobros/exportar${reportQuery(report.params)}`} /> : null}
      />
      <ReportFilters fields={['rango', 'segmento', 'cliente']} values={report.params} branches={options.branches} clearHref="/reportes/cobros" label="Filtrar los cobros" />
      {report.currencies.length === 0 ? (
        <EmptyState icon={Coins} title="No hay cobros en el rango" description="Ningún pago confirmado coincide con las fechas y los filtros elegidos." />
      ) : (
        report.currencies.map((c) => (
          <section key={c.currency} className="mb-10" aria-label={`Cobros en ${c.currency}`}>
            <CurrencyHeading currency={c.currency}>
              Total <Amount value={c.total.amount} currency={c.currency} /> en {c.total.payments} pagos
            </CurrencyHeading>
            <PaymentsByDayChart data={c.days} currency={c.currency} />
            <div className="mt-4 grid gap-6 lg:grid-cols-2">
              <Breakdown title="Por método" lines={c.methods} currency={c.currency} />
              <Breakdown title="Por entidad" lines={c.entities} currency={c.currency} />
              <Breakdown title="Por sucursal" lines={c.branches} currency={c.currency} />
              <Breakdown title="Por cajero" lines={c.cashiers} currency={c.currency} />
              <Breakdown title="Por día" lines={c.days.map((d) => ({ ...d, label: formatDate(d.key) }))} currency={c.currency} />
            </div>
          </section>
        ))
      )}
    </>
  );
}
