import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_STATUS_LABELS,
  AGREEMENT_EVENTS,
  AGREEMENT_STATUSES,
  AGREEMENT_STATUS_LABELS,
  WORK_ORDER_EVENTS,
  WORK_ORDER_STATUSES,
  WORK_ORDER_STATUS_LABELS,
  WORK_ORDER_TARGETS,
  WORK_ORDER_TYPES,
  WORK_ORDER_TYPE_LABELS,
  agreementTransition,
  effectOfApproval,
  groupTransition,
  hasReason,
  workOrderTransition,
  type AgreementEvent,
  type AgreementStatus,
  type WorkOrderEvent,
  type WorkOrderStatus,
} from './crm-status';

// Written out by hand (not derived from the module's table) so a wrong rule makes a row fail.
// null = illegal from that status.
const LIFECYCLE_EXPECTED: Record<AgreementStatus, Record<AgreementEvent, AgreementStatus | null>> = {
  NEW: { ACTIVATE: 'ACTIVE', SUSPEND: null, REACTIVATE: null, CLOSE: 'CLOSED' },
  ACTIVE: { ACTIVATE: null, SUSPEND: 'SUSPENDED', REACTIVATE: null, CLOSE: 'CLOSED' },
  SUSPENDED: { ACTIVATE: null, SUSPEND: null, REACTIVATE: 'ACTIVE', CLOSE: 'CLOSED' },
  CLOSED: { ACTIVATE: null, SUSPEND: null, REACTIVATE: null, CLOSE: null },
};
const VERB: Record<AgreementEvent, string> = {
  ACTIVATE: 'activar',
  SUSPEND: 'suspender',
  REACTIVATE: 'reactivar',
  CLOSE: 'cerrar',
};
const LABEL: Record<AgreementStatus, string> = { NEW: 'Nuevo', ACTIVE: 'Activo', SUSPENDED: 'Suspendido', CLOSED: 'Cerrado' };

// 4 statuses × 4 events = 16 rows.
const lifecycleRows = AGREEMENT_STATUSES.flatMap((status) =>
  AGREEMENT_EVENTS.map((event) => ({ status, event, expected: LIFECYCLE_EXPECTED[status][event] })),
);

describe('agreementTransition: every status × event (with a valid reason)', () => {
  it('covers 16 pairs', () => {
    // 4 statuses × 4 events
    expect(lifecycleRows).toHaveLength(16);
  });

  it.each(lifecycleRows)('$status --$event--> $expected', ({ status, event, expected }) => {
    const result = agreementTransition(status, event, 'Solicitud del cliente');
    if (expected) {
      expect(result).toEqual({ ok: true, status: expected });
    } else {
      expect(result).toEqual({ ok: false, error: `No se puede ${VERB[event]} un acuerdo en estado ${LABEL[status]}.` });
    }
  });
});

describe('groupTransition: every status × event (same machine, group wording)', () => {
  it.each(lifecycleRows)('$status --$event--> $expected', ({ status, event, expected }) => {
    const result = groupTransition(status, event, 'Solicitud del cliente');
    if (expected) {
      expect(result).toEqual({ ok: true, status: expected });
    } else {
      expect(result).toEqual({
        ok: false,
        error: `No se puede ${VERB[event]} un grupo de cuentas en estado ${LABEL[status]}.`,
      });
    }
  });
});

