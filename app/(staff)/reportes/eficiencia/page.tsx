import type { Metadata } from 'next';
import { BarChart3 } from 'lucide-react';
import { EfficiencyChart } from '@/components/reports/charts';
import { ReportFilters, reportQuery } from '@/components/reports/report-filters';
import { Amount, CurrencyHeading, ExportButton } from '@/components/reports/report-parts';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { getEfficiencyReport, reportOptions } from '@/lib/dal/reports';
import { requirePageActor } from '@/lib/dal/page';
import { formatPeriod } from '@/lib/domain/format';
import { reportFilterSchema } from '@/lib/validation/reports';
import { firstValues, type RawSearchParams } from '@/lib/validation/search-params';

export const metadata: Metadata = { title: 'Facturado vs. cobrado' };

export default async function EfficiencyReportPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('reports.read');
  const raw = reportFilterSchema.parse(firstValues(await searchParams));
  const [options, report] = await Promise.all([reportOptions(actor), getEfficiencyReport(actor, raw)]);
  return (
    <>
      <PageHeader
        title="Facturado vs. cobrado"
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Reportes', href: '/reportes' }, { label: 'Eficiencia' }]}
        description={`Total de las facturas y notas de débito emitidas de ${formatPeriod(report.fromPeriod)} a ${formatPeriod(report.toPeriod)} y lo cobrado de ellas (pagos confirmados). Eficiencia = cobrado ÷ facturado.`}
        actions={report.currencies.length ? <ExportButton href={`/reportes/eficiencia/exportar${reportQuery(report.params)}`} /> : null}
      />
      <ReportFilters fields={['periodos', 'segmento', 'cliente']} values={report.params} branches={options.branches} clearHref="/reportes/eficiencia" label="Filtrar facturado contra cobrado" />
      {report.currencies.length === 0 ? (
        <EmptyState icon={BarChart3} title="No hay facturación en esos períodos" description="Ningún documento emitido coincide con los períodos y los filtros elegidos." />
      ) : (
        report.currencies.map((c) => (
          <section key={c.currency} className="mb-10" aria-label={`Facturado contra cobrado en ${c.currency}`}>
            <CurrencyHeading currency={c.currency} />
            <EfficiencyChart data={c.rows} currency={c.currency} />
            <div className="mt-4 rounded-md border">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Período</TableHead>
                    <TableHead className="text-right">Facturado</TableHead>
                    <TableHead className="text-right">Cobrado</TableHead>
                    <TableHead className="text-right">Eficiencia</TableHead>
                    <TableHead className="hidden text-right md:table-cell">Documentos</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {c.rows.map((r) => (
                    <TableRow key={r.period}>
                      <TableCell className="whitespace-nowrap">{formatPeriod(r.period)}</TableCell>
                      <TableCell className="text-right">
                        <Amount value={r.billed} currency={c.currency} />
                      </TableCell>
                      <TableCell className="text-right">
                        <Amount value={r.collected} currency={c.currency} />
                      </TableCell>
                      <TableCell className="text-right font-medium tabular-nums">{r.efficiency === null ? '—' : `${r.efficiency} %`}</TableCell>
                      <TableCell className="hidden text-right tabular-nums md:table-cell">{r.invoices}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </section>
        ))
      )}
    </>
  );
}
