import { z } from 'zod';
import { MIN_REASON_LENGTH, WORK_ORDER_STATUSES, WORK_ORDER_TARGETS, WORK_ORDER_TYPES, type AccountStatus, type WorkOrderType } from '@/lib/domain/crm-status';

/** Types staff create by hand. ACTIVATION orders are created only with their agreement or group. */
export const MANUAL_WORK_ORDER_TYPES = ['NEW_CONNECTION', 'DISCONNECTION', 'RECONNECTION', 'METER_CHANGE', 'INSPECTION'] as const;
export type ManualWorkOrderType = (typeof MANUAL_WORK_ORDER_TYPES)[number];

/** Field work on one connection: these orders always name the account. */
export const ACCOUNT_ONLY_TYPES: readonly WorkOrderType[] = ['DISCONNECTION', 'RECONNECTION', 'METER_CHANGE'];

/**
 * The account status an order of this type needs when it is created, and the verb for the refusal:
 * only an active account can be cut, only a cut one reconnected.
 */
export const REQUIRED_ACCOUNT_STATUS: Partial<Record<WorkOrderType, { status: AccountStatus; verb: string }>> = {
  DISCONNECTION: { status: 'ACTIVE', verb: 'cortar una cuenta activa' },
  RECONNECTION: { status: 'DISCONNECTED', verb: 'reconectar una cuenta cortada' },
};

/** Targets of a hand-made order: one account, or the agreement as a whole. */
export const MANUAL_WORK_ORDER_TARGETS = ['ACCOUNT', 'AGREEMENT'] as const;

const blankToNull = (v: string | undefined) => (v ? v : null);

/** The new-order form. The account must be one of the agreement's accounts (checked by the data layer). */
export const workOrderInputSchema = z
  .object({
    agreementId: z.uuid({ error: 'Acuerdo no válido.' }),
    type: z.enum(MANUAL_WORK_ORDER_TYPES, { error: 'Seleccione el tipo de orden (las activaciones se crean con el acuerdo o el grupo).' }),
    target: z.enum(MANUAL_WORK_ORDER_TARGETS, { error: 'Indique si la orden es sobre una cuenta o sobre el acuerdo.' }),
    accountId: z.string().trim().optional().transform(blankToNull).pipe(z.uuid({ error: 'Cuenta no válida.' }).nullable()),
    description: z.string().trim().min(5, { error: 'Describa el trabajo a realizar (mínimo 5 caracteres).' }).max(2000, { error: 'Máximo 2000 caracteres.' }),
  })
  .superRefine((v, ctx) => {
    if (ACCOUNT_ONLY_TYPES.includes(v.type) && v.target !== 'ACCOUNT') {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'Este tipo de orden se hace sobre una cuenta.' });
    }
    if (v.target === 'ACCOUNT' && !v.accountId) {
      ctx.addIssue({ code: 'custom', path: ['accountId'], message: 'Seleccione la cuenta.' });
    }
  })
  // An order on the whole agreement names no account, whatever the form sent.
  .transform((v) => ({ ...v, accountId: v.target === 'ACCOUNT' ? v.accountId : null }));

export type WorkOrderInput = z.output<typeof workOrderInputSchema>;

/** Rejecting needs a reason the creator can act on. */
export const workOrderRejectSchema = z.object({
  reason: z.string().trim().min(MIN_REASON_LENGTH, { error: `Indique el motivo del rechazo (mínimo ${MIN_REASON_LENGTH} caracteres).` }).max(1000, { error: 'Máximo 1000 caracteres.' }),
});

export const workOrderCompleteSchema = z.object({
  notes: z.string().trim().max(2000, { error: 'Máximo 2000 caracteres.' }).optional().transform((v) => v || undefined),
});

/** `status=ALL` lists every status; no status means the default tab, pending orders. */
export const workOrderListSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum([...WORK_ORDER_STATUSES, 'ALL']).optional().catch(undefined),
  type: z.enum(WORK_ORDER_TYPES).optional().catch(undefined),
  target: z.enum(WORK_ORDER_TARGETS).optional().catch(undefined),
  branchId: z.uuid().optional().catch(undefined),
  agreementId: z.uuid().optional().catch(undefined),
  accountGroupId: z.uuid().optional().catch(undefined),
  accountId: z.uuid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type WorkOrderListParams = z.output<typeof workOrderListSchema>;
