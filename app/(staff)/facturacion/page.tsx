import type { Metadata } from 'next';
import Link from 'next/link';
import { History } from 'lucide-react';
import { RunProgressCells } from '@/components/billing-runs/run-progress-cells';
import { BillingRunForm } from '@/components/billing-runs/run-form';
import { BillingRunModeBadge, BillingRunStatusBadge } from '@/components/billing-runs/run-badges';
import { runScopeText } from '@/components/billing-runs/run-view';
import { SectionCard } from '@/components/section-card';
import { PageHeader } from '@/components/shell/page-header';
import { EmptyState } from '@/components/ui/empty-state';
import { PaginationBar } from '@/components/ui/pagination';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { startBillingRunAction } from '@/lib/actions/billing-runs';
import { can } from '@/lib/auth/roles';
import { listBillingRuns } from '@/lib/dal/billing-runs';
import { canRunAllBranches, invoiceListOptions } from '@/lib/dal/invoices';
import { requirePageActor } from '@/lib/dal/page';
import { shiftPeriod } from '@/lib/domain/billing/period';
import { formatDateTime, formatPeriod, toLocalDateString } from '@/lib/domain/format';
import { firstValues, listHref, type RawSearchParams } from '@/lib/validation/search-params';
import { z } from 'zod';

export const metadata: Metadata = { title: 'Facturación' };

const pageSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined) });

export default async function BillingRunsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const actor = await requirePageActor('billing.read');
  const { page } = pageSchema.parse(firstValues(await searchParams));
  const [options, runs] = await Promise.all([invoiceListOptions(actor), listBillingRuns(actor, { page })]);
  const canWrite = can(actor.role, 'billing.write');
  const branchNames = new Map(options.branches.map((b) => [b.id, b.name]));
  const today = toLocalDateString(new Date());

  return (
    <>
      <PageHeader
        title="Facturación"
        crumbs={[{ label: 'Inicio', href: '/' }, { label: 'Facturación' }]}
        description="Facture un período: primero la vista previa (no escribe nada ni toma números), luego la facturación. Un período nunca se factura dos veces."
      />
      {canWrite ? (
        <SectionCard className="mb-6" title="Nueva corrida">
          <BillingRunForm
            action={startBillingRunAction}
            branches={options.branches.filter((b) => b.active).map((b) => ({ id: b.id, name: b.name }))}
            allowAll={canRunAllBranches(actor)}
            initial={{ period: shiftPeriod(today.slice(0, 7), -1), issueDate: today }}
          />
        </SectionCard>
      ) : null}

      <h2 className="mb-3 text-lg font-semibold">Corridas recientes</h2>
      {runs.total === 0 ? (
        <EmptyState icon={History} title="Todavía no hay corridas" description={canWrite ? 'Empiece por una vista previa del período anterior.' : 'Las corridas de facturación aparecerán aquí.'} />
      ) : (
        <div className="overflow-x-auto rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>N.º</TableHead>
                <TableHead>Tipo</TableHead>
                <TableHead>Período</TableHead>
                <TableHead>Alcance</TableHead>
                <TableHead>Estado</TableHead>
                <TableHead className="text-right">Procesados</TableHead>
                <TableHead className="text-right">Facturas</TableHead>
                <TableHead className="text-right">Errores</TableHead>
                <TableHead className="hidden lg:table-cell">Inicio</TableHead>
                <TableHead className="hidden lg:table-cell">Fin</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {runs.rows.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="font-mono text-xs">
                    <Link href={`/facturacion/${r.id}`} className="font-medium text-primary hover:underline">
                      {r.number}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <BillingRunModeBadge mode={r.mode} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{formatPeriod(r.period)}</TableCell>
                  <TableCell>{runScopeText(r.scope, branchNames)}</TableCell>
                  <TableCell>
                    <BillingRunStatusBadge status={r.status} />
                  </TableCell>
                  <RunProgressCells processed={r.processed} total={r.total} invoices={r.invoiceCount} errors={r.errorCount} mode={r.mode} />
                  <TableCell className="hidden whitespace-nowrap lg:table-cell">{r.startedAt ? formatDateTime(r.startedAt) : '—'}</TableCell>
                  <TableCell className="hidden whitespace-nowrap lg:table-cell">{r.finishedAt ? formatDateTime(r.finishedAt) : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <PaginationBar className="mt-4" page={runs.page} pageCount={runs.pageCount} total={runs.total} pageSize={runs.pageSize} hrefFor={(p) => listHref('/facturacion', { page: p })} />
    </>
  );
}
