import { formatMoney } from '@/lib/domain/format';

type Totals = { grossTotal: string; discountTotal: string; netTotal: string; taxTotal: string; total: string; balance: string; currency: string };

function Line({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={strong ? 'flex justify-between gap-4 border-t pt-2 text-base font-semibold' : 'flex justify-between gap-4'}>
      <dt className={strong ? undefined : 'text-muted-foreground'}>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}

/** The stored totals of an invoice; class B notes the tax as included, A and E show it as its own line. */
export function InvoiceTotals({ totals: t, taxIncluded }: { totals: Totals; taxIncluded: boolean }) {
  const money = (v: string) => formatMoney(v, t.currency);
  return (
    <dl className="grid gap-2 text-sm">
      <Line label="Subtotal" value={money(t.grossTotal)} />
      <Line label="Descuento" value={money(t.discountTotal)} />
      <Line label="Neto" value={money(t.netTotal)} />
      {taxIncluded ? null : <Line label="ITBIS" value={money(t.taxTotal)} />}
      <Line label="Total" value={money(t.total)} strong />
      {taxIncluded ? <p className="text-xs text-muted-foreground">ITBIS incluido: {money(t.taxTotal)}</p> : null}
      <Line label="Saldo pendiente" value={money(t.balance)} strong />
    </dl>
  );
}
