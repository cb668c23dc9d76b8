'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { addDraftLine, createCreditNote, createDebitNote, createManualDraft, deleteDraft, issueManualInvoice, removeDraftLine } from '@/lib/dal/invoice-documents';
import { creditNoteSchema, debitNoteSchema, draftLineSchema, invoiceIdSchema, newManualInvoiceSchema, removeDraftLineSchema } from '@/lib/validation/invoice-documents';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

type State<T> = ActionResult<T> | undefined;

const create = formAction('billing.write', newManualInvoiceSchema, (input, actor) => createManualDraft(actor, input));

/** Creates the draft of a manual invoice and opens its editor. */
export async function createManualDraftAction(prev: State<string>, formData: FormData) {
  const result = await create(prev, formData);
  if (result.ok) {
    revalidatePath('/facturas');
    redirect(`/facturas/${result.data}/editar`);
  }
  return result;
}

const addLine = formAction('billing.write', draftLineSchema, (input, actor) => addDraftLine(actor, input));

/** Adds a line to a draft; the editor re-renders with the new totals. */
export async function addDraftLineAction(prev: State<number>, formData: FormData) {
  const result = await addLine(prev, formData);
  if (result.ok) revalidatePath(`/facturas/${String(formData.get('invoiceId'))}/editar`);
  return result;
}

const removeLine = formAction('billing.write', removeDraftLineSchema, async (input, actor) => {
  await removeDraftLine(actor, input);
  return input.lineNo;
});

export async function removeDraftLineAction(prev: State<number>, formData: FormData) {
  const result = await removeLine(prev, formData);
  if (result.ok) revalidatePath(`/facturas/${String(formData.get('invoiceId'))}/editar`);
  return result;
}

const issue = formAction('billing.write', invoiceIdSchema, async (input, actor) => (await issueManualInvoice(actor, input.invoiceId)).id);

/** Issues the draft (number, due date, printable items) and shows the invoice. */
export async function issueManualInvoiceAction(prev: State<string>, formData: FormData) {
  const result = await issue(prev, formData);
  if (result.ok) {
    revalidatePath('/facturas');
    redirect(`/facturas/${result.data}`);
  }
  return result;
}

const remove = formAction('billing.write', invoiceIdSchema, async (input, actor) => {
  await deleteDraft(actor, input.invoiceId);
  return input.invoiceId;
});

export async function deleteDraftAction(prev: State<string>, formData: FormData) {
  const result = await remove(prev, formData);
  if (result.ok) {
    revalidatePath('/facturas');
    redirect('/facturas');
  }
  return result;
}

const credit = formAction('billing.write', creditNoteSchema, async (input, actor) => (await createCreditNote(actor, input)).id);

/** Issues a credit note and shows it. */
export async function createCreditNoteAction(prev: State<string>, formData: FormData) {
  const result = await credit(prev, formData);
  if (result.ok) {
    revalidatePath('/facturas');
    redirect(`/facturas/${result.data}`);
  }
  return result;
}

const debit = formAction('billing.write', debitNoteSchema, async (input, actor) => (await createDebitNote(actor, input)).id);

/** Issues a debit note and shows it. */
export async function createDebitNoteAction(prev: State<string>, formData: FormData) {
  const result = await debit(prev, formData);
  if (result.ok) {
    revalidatePath('/facturas');
    redirect(`/facturas/${result.data}`);
  }
  return result;
}
