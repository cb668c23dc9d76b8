import Link from 'next/link';
import { Coins, Wallet } from 'lucide-react';
import { SectionCard } from '@/components/section-card';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { listPayments } from '@/lib/dal/payments';
import { formatDate, formatMoney } from '@/lib/domain/format';
import { PAYMENT_METHOD_LABELS } from '@/lib/domain/payment-instrument';
import { PaymentStatusBadge } from './payment-badges';

const SHOWN = 5;

/** The "Cobros" section of the agreement page (server component): its last payments, a link to all of them and "Registrar pago". */
export async function AgreementPaymentsSection({ actor, agreement }: { actor: Actor; agreement: { id: string; code: string } }) {
  if (!can(actor.role, 'payments.read')) return null;
  const { rows, total } = await listPayments(actor, { agreementId: agreement.id });
  const shown = rows.slice(0, SHOWN);
  return (
    <SectionCard
      id="cobros"
      title="Cobros"
      description={total > SHOWN ? `Los ${SHOWN} más recientes de ${total}.` : undefined}
      action={
        <div className="flex gap-2">
          {total > 0 ? (
            <Button variant="outline" size="sm" asChild>
              <Link href={`/cobros?acuerdo=${encodeURIComponent(agreement.code)}`}>Ver todos</Link>
            </Button>
          ) : null}
          {can(actor.role, 'payments.write') ? (
            <Button size="sm" asChild>
              <Link href={`/cobros/nuevo?acuerdo=${agreement.id}`}>
                <Wallet aria-hidden /> Registrar pago
              </Link>
            </Button>
          ) : null}
        </div>
      }
    >
      {shown.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <Coins className="size-4" aria-hidden /> Sin pagos registrados.
        </p>
      ) : (
        <div className="rounded-md border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Recibo</TableHead>
                <TableHead>Fecha</TableHead>
                <TableHead className="text-right">Importe</TableHead>
                <TableHead className="hidden sm:table-cell">Medio</TableHead>
                <TableHead>Estado</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((r) => (
                <TableRow key={r.id}>
                  <TableCell className="font-mono text-xs">
                    <Link href={`/cobros/${r.id}`} className="font-medium text-primary hover:underline">
                      {r.receiptNumber ?? 'Sin número'}
                    </Link>
                  </TableCell>
                  <TableCell>{formatDate(r.paidOn)}</TableCell>
                  <TableCell className="text-right tabular-nums">{formatMoney(r.amount, r.currency)}</TableCell>
                  <TableCell className="hidden sm:table-cell">{PAYMENT_METHOD_LABELS[r.method]}</TableCell>
                  <TableCell>
                    <PaymentStatusBadge status={r.status} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </SectionCard>
  );
}
