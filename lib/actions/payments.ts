'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { registerPayment, reversePayment } from '@/lib/dal/payments';
import { paymentInputSchema, paymentReversalSchema } from '@/lib/validation/payments';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

type State<T> = ActionResult<T> | undefined;

const register = formAction('payments.write', paymentInputSchema, async (input, actor) => {
  // Registered by a person at the office: a bank transfer arrived by transfer, everything else at the desk.
  const channel = input.method === 'BANK_TRANSFER' ? 'BANK_TRANSFER' : 'CASHIER';
  // The data layer parses again; hand it the parsed values in their input shape (null → absent).
  return registerPayment(actor, {
    ...input,
    channel,
    paymentEntityId: input.paymentEntityId ?? undefined,
    reference: input.reference ?? undefined,
    notes: input.notes ?? undefined,
  });
});

/**
 * Registers a payment from the form and shows its detail. The form carries an idempotency key
 * made when the page was rendered: a double submit or a retry shows the one payment recorded.
 */
export async function registerPaymentAction(_prev: State<{ id: string }>, formData: FormData): Promise<State<{ id: string }>> {
  const result = await register(undefined, formData);
  if (!result.ok) return result;
  revalidatePath('/cobros');
  redirect(`/cobros/${result.data.id}?${result.data.replayed ? 'repetido' : 'registrado'}=1`);
}

const reversalSchema = paymentReversalSchema.extend({ paymentId: z.uuid({ error: 'Pago no válido.' }) });

const reverse = formAction('payments.reverse', reversalSchema, async (input, actor) => {
  await reversePayment(actor, input.paymentId, { reason: input.reason });
  return { id: input.paymentId };
});

/** Reverses a confirmed payment with its reason; its invoices get their balances back. */
export async function reversePaymentAction(_prev: State<{ id: string }>, formData: FormData): Promise<State<{ id: string }>> {
  const result = await reverse(undefined, formData);
  if (!result.ok) return result;
  revalidatePath('/cobros');
  revalidatePath(`/cobros/${result.data.id}`);
  return { ok: true, data: result.data, message: 'Pago revertido: las facturas recuperaron su saldo.' };
}
