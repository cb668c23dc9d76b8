'use server';

import { revalidatePath } from 'next/cache';
import { applyImport, previewImport, recordReading } from '@/lib/dal/readings';
import { readingEntrySchema, readingsImportSchema } from '@/lib/validation/readings';
import { objectAction } from './safe-action';

/** Saves one row of the entry screen; the result carries what was billed or the errors to show inline. */
export async function saveReadingAction(input: unknown) {
  const save = objectAction('readings.write', readingEntrySchema, async (reading, actor) => {
    const outcome = await recordReading(actor, reading);
    const r = outcome.reading;
    return { status: outcome.status, reason: outcome.reason, consumption: r.consumption, estimated: r.estimated, value: r.value, anomalyCode: r.anomalyCode, readingDate: r.readingDate, period: r.period };
  });
  const result = await save(input);
  if (result.ok && result.data.status !== 'unchanged') revalidatePath(`/cuentas/${(input as { accountId: string }).accountId}`);
  return result;
}

/** The per-row report of a readings CSV, writing nothing. */
export async function previewReadingsImportAction(input: unknown) {
  return objectAction('readings.write', readingsImportSchema, (data, actor) => previewImport(actor, data.csv))(input);
}

/** Imports the good rows of a readings CSV in one transaction. */
export async function applyReadingsImportAction(input: unknown) {
  const result = await objectAction('readings.write', readingsImportSchema, (data, actor) => applyImport(actor, data.csv))(input);
  if (result.ok && result.data.imported > 0) revalidatePath('/lecturas');
  return result;
}
