'use client';

import { useActionState, useState } from 'react';
import { Info, LoaderCircle, Wallet } from 'lucide-react';
import Link from 'next/link';
import { FormErrorAlert } from '@/components/forms/alerts';
import { formStateView } from '@/components/forms/form-state';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { FormField, fieldAria } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { NativeSelect, NativeSelectOption } from '@/components/ui/native-select';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { Textarea } from '@/components/ui/textarea';
import type { ActionResult } from '@/lib/actions/result';
import { formatDate, formatMoney, formatPeriod } from '@/lib/domain/format';
import { sumMoneyString } from '@/lib/domain/money';

export type OpenInvoiceOption = { id: string; fiscalNumber: string | null; period: string | null; dueDate: string | null; balance: string; overdue: boolean };
type Action = (prev: ActionResult<{ id: string }> | undefined, formData: FormData) => Promise<ActionResult<{ id: string }> | undefined>;

// Methods that name the card brand or bank the money came through.
const WITH_ENTITY = new Set(['CARD', 'BANK_TRANSFER', 'DIRECT_DEBIT']);

/**
 * The payment of one agreement: which open invoices (none = oldest due first), amount (the total
 * due, or the sum of the chosen ones, until the cashier types another), method, entity,
 * reference, date and notes. The idempotency key comes from the server render: submitting twice
 * records one payment.
 */
