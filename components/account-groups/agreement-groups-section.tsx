import Link from 'next/link';
import { FolderTree } from 'lucide-react';
import { AddButton } from '@/components/add-button';
import { SectionCard } from '@/components/section-card';
import { AgreementStatusBadge } from '@/components/crm/status-badges';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { listAgreementGroups } from '@/lib/dal/account-groups';

/** The account groups of an agreement, on the agreement's detail page. Server component. */
export async function AgreementGroupsSection({ actor, agreement }: { actor: Actor; agreement: { id: string; status: string; branchId: string; code: string }; accountGroupId?: string; accountId?: string }) {
  const groups = await listAgreementGroups(actor, agreement.id);
  const canCreate = can(actor.role, 'agreements.write') && agreement.status !== 'CLOSED';
  const newHref = `/acuerdos/${agreement.id}/grupos/nuevo`;
  return (
    <SectionCard
      id="grupos"
      title="Grupos de cuentas"
      description="Agrupan cuentas del acuerdo para facturarlas y gestionarlas juntas."
      action={canCreate && groups.length > 0 ? <AddButton href={newHref} size="sm">Nuevo grupo</AddButton> : null}
    >
      {groups.length === 0 ? (
        <EmptyState
          icon={FolderTree}
          title="Este acuerdo no tiene grupos de cuentas"
          description={canCreate ? 'Cree un grupo para organizar las cuentas del acuerdo.' : undefined}
          action={canCreate ? <AddButton href={newHref}>Nuevo grupo</AddButton> : undefined}
        />
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Identificador</TableHead>
                <TableHead>Nombre</TableHead>
                <TableHead>Estado</TableHead>
                <TableHead className="text-right">Cuentas</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {groups.map((g) => (
                <TableRow key={g.id}>
                  <TableCell className="font-mono text-xs">{g.code}</TableCell>
                  <TableCell>
                    <Link href={`/acuerdos/${agreement.id}/grupos/${g.id}`} className="font-medium text-primary hover:underline">
                      {g.name}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <AgreementStatusBadge status={g.status} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{g.accountsCount.toLocaleString('es-DO')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </SectionCard>
  );
}
