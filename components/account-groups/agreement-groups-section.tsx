import Link from 'next/link';
import { FolderTree, Plus } from 'lucide-react';
import { AgreementStatusBadge } from '@/components/crm/status-badges';
import { Button } from '@/components/ui/button';
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
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
    <Card id="grupos">
      <CardHeader>
        <CardTitle>Grupos de cuentas</CardTitle>
        <CardDescription>Agrupan cuentas del acuerdo para facturarlas y gestionarlas juntas.</CardDescription>
        {canCreate && groups.length > 0 ? (
          <CardAction>
            <Button size="sm" asChild>
              <Link href={newHref}>
                <Plus /> Nuevo grupo
              </Link>
            </Button>
          </CardAction>
        ) : null}
      </CardHeader>
      <CardContent>
        {groups.length === 0 ? (
          <EmptyState
            icon={FolderTree}
            title="Este acuerdo no tiene grupos de cuentas"
            description={canCreate ? 'Cree un grupo para organizar las cuentas del acuerdo.' : undefined}
            action={
              canCreate ? (
                <Button asChild>
                  <Link href={newHref}>
                    <Plus /> Nuevo grupo
                  </Link>
                </Button>
              ) : undefined
            }
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
      </CardContent>
    </Card>
  );
}
