import Link from 'next/link';
import { Wrench } from 'lucide-react';
import { AddButton } from '@/components/add-button';
import { WorkOrderStatusBadge } from '@/components/crm/status-badges';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { listWorkOrders } from '@/lib/dal/work-orders';
import { WORK_ORDER_TYPE_LABELS } from '@/lib/domain/crm-status';
import { formatDate } from '@/lib/domain/format';
import { workOrderTargetText } from './target-text';

const SECTION_ROWS = 20;

/**
 * The work orders of an agreement, of one of its groups or of one of its accounts (most recent
 * first, every status), with a link to the full filtered list and to a new order. Server component.
 */
export async function WorkOrdersSection({
  actor,
  agreement,
  accountGroupId,
  accountId,
}: {
  actor: Actor;
  agreement: { id: string; status: string; branchId: string; code: string };
  accountGroupId?: string;
  accountId?: string;
}) {
  if (!can(actor.role, 'workorders.read')) return null;
  const filter: Record<string, string> = accountId ? { accountId } : accountGroupId ? { accountGroupId } : { agreementId: agreement.id };
  const result = await listWorkOrders(actor, { ...filter, status: 'ALL', pageSize: SECTION_ROWS });
  const listHref = `/ordenes?${new URLSearchParams({ ...filter, status: 'ALL' })}`;
  const newHref = `/ordenes/nueva?${new URLSearchParams({ acuerdo: agreement.id, ...(accountId ? { cuenta: accountId } : {}) })}`;
  const canCreate = can(actor.role, 'workorders.create') && agreement.status !== 'CLOSED';
  const showTarget = !accountId;

  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-center justify-between gap-2">
        <CardTitle>Órdenes de trabajo</CardTitle>
        <div className="flex gap-2">
          {result.total > 0 ? (
            <Button variant="ghost" size="sm" asChild>
              <Link href={listHref}>Ver todas ({result.total})</Link>
            </Button>
          ) : null}
          {canCreate ? (
            <AddButton href={newHref} variant="outline" size="sm">Nueva orden</AddButton>
          ) : null}
        </div>
      </CardHeader>
      <CardContent>
        {result.total === 0 ? (
          <EmptyState icon={Wrench} title="Sin órdenes de trabajo" description="Aquí aparecerán las activaciones, cortes, reconexiones e inspecciones." className="min-h-32" />
        ) : (
          <>
            <div className="rounded-md border">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Número</TableHead>
                    <TableHead>Tipo</TableHead>
                    {showTarget ? <TableHead>Objeto</TableHead> : null}
                    <TableHead>Estado</TableHead>
                    <TableHead className="hidden sm:table-cell">Creada</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {result.rows.map((o) => (
                    <TableRow key={o.id}>
                      <TableCell className="font-mono text-xs">
                        <Link href={`/ordenes/${o.id}`} className="text-primary hover:underline">
                          {o.number}
                        </Link>
                      </TableCell>
                      <TableCell>{WORK_ORDER_TYPE_LABELS[o.type]}</TableCell>
                      {showTarget ? <TableCell className="text-sm">{workOrderTargetText(o)}</TableCell> : null}
                      <TableCell>
                        <WorkOrderStatusBadge status={o.status} />
                      </TableCell>
                      <TableCell className="hidden whitespace-nowrap sm:table-cell">{formatDate(o.createdAt)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            {result.total > result.rows.length ? (
              <p className="mt-2 text-sm text-muted-foreground">
                Se muestran las {result.rows.length} más recientes de {result.total}.{' '}
                <Link href={listHref} className="text-primary hover:underline">
                  Ver todas
                </Link>
              </p>
            ) : null}
          </>
        )}
      </CardContent>
    </Card>
  );
}
