import Link from 'next/link';
import { AccountStatusBadge } from '@/components/crm/status-badges';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { AccountStatus } from '@/lib/domain/crm-status';
import { formatDate } from '@/lib/domain/format';

export type PortalAccountRow = {
  id: string;
  number: string;
  description: string;
  serviceAddress: string;
  localityName: string | null;
  tariffCategory: string;
  meterNumber: string | null;
  status: AccountStatus;
  startDate: string;
  groupName: string | null;
  agreementId: string;
  agreementCode: string;
};

/** The client's accounts: cards on a phone, a table from `sm` up. `showAgreement` adds the agreement (search results). */
export function PortalAccountsList({ rows, showAgreement = false, showGroup = false }: { rows: PortalAccountRow[]; showAgreement?: boolean; showGroup?: boolean }) {
  const address = (r: PortalAccountRow) => [r.serviceAddress, r.localityName].filter(Boolean).join(', ');
  const agreementLink = (r: PortalAccountRow) => (
    <Link href={`/portal/acuerdos/${r.agreementId}`} className="font-mono text-primary hover:underline">
      {r.agreementCode}
    </Link>
  );
  return (
    <>
      <ul className="grid gap-2 sm:hidden">
        {rows.map((r) => (
          <li key={r.id} className="rounded-md border p-3 text-sm" data-testid="account-card">
            <div className="flex items-center justify-between gap-2">
              <span className="font-mono font-medium">{r.number}</span>
              <AccountStatusBadge status={r.status} />
            </div>
            <p className="mt-1">{r.description}</p>
            <p className="text-muted-foreground">{address(r)}</p>
            <p className="text-muted-foreground">
              {r.tariffCategory}
              {r.meterNumber ? (
                <>
                  {' · Medidor '}
                  <span className="font-mono">{r.meterNumber}</span>
                </>
              ) : (
                ' · Sin medidor'
              )}
            </p>
            {showGroup && r.groupName ? <p className="text-muted-foreground">Grupo: {r.groupName}</p> : null}
            {showAgreement ? <p className="text-muted-foreground">Acuerdo {agreementLink(r)}</p> : null}
          </li>
        ))}
      </ul>
      <div className="hidden rounded-md border sm:block">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Cuenta</TableHead>
              <TableHead>Descripción y dirección</TableHead>
              <TableHead>Categoría tarifaria</TableHead>
              <TableHead>Medidor</TableHead>
              {showGroup ? <TableHead className="hidden md:table-cell">Grupo</TableHead> : null}
              {showAgreement ? <TableHead>Acuerdo</TableHead> : null}
              <TableHead className="hidden lg:table-cell">Alta</TableHead>
              <TableHead>Estado</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.id}>
                <TableCell className="font-mono">{r.number}</TableCell>
                <TableCell className="whitespace-normal">
                  <div>{r.description}</div>
                  <div className="text-xs text-muted-foreground">{address(r)}</div>
                </TableCell>
                <TableCell>{r.tariffCategory}</TableCell>
                <TableCell className="font-mono text-xs">{r.meterNumber ?? '—'}</TableCell>
                {showGroup ? <TableCell className="hidden md:table-cell">{r.groupName ?? '—'}</TableCell> : null}
                {showAgreement ? <TableCell>{agreementLink(r)}</TableCell> : null}
                <TableCell className="hidden lg:table-cell">{formatDate(r.startDate)}</TableCell>
                <TableCell>
                  <AccountStatusBadge status={r.status} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
