import Link from 'next/link';
import { AccountStatusBadge } from '@/components/crm/status-badges';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { AccountStatus } from '@/lib/domain/crm-status';
import { formatDate } from '@/lib/domain/format';

export type AccountListRow = {
  id: string;
  number: string;
  description: string;
  status: AccountStatus;
  meterNumber: string | null;
  startDate: string;
  agreementId: string;
  agreementCode: string;
  agreementName: string;
  customerName: string;
  groupCode: string | null;
  tariffCategoryName: string;
  branchName: string;
};

/** Accounts as a table; columns the context already states (agreement, branch) can be hidden. */
export type AccountSortKey = 'number' | 'description' | 'startDate';

export function AccountsTable({
  rows,
  showAgreement = true,
  showGroup = true,
  showBranch = false,
  sortHeader,
}: {
  rows: AccountListRow[];
  showAgreement?: boolean;
  showGroup?: boolean;
  showBranch?: boolean;
  /** Renders a sortable column header (the main list); plain labels otherwise. */
  sortHeader?: (key: AccountSortKey, label: string) => React.ReactNode;
}) {
  const head = (key: AccountSortKey, label: string) => (sortHeader ? sortHeader(key, label) : label);
  return (
    <div className="rounded-md border">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{head('number', 'Número')}</TableHead>
            <TableHead>{head('description', 'Descripción')}</TableHead>
            {showAgreement ? <TableHead className="hidden md:table-cell">Acuerdo</TableHead> : null}
            {showGroup ? <TableHead className="hidden lg:table-cell">Grupo</TableHead> : null}
            <TableHead className="hidden lg:table-cell">Categoría</TableHead>
            <TableHead className="hidden md:table-cell">Medidor</TableHead>
            {showBranch ? <TableHead className="hidden xl:table-cell">Sucursal</TableHead> : null}
            <TableHead className="hidden xl:table-cell">{head('startDate', 'Alta')}</TableHead>
            <TableHead>Estado</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((a) => (
            <TableRow key={a.id}>
              <TableCell className="font-mono text-xs whitespace-nowrap">
                <Link href={`/cuentas/${a.id}`} className="text-primary hover:underline">
                  {a.number}
                </Link>
              </TableCell>
              <TableCell>
                <Link href={`/cuentas/${a.id}`} className="font-medium hover:underline">
                  {a.description}
                </Link>
              </TableCell>
              {showAgreement ? (
                <TableCell className="hidden md:table-cell">
                  <Link href={`/acuerdos/${a.agreementId}`} className="hover:underline">
                    <span className="font-mono text-xs">{a.agreementCode}</span> {a.agreementName}
                  </Link>
                  <div className="text-xs text-muted-foreground">{a.customerName}</div>
                </TableCell>
              ) : null}
              {showGroup ? <TableCell className="hidden font-mono text-xs lg:table-cell">{a.groupCode ?? '—'}</TableCell> : null}
              <TableCell className="hidden lg:table-cell">{a.tariffCategoryName}</TableCell>
              <TableCell className="hidden font-mono text-xs md:table-cell">{a.meterNumber ?? '—'}</TableCell>
              {showBranch ? <TableCell className="hidden xl:table-cell">{a.branchName}</TableCell> : null}
              <TableCell className="hidden whitespace-nowrap xl:table-cell">{formatDate(a.startDate)}</TableCell>
              <TableCell>
                <AccountStatusBadge status={a.status} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
