import Link from 'next/link';
import { Search, SearchX } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatMoney } from '@/lib/domain/format';

export type AgreementToCollect = {
  id: string;
  code: string;
  name: string;
  currency: string;
  customerName: string;
  documentNumber: string;
  branchName: string;
  due: string;
  overdue: string;
  openInvoices: number;
};

/**
 * One search box (agreement, customer, document, account or invoice number) and the agreements
 * found with what they owe; "Cobrar" opens the payment form. A plain GET form: the URL keeps the search.
 */
export function AgreementSearch({ action, q, results, minLength }: { action: string; q: string; results: AgreementToCollect[] | null; minLength: number }) {
  return (
    <div className="grid gap-4">
      <form action={action} role="search" aria-label="Búsqueda de acuerdos a cobrar" className="flex flex-wrap items-center gap-2">
        <Input
          name="q"
          defaultValue={q}
          placeholder="Nombre, documento, código de acuerdo, cuenta o n.º de factura"
          aria-label="Buscar acuerdo a cobrar"
          className="w-full sm:w-[28rem]"
          autoFocus
          minLength={minLength}
        />
        <Button type="submit">
          <Search aria-hidden /> Buscar
        </Button>
      </form>
      {results === null ? (
        <p className="text-sm text-muted-foreground">Escriba al menos {minLength} caracteres: el nombre o documento del cliente, el código o nombre del acuerdo, un número de cuenta o el número fiscal de una factura.</p>
      ) : results.length === 0 ? (
        <EmptyState icon={SearchX} title="Ningún acuerdo coincide" description="Revise el número o pruebe con el nombre o el documento del cliente. Solo se buscan los acuerdos de sus sucursales." className="min-h-40" />
      ) : (
        <div className="overflow-x-auto rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Acuerdo</TableHead>
                <TableHead>Cliente</TableHead>
                <TableHead className="hidden 2xl:table-cell">Sucursal</TableHead>
                <TableHead className="text-right">Facturas</TableHead>
                <TableHead className="text-right">Adeudado</TableHead>
                <TableHead className="hidden text-right sm:table-cell">Vencido</TableHead>
                <TableHead className="w-24">
                  <span className="sr-only">Acción</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {results.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>
                    <div className="font-mono text-xs">{r.code}</div>
                    <div className="max-w-48 truncate text-sm xl:max-w-72" title={r.name}>
                      {r.name}
                    </div>
                  </TableCell>
                  <TableCell>
                    <div className="max-w-44 truncate xl:max-w-64" title={r.customerName}>
                      {r.customerName}
                    </div>
                    <div className="font-mono text-xs text-muted-foreground">{r.documentNumber}</div>
                  </TableCell>
                  <TableCell className="hidden 2xl:table-cell">{r.branchName}</TableCell>
                  <TableCell className="text-right tabular-nums">{r.openInvoices}</TableCell>
                  <TableCell className="text-right font-medium whitespace-nowrap tabular-nums">{formatMoney(r.due, r.currency)}</TableCell>
                  <TableCell className="hidden text-right whitespace-nowrap tabular-nums sm:table-cell">
                    {Number(r.overdue) > 0 ? <Badge variant="destructive">{formatMoney(r.overdue, r.currency)}</Badge> : <span className="text-muted-foreground">—</span>}
                  </TableCell>
                  <TableCell className="text-right">
                    <Button size="sm" asChild>
                      <Link href={`/cobros/nuevo?acuerdo=${r.id}`} aria-label={`Cobrar ${r.code}`}>
                        Cobrar
                      </Link>
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
