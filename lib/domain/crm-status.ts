/**
 * CRM state machines: agreement, account group, work order and account statuses.
 * Each transition answers with the next status or a Spanish refusal written for the user.
 * Pure functions, no I/O: the caller locks the row, applies the result and audits it.
 */

export type TransitionResult<S extends string> = { ok: true; status: S } | { ok: false; error: string };

/** A reason is "given" when it has at least 3 characters once trimmed. */
export const MIN_REASON_LENGTH = 3;
const REASON_REQUIRED = 'Indique el motivo.';

// Reason check shared by every machine; e.g. hasReason('  ok ') → false (2 chars), hasReason('Mora') → true.
export function hasReason(reason: string | null | undefined): boolean {
  return (reason ?? '').trim().length >= MIN_REASON_LENGTH;
}

// ─── Agreement and account group ───────────────────────────────────────────────────────────

export const AGREEMENT_STATUSES = ['NEW', 'ACTIVE', 'SUSPENDED', 'CLOSED'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  NEW: 'Nuevo',
  ACTIVE: 'Activo',
  SUSPENDED: 'Suspendido',
  CLOSED: 'Cerrado',
};

/** An account group goes through the same lifecycle as an agreement ("grupo" is masculine too). */
export const GROUP_STATUSES = AGREEMENT_STATUSES;
export type GroupStatus = AgreementStatus;
export const GROUP_STATUS_LABELS: Record<GroupStatus, string> = AGREEMENT_STATUS_LABELS;

export const AGREEMENT_EVENTS = ['ACTIVATE', 'SUSPEND', 'REACTIVATE', 'CLOSE'] as const;
export type AgreementEvent = (typeof AGREEMENT_EVENTS)[number];
export type GroupEvent = AgreementEvent;

type Rule<S extends string> = { from: readonly S[]; to: S; reasonRequired: boolean; verb: string };

/**
 * The lifecycle shared by agreements and account groups. ACTIVATE needs no reason because it
 * only happens when the target's activation work order is approved (the DAL calls it then and
 * nowhere else). CLOSED is final: no event leaves it.
 */
const LIFECYCLE: Record<AgreementEvent, Rule<AgreementStatus>> = {
  ACTIVATE: { from: ['NEW'], to: 'ACTIVE', reasonRequired: false, verb: 'activar' },
  SUSPEND: { from: ['ACTIVE'], to: 'SUSPENDED', reasonRequired: true, verb: 'suspender' },
  REACTIVATE: { from: ['SUSPENDED'], to: 'ACTIVE', reasonRequired: true, verb: 'reactivar' },
  CLOSE: { from: ['NEW', 'ACTIVE', 'SUSPENDED'], to: 'CLOSED', reasonRequired: true, verb: 'cerrar' },
};

// Finds the rule for an event legal from this status, or the Spanish refusal; e.g. (LIFECYCLE,…,'NEW','SUSPEND') → "No se puede suspender un acuerdo en estado Nuevo."
function legalRule<S extends string, E extends string>(
  table: Record<E, Rule<S>>,
  labels: Record<S, string>,
  noun: string,
  status: S,
  event: E,
): Rule<S> | { error: string } {
  const rule = Object.hasOwn(table, event) ? table[event] : undefined;
  if (!rule) return { error: 'Acción no válida.' };
  if (!rule.from.includes(status)) {
    return { error: `No se puede ${rule.verb} ${noun} en estado ${labels[status] ?? status}.` };
  }
  return rule;
}

// Legality first, then the reason; e.g. on SUSPENDED, CLOSE with 'Baja' → CLOSED, with '  ' → "Indique el motivo."
function applyRule<S extends string, E extends string>(
  table: Record<E, Rule<S>>,
  labels: Record<S, string>,
  noun: string,
  status: S,
  event: E,
  reason: string | null | undefined,
): TransitionResult<S> {
  const rule = legalRule(table, labels, noun, status, event);
  if ('error' in rule) return { ok: false, error: rule.error };
  if (rule.reasonRequired && !hasReason(reason)) return { ok: false, error: REASON_REQUIRED };
  return { ok: true, status: rule.to };
}

// Agreement lifecycle; e.g. ('ACTIVE','SUSPEND','Mora') → SUSPENDED; ('NEW','SUSPEND','Mora') → "No se puede suspender un acuerdo en estado Nuevo."
export function agreementTransition(
  status: AgreementStatus,
  event: AgreementEvent,
  reason?: string | null,
): TransitionResult<AgreementStatus> {
  return applyRule(LIFECYCLE, AGREEMENT_STATUS_LABELS, 'un acuerdo', status, event, reason);
}

// Account group lifecycle, same table as agreements; e.g. ('NEW','ACTIVATE') → ACTIVE; ('CLOSED','REACTIVATE','x y z') → refused.
export function groupTransition(
  status: GroupStatus,
  event: GroupEvent,
  reason?: string | null,
): TransitionResult<GroupStatus> {
  return applyRule(LIFECYCLE, GROUP_STATUS_LABELS, 'un grupo de cuentas', status, event, reason);
}

// ─── Account ───────────────────────────────────────────────────────────────────────────────

export const ACCOUNT_STATUSES = ['ACTIVE', 'DISCONNECTED', 'CLOSED'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  ACTIVE: 'Activa',
  DISCONNECTED: 'Cortada',
  CLOSED: 'Cerrada',
};

