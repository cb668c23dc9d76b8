'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { UserError } from '@/lib/auth/errors';
import { getBillingRun, resumeRun, startBillingRun } from '@/lib/dal/billing-runs';
import { resolveBillingRunScope } from '@/lib/dal/invoices';
import { billingRunFormSchema } from '@/lib/validation/invoices';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

function opened(result: ActionResult<string>): ActionResult<string> {
  if (result.ok) {
    revalidatePath('/facturacion');
    redirect(`/facturacion/${result.data}`);
  }
  return result;
}

/** The run form: a preview or a run of the period for the scope chosen (checked against the actor's branches), then its page. */
export async function startBillingRunAction(prev: ActionResult<string> | undefined, formData: FormData) {
  const start = formAction('billing.write', billingRunFormSchema, async (input, actor) => {
    const scope = await resolveBillingRunScope(actor, input);
    return (await startBillingRun(actor, { mode: input.mode, period: input.period, issueDate: input.issueDate, ...scope })).runId;
  });
  return opened(await start(prev, formData));
}

/** "Facturar este período con el mismo alcance": a RUN with the period, issue date and scope of a finished preview. */
export async function runPreviewAction(previewId: string, prev: ActionResult<string> | undefined, formData: FormData) {
  const run = formAction('billing.write', z.object({}), async (_input, actor) => {
    const { run: preview } = await getBillingRun(actor, previewId);
    if (preview.mode !== 'PREVIEW') throw new UserError('Esta corrida ya es una facturación.');
    if (preview.status !== 'DONE') throw new UserError('Espere a que termine la vista previa.');
    return (await startBillingRun(actor, { mode: 'RUN', period: preview.period, issueDate: preview.issueDate, ...preview.scope })).runId;
  });
  return opened(await run(prev, formData));
}

/** Resumes a run that stopped (failed, or without a heartbeat for a while) after its last committed batch. */
export async function resumeBillingRunAction(runId: string, prev: ActionResult<string> | undefined, formData: FormData) {
  const resume = formAction('billing.write', z.object({}), async (_input, actor) => (await resumeRun(actor, runId)).runId);
  const result = await resume(prev, formData);
  if (result.ok) revalidatePath(`/facturacion/${runId}`);
  return result.ok ? { ...result, message: 'La corrida se reanudó.' } : result;
}