describe('agreement reasons', () => {
  it('gives the exact refusal from the spec for suspending a new agreement', () => {
    expect(agreementTransition('NEW', 'SUSPEND', 'Mora')).toEqual({
      ok: false,
      error: 'No se puede suspender un acuerdo en estado Nuevo.',
    });
  });

  it.each([
    ['ACTIVE', 'SUSPEND'],
    ['SUSPENDED', 'REACTIVATE'],
    ['NEW', 'CLOSE'],
    ['ACTIVE', 'CLOSE'],
    ['SUSPENDED', 'CLOSE'],
  ] as const)('%s --%s--> requires a reason', (status, event) => {
    expect(agreementTransition(status, event)).toEqual({ ok: false, error: 'Indique el motivo.' });
    expect(agreementTransition(status, event, '   ')).toEqual({ ok: false, error: 'Indique el motivo.' });
  });

  it('counts the reason after trimming: " ab " is 2 chars, "abc" is 3', () => {
    // ' ab '.trim() = 'ab' → 2 < 3 refused; ' abc '.trim() = 'abc' → 3 ≥ 3 accepted
    expect(agreementTransition('ACTIVE', 'SUSPEND', ' ab ')).toEqual({ ok: false, error: 'Indique el motivo.' });
    expect(agreementTransition('ACTIVE', 'SUSPEND', ' abc ')).toEqual({ ok: true, status: 'SUSPENDED' });
  });

  it('activates without a reason (the approved work order is the reason)', () => {
    expect(agreementTransition('NEW', 'ACTIVATE')).toEqual({ ok: true, status: 'ACTIVE' });
    expect(groupTransition('NEW', 'ACTIVATE')).toEqual({ ok: true, status: 'ACTIVE' });
  });

  it('reports illegality before a missing reason', () => {
    // CLOSED is final: the refusal is about the status, not the blank reason
    expect(agreementTransition('CLOSED', 'CLOSE', '')).toEqual({
      ok: false,
      error: 'No se puede cerrar un acuerdo en estado Cerrado.',
    });
  });

  it('refuses an unknown event coming from untyped input', () => {
    expect(agreementTransition('ACTIVE', 'DELETE' as AgreementEvent, 'abc')).toEqual({ ok: false, error: 'Acción no válida.' });
    expect(agreementTransition('ACTIVE', 'toString' as AgreementEvent, 'abc')).toEqual({ ok: false, error: 'Acción no válida.' });
  });

  it('hasReason needs 3 trimmed characters', () => {
    expect(hasReason(undefined)).toBe(false);
    expect(hasReason(null)).toBe(false);
    expect(hasReason('  no  ')).toBe(false);
    expect(hasReason('sí.')).toBe(true);
  });
});

const WORK_ORDER_EXPECTED: Record<WorkOrderStatus, Record<WorkOrderEvent, WorkOrderStatus | null>> = {
  PENDING: { APPROVE: 'APPROVED', REJECT: 'REJECTED', COMPLETE: null },
  APPROVED: { APPROVE: null, REJECT: null, COMPLETE: 'DONE' },
  REJECTED: { APPROVE: null, REJECT: null, COMPLETE: null },
  DONE: { APPROVE: null, REJECT: null, COMPLETE: null },
};
const WO_VERB: Record<WorkOrderEvent, string> = { APPROVE: 'aprobar', REJECT: 'rechazar', COMPLETE: 'completar' };
const WO_LABEL: Record<WorkOrderStatus, string> = {
  PENDING: 'Pendiente',
  APPROVED: 'Aprobada',
  REJECTED: 'Rechazada',
  DONE: 'Realizada',
};

// 4 statuses × 3 events = 12 rows.
const workOrderRows = WORK_ORDER_STATUSES.flatMap((status) =>
  WORK_ORDER_EVENTS.map((event) => ({ status, event, expected: WORK_ORDER_EXPECTED[status][event] })),
);

describe('workOrderTransition: every status × event (distinct decider, valid reason)', () => {
  it('covers 12 pairs', () => {
    // 4 statuses × 3 events
    expect(workOrderRows).toHaveLength(12);
  });

  it.each(workOrderRows)('$status --$event--> $expected', ({ status, event, expected }) => {
    const result = workOrderTransition(status, event, { actorId: 'u2', creatorId: 'u1', reason: 'Documentación incompleta' });
    if (expected) {
      expect(result).toEqual({ ok: true, status: expected });
    } else {
      expect(result).toEqual({ ok: false, error: `No se puede ${WO_VERB[event]} una orden en estado ${WO_LABEL[status]}.` });
    }
  });
});