// ─── Work order ────────────────────────────────────────────────────────────────────────────

export const WORK_ORDER_TYPES = [
  'ACTIVATION',
  'NEW_CONNECTION',
  'DISCONNECTION',
  'RECONNECTION',
  'METER_CHANGE',
  'INSPECTION',
] as const;
export type WorkOrderType = (typeof WORK_ORDER_TYPES)[number];

export const WORK_ORDER_TYPE_LABELS: Record<WorkOrderType, string> = {
  ACTIVATION: 'Activación',
  NEW_CONNECTION: 'Nueva conexión',
  DISCONNECTION: 'Corte',
  RECONNECTION: 'Reconexión',
  METER_CHANGE: 'Cambio de medidor',
  INSPECTION: 'Inspección',
};

export const WORK_ORDER_STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'DONE'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

export const WORK_ORDER_STATUS_LABELS: Record<WorkOrderStatus, string> = {
  PENDING: 'Pendiente',
  APPROVED: 'Aprobada',
  REJECTED: 'Rechazada',
  DONE: 'Realizada',
};

export const WORK_ORDER_TARGETS = ['AGREEMENT', 'ACCOUNT_GROUP', 'ACCOUNT'] as const;
export type WorkOrderTarget = (typeof WORK_ORDER_TARGETS)[number];

export const WORK_ORDER_TARGET_LABELS: Record<WorkOrderTarget, string> = {
  AGREEMENT: 'Acuerdo',
  ACCOUNT_GROUP: 'Grupo de cuentas',
  ACCOUNT: 'Cuenta',
};

export const WORK_ORDER_EVENTS = ['APPROVE', 'REJECT', 'COMPLETE'] as const;
export type WorkOrderEvent = (typeof WORK_ORDER_EVENTS)[number];

const WORK_ORDER_RULES: Record<WorkOrderEvent, Rule<WorkOrderStatus>> = {
  APPROVE: { from: ['PENDING'], to: 'APPROVED', reasonRequired: false, verb: 'aprobar' },
  REJECT: { from: ['PENDING'], to: 'REJECTED', reasonRequired: true, verb: 'rechazar' },
  COMPLETE: { from: ['APPROVED'], to: 'DONE', reasonRequired: false, verb: 'completar' },
};

/** Events that decide an order; the decider must not be the order's creator (four-eyes rule). */
const DECISIONS: readonly WorkOrderEvent[] = ['APPROVE', 'REJECT'];
export const SAME_USER_ERROR = 'La orden debe aprobarla un usuario distinto de quien la creó.';

export type WorkOrderContext = { actorId: string; creatorId: string | null; reason?: string | null };

/**
 * Work order lifecycle, checked in this order: legal from this status, decider ≠ creator, reason.
 * An order whose creator is unknown (null or '', e.g. the user was deleted) can be decided by anyone
 * allowed to. E.g. ('PENDING','APPROVE',{actorId:'u2',creatorId:'u1'}) → APPROVED; with actorId 'u1' → refused.
 */
export function workOrderTransition(
  status: WorkOrderStatus,
  event: WorkOrderEvent,
  ctx: WorkOrderContext,
): TransitionResult<WorkOrderStatus> {
  const rule = legalRule(WORK_ORDER_RULES, WORK_ORDER_STATUS_LABELS, 'una orden', status, event);
  if ('error' in rule) return { ok: false, error: rule.error };
  if (DECISIONS.includes(event) && ctx.creatorId && ctx.actorId === ctx.creatorId) {
    return { ok: false, error: SAME_USER_ERROR };
  }
  if (rule.reasonRequired && !hasReason(ctx.reason)) return { ok: false, error: REASON_REQUIRED };
  return { ok: true, status: rule.to };
}

/**
 * What an approved order does to its target, and at which step:
 * - ACTIVATION on an AGREEMENT or ACCOUNT_GROUP → the target's 'ACTIVATE' event, when the order is approved;
 * - DISCONNECTION on an ACCOUNT → account status DISCONNECTED, when the order is completed (the cut is done);
 * - RECONNECTION on an ACCOUNT → account status ACTIVE, when the order is completed;
 * - anything else (new connection, meter change, inspection, or a type on a target it does not apply to) → null.
 */
export type WorkOrderEffect =
  | { at: 'APPROVE'; targetEvent: 'ACTIVATE' }
  | { at: 'COMPLETE'; accountStatus: AccountStatus }
  | null;

// Effect of an order on its target; e.g. ('ACTIVATION','AGREEMENT') → { at:'APPROVE', targetEvent:'ACTIVATE' }; ('INSPECTION','ACCOUNT') → null.
export function effectOfApproval(type: WorkOrderType, target: WorkOrderTarget): WorkOrderEffect {
  if (type === 'ACTIVATION' && (target === 'AGREEMENT' || target === 'ACCOUNT_GROUP')) {
    return { at: 'APPROVE', targetEvent: 'ACTIVATE' };
  }
  if (type === 'DISCONNECTION' && target === 'ACCOUNT') return { at: 'COMPLETE', accountStatus: 'DISCONNECTED' };
  if (type === 'RECONNECTION' && target === 'ACCOUNT') return { at: 'COMPLETE', accountStatus: 'ACTIVE' };
  return null;
}
