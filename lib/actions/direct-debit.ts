'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { UserError } from '@/lib/auth/errors';
import { generateBatch, generateBatchSchema, importResponse, MAX_RESPONSE_BYTES, type ImportResult } from '@/lib/dal/direct-debit';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

type State<T> = ActionResult<T> | undefined;

const generate = formAction('payments.write', generateBatchSchema, (input, actor) => generateBatch(actor, input));

/** Generates (or finds) the batch of a bank, period and currency and opens it. */
export async function generateDebitBatchAction(_prev: State<{ id: string }>, formData: FormData): Promise<State<{ id: string }>> {
  const result = await generate(undefined, formData);
  if (!result.ok) return result;
  revalidatePath('/cobros/debitos');
  redirect(`/cobros/debitos/${result.data.id}?${result.data.replayed ? 'existente' : 'generado'}=1`);
}

const fileError = (message: string) => new UserError(message, { file: [message] });

/**
 * The uploaded response as text, checked by content (not by its name or the type the browser
 * sent): at most MAX_RESPONSE_BYTES, no NUL bytes (a binary file), UTF-8 — or Windows-1252, which
 * some banks still export, when the bytes are not valid UTF-8.
 */
async function responseText(file: FormDataEntryValue | null): Promise<string> {
  if (!file || typeof file === 'string' || file.size === 0) throw fileError('Elija el archivo de respuesta del banco.');
  if (file.size > MAX_RESPONSE_BYTES) throw fileError(`El archivo supera el máximo de ${MAX_RESPONSE_BYTES / 1_000_000} MB.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) throw fileError('El archivo no es un CSV de texto.');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

const importSchema = z.object({ batchId: z.uuid({ error: 'Lote no válido.' }) });

/**
 * Imports the bank's response file to a batch and, once imported, reopens the batch. Otherwise the
 * answer says it was already imported (the same file: nothing changes) or was refused, with its
 * errors per line.
 */
export async function importDebitResponseAction(prev: State<ImportResult>, formData: FormData): Promise<State<ImportResult>> {
  const run = formAction('payments.write', importSchema, async (input, actor) => importResponse(actor, input.batchId, await responseText(formData.get('file'))));
  const result = await run(prev, formData);
  if (!result.ok || result.data.outcome !== 'imported') return result;
  const batchId = String(formData.get('batchId'));
  revalidatePath('/cobros/debitos');
  revalidatePath('/cobros');
  redirect(`/cobros/debitos/${batchId}?importado=1`);
}