export function PaymentForm({
  action,
  agreementId,
  currency,
  invoices,
  totalDue,
  preselected,
  methods,
  entities,
  idempotencyKey,
  today,
  cancelHref,
}: {
  action: Action;
  agreementId: string;
  currency: string;
  invoices: OpenInvoiceOption[];
  totalDue: string;
  preselected: string[];
  methods: { value: string; label: string }[];
  entities: { id: string; name: string; method: string }[];
  idempotencyKey: string;
  today: string;
  cancelHref: string;
}) {
  const [state, dispatch, pending] = useActionState(action, undefined);
  const { sent, errors, value, formError, formKey } = formStateView(state);
  const sentIds = sent?.invoiceIds;
  const initialChosen = sent ? (Array.isArray(sentIds) ? sentIds : sentIds ? [sentIds] : []) : preselected;
  const [chosen, setChosen] = useState<string[]>(initialChosen);
  const dueOf = (ids: string[]) => (ids.length ? sumMoneyString(invoices.filter((i) => ids.includes(i.id)).map((i) => i.balance)) : totalDue);
  const [amount, setAmount] = useState(value('amount', dueOf(initialChosen)));
  const [touched, setTouched] = useState(Boolean(sent));
  const [method, setMethod] = useState(value('method', 'CASH'));
  const money = (v: string) => formatMoney(v, currency);
  const methodEntities = entities.filter((e) => e.method === method);

  function toggle(id: string, on: boolean) {
    const next = on ? [...chosen, id] : chosen.filter((x) => x !== id);
    setChosen(next);
    if (!touched) setAmount(dueOf(next));
  }

  return (
    <form action={dispatch} key={formKey} className="grid gap-6" noValidate>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="agreementId" value={agreementId} />
      <FormErrorAlert message={formError} />

      <fieldset className="grid gap-2">
        <legend className="mb-1 text-base font-semibold">Facturas a pagar</legend>
        <p className="flex items-start gap-2 text-sm text-muted-foreground">
          <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            Marque las facturas que paga el cliente. Si no marca ninguna, el pago se aplica a las de vencimiento más antiguo primero; lo que exceda lo adeudado queda como saldo a favor del acuerdo.
          </span>
        </p>
        {errors.invoiceIds ? (
          <p className="text-sm text-destructive" role="alert">
            {errors.invoiceIds.join(' ')}
          </p>
        ) : null}
        {invoices.length ? (
          <div className="overflow-x-auto rounded-md border">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead className="w-10">
                    <span className="sr-only">Pagar</span>
                  </TableHead>
                  <TableHead>Número</TableHead>
                  <TableHead>Período</TableHead>
                  <TableHead>Vencimiento</TableHead>
                  <TableHead className="text-right">Saldo</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {invoices.map((i) => (
                  <TableRow key={i.id} data-state={chosen.includes(i.id) ? 'selected' : undefined}>
                    <TableCell>
                      <input
                        type="checkbox"
                        name="invoiceIds[]"
                        value={i.id}
                        checked={chosen.includes(i.id)}
                        onChange={(e) => toggle(i.id, e.target.checked)}
                        className="size-4"
                        aria-label={`Pagar la factura ${i.fiscalNumber ?? ''}`}
                      />
                    </TableCell>
                    <TableCell className="font-mono text-xs whitespace-nowrap">{i.fiscalNumber}</TableCell>
                    <TableCell className="whitespace-nowrap">{i.period ? formatPeriod(i.period) : '—'}</TableCell>
                    <TableCell className="whitespace-nowrap">
                      {i.dueDate ? formatDate(i.dueDate) : '—'} {i.overdue ? <Badge variant="destructive">Vencida</Badge> : null}
                    </TableCell>
                    <TableCell className="text-right whitespace-nowrap tabular-nums">{money(i.balance)}</TableCell>
                  </TableRow>
                ))}
                <TableRow>
                  <TableCell colSpan={4} className="text-right font-medium">
                    Total adeudado
                  </TableCell>
                  <TableCell className="text-right font-semibold whitespace-nowrap tabular-nums">{money(totalDue)}</TableCell>
                </TableRow>
              </TableBody>
            </Table>
          </div>
        ) : (
          <p className="rounded-md border p-4 text-sm text-muted-foreground">El acuerdo no tiene facturas pendientes: el pago quedará entero como saldo a favor.</p>
        )}
      </fieldset>

      <div className="grid max-w-3xl gap-4 sm:grid-cols-2">
        <FormField label={`Importe (${currency})`} htmlFor="amount" required error={errors.amount} description={chosen.length ? 'La suma de las facturas marcadas; puede cobrar menos (pago parcial).' : 'El total adeudado; puede cobrar menos (pago parcial).'}>
          <Input
            name="amount"
            value={amount}
            onChange={(e) => {
              setAmount(e.target.value);
              setTouched(true);
            }}
            inputMode="decimal"
            autoComplete="off"
            {...fieldAria('amount', errors.amount, true)}
          />
        </FormField>
        <FormField label="Fecha del pago" htmlFor="paidOn" required error={errors.paidOn}>
          <Input type="date" name="paidOn" defaultValue={value('paidOn', today)} max={today} {...fieldAria('paidOn', errors.paidOn)} />
        </FormField>
        <FormField label="Medio de pago" htmlFor="method" required error={errors.method}>
          <NativeSelect name="method" value={method} onChange={(e) => setMethod(e.target.value)} {...fieldAria('method', errors.method)}>
            {methods.map((m) => (
              <NativeSelectOption key={m.value} value={m.value}>
                {m.label}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        {WITH_ENTITY.has(method) ? (
          <FormField label={method === 'CARD' ? 'Tarjeta (entidad)' : 'Banco (entidad)'} htmlFor="paymentEntityId" error={errors.paymentEntityId}>
            <NativeSelect name="paymentEntityId" defaultValue={value('paymentEntityId', '')} {...fieldAria('paymentEntityId', errors.paymentEntityId)}>
              <NativeSelectOption value="">Sin indicar</NativeSelectOption>
              {methodEntities.map((e) => (
                <NativeSelectOption key={e.id} value={e.id}>
                  {e.name}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </FormField>
        ) : (
          <input type="hidden" name="paymentEntityId" value="" />
        )}
        <FormField label="Referencia" htmlFor="reference" error={errors.reference} description="N.º de autorización, de transferencia o de cheque.">
          <Input name="reference" defaultValue={value('reference', '')} maxLength={100} autoComplete="off" {...fieldAria('reference', errors.reference, true)} />
        </FormField>
        <FormField label="Notas" htmlFor="notes" error={errors.notes} className="sm:col-span-2">
          <Textarea name="notes" defaultValue={value('notes', '')} maxLength={500} rows={2} {...fieldAria('notes', errors.notes)} />
        </FormField>
      </div>

      <div className="flex gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? <LoaderCircle className="animate-spin" aria-hidden /> : <Wallet aria-hidden />}
          Registrar pago
        </Button>
        <Button variant="outline" asChild>
          <Link href={cancelHref}>Cancelar</Link>
        </Button>
      </div>
    </form>
  );
}
