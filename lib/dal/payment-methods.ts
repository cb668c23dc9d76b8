import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import { findAgreement, lockAgreement } from '@/db/queries/agreements';
import { recordAudit } from '@/db/queries/audit';
import * as q from '@/db/queries/payment-methods';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can, type Permission } from '@/lib/auth/roles';
import { branchScope, inBranchScope, type Actor } from '@/lib/auth/scope';
import {
  CARD_BRANDS,
  maskInstrument,
  needsEntity,
  needsInstrumentNumber,
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  tokenizeInstrument,
  validateInstrument,
  type CardBrand,
  type PaymentMethod,
} from '@/lib/domain/payment-instrument';
import { instrumentSecret } from '@/lib/instrument-secret';
import type { PaymentMethodInput } from '@/lib/validation/payment-method';
import { isUuid } from './customers';
import { uniqueViolation } from './unique-violation';

function assertCan(actor: Actor, permission: Permission) {
  if (!can(actor.role, permission)) throw new ForbiddenError();
}

const agreementNotFound = () => new NotFoundError('No se encontró el acuerdo.');
const methodNotFound = () => new NotFoundError('No se encontró el medio de pago.');
const closedError = () => new UserError('Un acuerdo cerrado no admite cambios en sus medios de pago.');

/** The agreement within the actor's branches, or "not found" (another branch's agreement included). */
async function agreementInScope(db: DbOrTx, actor: Actor, agreementId: string) {
  if (!isUuid(agreementId)) throw agreementNotFound();
  const row = await findAgreement(db, branchScope(actor), agreementId);
  if (!row) throw agreementNotFound();
  return row.agreement;
}

export type PaymentMethodView = {
  id: string;
  method: PaymentMethod;
  methodLabel: string;
  entityName: string | null;
  /** '•••• 4242', or '' when the method has no instrument number. */
  masked: string;
  /** 'MM/AAAA' for cards, else null. */
  expiry: string | null;
  isDefault: boolean;
  active: boolean;
};

/** The payment methods of an agreement the actor can see; never the token. */
export async function listPaymentMethods(actor: Actor, agreementId: string, db = getDb()): Promise<PaymentMethodView[]> {
  assertCan(actor, 'agreements.read');
  await agreementInScope(db, actor, agreementId);
  const rows = await q.listAgreementPaymentMethods(db, agreementId);
  return rows.map((r) => ({
    id: r.id,
    method: r.method,
    methodLabel: PAYMENT_METHOD_LABELS[r.method],
    entityName: r.entityName,
    masked: maskInstrument(r.instrumentLast4),
    expiry: r.expiryMonth && r.expiryYear ? `${String(r.expiryMonth).padStart(2, '0')}/${r.expiryYear}` : null,
    isDefault: r.isDefault,
    active: r.active,
  }));
}

export type PaymentMethodOption = { value: PaymentMethod; label: string; needsEntity: boolean; needsNumber: boolean; needsExpiry: boolean };

/**
 * What the "new payment method" page needs: the agreement (in scope, else 404), whether it still
 * accepts changes (not CLOSED), the methods with the fields each needs, and the active entities.
 */
export async function paymentMethodFormOptions(actor: Actor, agreementId: string, db = getDb()) {
  assertCan(actor, 'agreements.write');
  const agreement = await agreementInScope(db, actor, agreementId);
  const entities = await q.listActiveEntities(db);
  const methods: PaymentMethodOption[] = PAYMENT_METHODS.map((m) => ({
    value: m,
    label: PAYMENT_METHOD_LABELS[m],
    needsEntity: needsEntity(m),
    needsNumber: needsInstrumentNumber(m),
    needsExpiry: m === 'CARD',
  }));
  return {
    agreement: { id: agreement.id, code: agreement.code, name: agreement.name, status: agreement.status },
    writable: agreement.status !== 'CLOSED',
    methods,
    entities,
  };
}

/**
 * Adds a payment method to an agreement. The instrument number is validated (Luhn, brand of the
 * chosen entity, expiry) and kept only as its last four digits and a keyed token: it is never
 * stored, audited or returned. The first active method, or one marked default, becomes the
 * default and the previous default is cleared in the same transaction.
 */
