'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { completeWorkOrder, createWorkOrder, decideWorkOrder } from '@/lib/dal/work-orders';
import { ACCOUNT_STATUS_LABELS } from '@/lib/domain/crm-status';
import { workOrderCompleteSchema, workOrderInputSchema, workOrderRejectSchema } from '@/lib/validation/work-order';
import type { ActionResult } from './result';
import { formAction } from './safe-action';

type State<T> = ActionResult<T> | undefined;

// The order's own page and the screens that list it (agreement, group, account).
function revalidateOrder(order: { id: string; agreementId: string; accountGroupId: string | null; accountId: string | null }) {
  revalidatePath('/ordenes');
  revalidatePath(`/ordenes/${order.id}`);
  revalidatePath(`/acuerdos/${order.agreementId}`);
  if (order.accountGroupId) revalidatePath(`/acuerdos/${order.agreementId}/grupos/${order.accountGroupId}`);
  if (order.accountId) {
    revalidatePath('/cuentas');
    revalidatePath(`/cuentas/${order.accountId}`);
  }
}

const create = formAction('workorders.create', workOrderInputSchema, async (input, actor) => {
  const created = await createWorkOrder(actor, input);
  revalidateOrder(created);
  return created.id;
});

export async function createWorkOrderAction(prev: State<string>, formData: FormData) {
  const result = await create(prev, formData);
  if (result.ok) redirect(`/ordenes/${result.data}?creada=1`);
  return result;
}

export async function approveWorkOrderAction(id: string, prev: State<undefined>, formData: FormData): Promise<ActionResult<undefined>> {
  const run = formAction('workorders.decide', z.object({}), async (_input, actor) => {
    revalidateOrder(await decideWorkOrder(actor, id, 'APPROVE'));
    return undefined;
  });
  const result = await run(prev, formData);
  return result.ok ? { ...result, message: 'Orden aprobada.' } : result;
}

export async function rejectWorkOrderAction(id: string, prev: State<undefined>, formData: FormData): Promise<ActionResult<undefined>> {
  const run = formAction('workorders.decide', workOrderRejectSchema, async ({ reason }, actor) => {
    revalidateOrder(await decideWorkOrder(actor, id, 'REJECT', reason));
    return undefined;
  });
  const result = await run(prev, formData);
  return result.ok ? { ...result, message: 'Orden rechazada.' } : result;
}

export async function completeWorkOrderAction(id: string, prev: State<undefined>, formData: FormData): Promise<ActionResult<undefined>> {
  let message = 'Orden marcada como realizada.';
  const run = formAction('workorders.complete', workOrderCompleteSchema, async ({ notes }, actor) => {
    const { order, accountChange } = await completeWorkOrder(actor, id, notes);
    revalidateOrder(order);
    if (accountChange) {
      const after = ACCOUNT_STATUS_LABELS[accountChange.after].toLowerCase();
      message += accountChange.applied
        ? ` La cuenta ${accountChange.number} quedó ${after}.`
        : ` La cuenta ${accountChange.number} ya estaba ${after}; su estado no cambió.`;
    }
    return undefined;
  });
  const result = await run(prev, formData);
  return result.ok ? { ...result, message } : result;
}
