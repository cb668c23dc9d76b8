'use client';

import { useMemo, useState } from 'react';
import { useFormStatus } from 'react-dom';
import { CreditCard, LoaderCircle } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { formatDate, formatMoney, formatPeriod } from '@/lib/domain/format';
import { fromCents, toCents } from '@/lib/domain/money';
import { cn } from '@/lib/utils';

// The gateway takes at most this many documents in one checkout (lib/dal/checkouts.ts).
const MAX_PER_CHECKOUT = 50;

export type PayableInvoice = { id: string; fiscalNumber: string | null; docType: string; period: string | null; dueDate: string | null; balance: string; overdue: boolean };

function SubmitButton({ disabled, total }: { disabled: boolean; total: string }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" size="lg" disabled={disabled || pending} className="w-full sm:w-auto" data-testid="pay-button">
      {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : <CreditCard aria-hidden />}
      Pagar {total}
    </Button>
  );
}

/**
 * The open invoices of one agreement as touch-friendly rows to tick, the running total (in cents,
 * never floats) and "Pagar". The server action re-checks every id against the session's customer.
 */
export function PayInvoicesForm({ action, agreementId, currency, invoices, preselected }: { action: (formData: FormData) => Promise<void>; agreementId: string; currency: string; invoices: PayableInvoice[]; preselected: string | null }) {
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(preselected ? [preselected] : []));
  const total = useMemo(() => fromCents(invoices.filter((i) => chosen.has(i.id)).reduce((n, i) => n + toCents(i.balance), 0n)), [chosen, invoices]);
  const allChosen = chosen.size === invoices.length;
  const toggle = (id: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <form action={action} className="grid gap-4">
      <input type="hidden" name="agreementId" value={agreementId} />
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="text-muted-foreground">
          {invoices.length} {invoices.length === 1 ? 'documento pendiente' : 'documentos pendientes'}, el más antiguo primero.
        </span>
        <Button type="button" variant="ghost" size="sm" onClick={() => setChosen(allChosen ? new Set() : new Set(invoices.map((i) => i.id)))}>
          {allChosen ? 'Quitar todas' : 'Elegir todas'}
        </Button>
      </div>
      <ul className="grid gap-2">
        {invoices.map((i) => (
          <li key={i.id}>
            <label className={cn('flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm transition-colors hover:bg-muted/50', chosen.has(i.id) && 'border-primary bg-primary/5')}>
              <input type="checkbox" name="invoiceIds[]" value={i.id} checked={chosen.has(i.id)} onChange={() => toggle(i.id)} className="mt-0.5 size-5 shrink-0" aria-label={`Pagar ${i.fiscalNumber ?? ''}`} />
              <span className="grid min-w-0 flex-1 gap-0.5 sm:grid-cols-[1fr_auto_minmax(9rem,auto)] sm:items-center sm:gap-4">
                <span className="min-w-0">
                  <span className="font-mono font-medium">{i.fiscalNumber}</span>
                  {i.docType === 'DEBIT_NOTE' ? <span className="text-muted-foreground"> · Nota de débito</span> : null}
                  {i.period ? <span className="block text-muted-foreground">{formatPeriod(i.period)}</span> : null}
                </span>
                <span className={cn('text-muted-foreground', i.overdue && 'font-medium text-destructive')}>{i.dueDate ? `${i.overdue ? 'Venció' : 'Vence'} el ${formatDate(i.dueDate)}` : 'Sin vencimiento'}</span>
                <span className="font-semibold tabular-nums sm:text-right">{formatMoney(i.balance, currency)}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div className="sticky bottom-0 -mx-1 flex flex-col gap-3 border-t bg-background/95 px-1 py-3 backdrop-blur sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm" aria-live="polite">
          Total a pagar: <span className="text-lg font-semibold tabular-nums" data-testid="pay-total">{formatMoney(total, currency)}</span>
          <span className="text-muted-foreground">
            {' '}
            ({chosen.size} {chosen.size === 1 ? 'documento' : 'documentos'})
          </span>
        </p>
        {chosen.size > MAX_PER_CHECKOUT ? <p className="text-sm text-destructive">Elija como máximo {MAX_PER_CHECKOUT} documentos por pago.</p> : null}
        <SubmitButton disabled={chosen.size === 0 || chosen.size > MAX_PER_CHECKOUT} total={formatMoney(total, currency)} />
      </div>
    </form>
  );
}