export async function addPaymentMethod(actor: Actor, agreementId: string, input: PaymentMethodInput, today = new Date(), db = getDb()) {
  assertCan(actor, 'agreements.write');
  try {
    return await db.transaction(async (tx) => {
      await agreementInScope(tx, actor, agreementId);
      // Serializes default switching and status changes of this agreement.
      const agreement = await lockAgreement(tx, agreementId);
      if (agreement.status === 'CLOSED') throw closedError();

      const entity = await checkEntity(tx, input);
      const checked = validateInstrument(
        { method: input.method, number: input.number, expiryMonth: input.expiryMonth, expiryYear: input.expiryYear, entityBrand: entity?.brand ?? null },
        today,
      );
      if (!checked.ok) throw new UserError('Revise los campos marcados.', renameFields(checked.fieldErrors));

      const token = needsInstrumentNumber(input.method) ? tokenizeInstrument(input.number, instrumentSecret()) : null;
      if (token && (await q.findActiveByToken(tx, agreementId, token))) {
        throw new UserError('Revise los campos marcados.', { number: ['Este instrumento ya está registrado en el acuerdo.'] });
      }
      const isDefault = input.isDefault || !(await q.findActiveDefault(tx, agreementId));
      if (isDefault) await q.clearDefault(tx, agreementId);
      const created = await q.insertPaymentMethod(tx, {
        agreementId,
        method: input.method,
        entityId: entity?.id ?? null,
        instrumentLast4: checked.last4,
        instrumentToken: token,
        expiryMonth: input.method === 'CARD' ? Number(input.expiryMonth) : null,
        expiryYear: input.method === 'CARD' ? fullYear(input.expiryYear) : null,
        isDefault,
      });
      await recordAudit(tx, actor, { entity: 'payment_method', entityId: created.id, action: 'CREATE', after: auditView(created) });
      return auditView(created);
    });
  } catch (err) {
    // Two defaults saved at once: the partial unique index decides.
    if (uniqueViolation(err) === 'agreement_payment_methods_one_default_uq') {
      throw new UserError('Otro usuario cambió el medio de pago predeterminado al mismo tiempo. Intente de nuevo.');
    }
    throw err;
  }
}

/** Makes an active method the agreement's default, clearing the previous one in the same transaction. */
export async function setDefaultPaymentMethod(actor: Actor, id: string, db = getDb()) {
  assertCan(actor, 'agreements.write');
  return changeMethod(actor, id, db, async (tx, existing) => {
    if (!existing.active) throw new UserError('Un medio de pago inactivo no puede ser el predeterminado.');
    if (existing.isDefault) return existing;
    await q.clearDefault(tx, existing.agreementId, existing.id);
    return q.updatePaymentMethodRow(tx, existing.id, { isDefault: true });
  });
}

/** Deactivates a method (never deleted: payments may refer to it); it stops being the default. */
export async function deactivatePaymentMethod(actor: Actor, id: string, db = getDb()) {
  assertCan(actor, 'agreements.write');
  return changeMethod(actor, id, db, async (tx, existing) => {
    if (!existing.active) throw new UserError('El medio de pago ya está inactivo.');
    return q.updatePaymentMethodRow(tx, existing.id, { active: false, isDefault: false });
  });
}

async function changeMethod(actor: Actor, id: string, db: DbOrTx, change: (tx: DbOrTx, existing: q.PaymentMethodRow) => Promise<q.PaymentMethodRow>) {
  if (!isUuid(id)) throw methodNotFound();
  return db.transaction(async (tx) => {
    const found = await q.findPaymentMethodWithAgreement(tx, id);
    if (!found || !inBranchScope(branchScope(actor), found.agreementBranchId)) throw methodNotFound();
    const agreement = await lockAgreement(tx, found.method.agreementId);
    if (agreement.status === 'CLOSED') throw closedError();
    const existing = await q.lockPaymentMethod(tx, id);
    const updated = await change(tx, existing);
    if (updated !== existing) {
      await recordAudit(tx, actor, { entity: 'payment_method', entityId: id, action: 'UPDATE', before: auditView(existing), after: auditView(updated) });
    }
    return auditView(updated);
  });
}

/** The entity the form chose, checked against the method: present when needed, active, of the same method. */
async function checkEntity(tx: DbOrTx, input: PaymentMethodInput): Promise<{ id: string; brand: CardBrand | null } | null> {
  if (!needsEntity(input.method)) return null;
  const label = input.method === 'CARD' ? 'la marca de la tarjeta' : 'el banco';
  if (!input.entityId) throw new UserError('Revise los campos marcados.', { entityId: [`Seleccione ${label}.`] });
  const entity = await q.findEntity(tx, input.entityId);
  if (!entity || !entity.active) throw new UserError('Revise los campos marcados.', { entityId: ['Entidad no encontrada o inactiva.'] });
  if (entity.method !== input.method) {
    throw new UserError('Revise los campos marcados.', { entityId: [`${entity.name} no opera ${PAYMENT_METHOD_LABELS[input.method].toLowerCase()}.`] });
  }
  const brand = (CARD_BRANDS as readonly string[]).includes(entity.code) ? (entity.code as CardBrand) : null;
  return { id: entity.id, brand };
}

// validateInstrument keys its errors 'number', 'expiry' and 'entity'; the form's entity field is 'entityId'.
function renameFields(errors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(errors)) out[k === 'entity' ? 'entityId' : k] = v;
  return out;
}

// Two-digit years are read as 20YY, like validateInstrument does; e.g. '27' → 2027.
function fullYear(s: string): number {
  const n = Number(s.trim());
  return s.trim().length <= 2 ? 2000 + n : n;
}

/** The row as audited and returned: the token stays in the table only. */
function auditView(row: q.PaymentMethodRow) {
  const { instrumentToken, ...rest } = row;
  return { ...rest, hasToken: instrumentToken !== null };
}