describe('workOrderTransition: four eyes and reasons', () => {
  const sameUser = { actorId: 'u1', creatorId: 'u1', reason: 'Documentación incompleta' };
  const sameUserError = { ok: false, error: 'La orden debe aprobarla un usuario distinto de quien la creó.' };

  it('refuses approval by the creator', () => {
    expect(workOrderTransition('PENDING', 'APPROVE', sameUser)).toEqual(sameUserError);
  });

  it('refuses rejection by the creator', () => {
    expect(workOrderTransition('PENDING', 'REJECT', sameUser)).toEqual(sameUserError);
  });

  it('lets the creator complete an approved order (completing is not a decision)', () => {
    expect(workOrderTransition('APPROVED', 'COMPLETE', sameUser)).toEqual({ ok: true, status: 'DONE' });
  });

  it('lets anyone decide an order whose creator is unknown', () => {
    expect(workOrderTransition('PENDING', 'APPROVE', { actorId: 'u1', creatorId: null })).toEqual({ ok: true, status: 'APPROVED' });
    expect(workOrderTransition('PENDING', 'APPROVE', { actorId: 'u1', creatorId: '' })).toEqual({ ok: true, status: 'APPROVED' });
  });

  it('requires a reason to reject, but not to approve or complete', () => {
    expect(workOrderTransition('PENDING', 'REJECT', { actorId: 'u2', creatorId: 'u1', reason: ' no ' })).toEqual({
      ok: false,
      error: 'Indique el motivo.',
    });
    expect(workOrderTransition('PENDING', 'APPROVE', { actorId: 'u2', creatorId: 'u1' })).toEqual({ ok: true, status: 'APPROVED' });
    expect(workOrderTransition('APPROVED', 'COMPLETE', { actorId: 'u2', creatorId: 'u1' })).toEqual({ ok: true, status: 'DONE' });
  });

  it('reports an illegal status before the four-eyes rule', () => {
    expect(workOrderTransition('DONE', 'APPROVE', sameUser)).toEqual({
      ok: false,
      error: 'No se puede aprobar una orden en estado Realizada.',
    });
  });
});

describe('effectOfApproval', () => {
  // Expected effect for every type × target (6 × 3 = 18); unlisted pairs have no effect.
  const EFFECTS: Record<string, unknown> = {
    'ACTIVATION/AGREEMENT': { at: 'APPROVE', targetEvent: 'ACTIVATE' },
    'ACTIVATION/ACCOUNT_GROUP': { at: 'APPROVE', targetEvent: 'ACTIVATE' },
    'DISCONNECTION/ACCOUNT': { at: 'COMPLETE', accountStatus: 'DISCONNECTED' },
    'RECONNECTION/ACCOUNT': { at: 'COMPLETE', accountStatus: 'ACTIVE' },
  };
  const rows = WORK_ORDER_TYPES.flatMap((type) => WORK_ORDER_TARGETS.map((target) => ({ type, target })));

  it.each(rows)('$type on $target', ({ type, target }) => {
    expect(effectOfApproval(type, target)).toEqual(EFFECTS[`${type}/${target}`] ?? null);
  });
});

describe('labels', () => {
  it('names every status and type in Spanish', () => {
    expect(AGREEMENT_STATUS_LABELS).toEqual({ NEW: 'Nuevo', ACTIVE: 'Activo', SUSPENDED: 'Suspendido', CLOSED: 'Cerrado' });
    expect(ACCOUNT_STATUS_LABELS).toEqual({ ACTIVE: 'Activa', DISCONNECTED: 'Cortada', CLOSED: 'Cerrada' });
    expect(WORK_ORDER_STATUS_LABELS).toEqual(WO_LABEL);
    expect(WORK_ORDER_TYPE_LABELS).toEqual({
      ACTIVATION: 'Activación',
      NEW_CONNECTION: 'Nueva conexión',
      DISCONNECTION: 'Corte',
      RECONNECTION: 'Reconexión',
      METER_CHANGE: 'Cambio de medidor',
      INSPECTION: 'Inspección',
    });
  });
});
