import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import * as q from '@/db/queries/billing-catalogs';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { consumptionCharge } from '@/lib/domain/billing/tariff';
import { lineAmounts } from '@/lib/domain/billing/lines';
import { toLocalDateString } from '@/lib/domain/format';
import { sumMoneyString } from '@/lib/domain/money';
import {
  firstDayAfter,
  taxRateChoices,
  tariffDateAllowed,
  tariffLocked,
  type ConceptGroupInput,
  type ConceptInput,
  type ConceptKind,
  type TariffInput,
} from '@/lib/validation/billing-catalogs';
import { isUuid } from './customers';
import { uniqueViolation } from './unique-violation';

const CHECK_FIELDS = 'Revise los campos marcados.';

function assertAdmin(actor: Actor) {
  if (!can(actor.role, 'admin.catalogs')) throw new ForbiddenError();
}

const today = () => toLocalDateString(new Date());

// Concept groups

const groupNotFound = () => new NotFoundError('No se encontró el grupo de conceptos.');

export async function listConceptGroupsForAdmin(actor: Actor, db = getDb()) {
  assertAdmin(actor);
  return q.listConceptGroups(db);
}

export async function getConceptGroup(actor: Actor, id: string, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw groupNotFound();
  const row = await q.findConceptGroup(db, id);
  if (!row) throw groupNotFound();
  return row;
}

export async function createConceptGroup(actor: Actor, input: ConceptGroupInput, db = getDb()) {
  assertAdmin(actor);
  return db
    .transaction(async (tx) => {
      await assertGroupFree(tx, input);
      const created = await q.insertConceptGroup(tx, input);
      await recordAudit(tx, actor, { entity: 'concept_group', entityId: created.id, action: 'CREATE', after: created });
      return created;
    })
    .catch(groupUniqueViolation);
}

/** Groups are renamed or reordered, never deleted: invoice lines keep the group's name as printed. */
export async function updateConceptGroup(actor: Actor, id: string, input: ConceptGroupInput, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw groupNotFound();
  return db
    .transaction(async (tx) => {
      const existing = await q.findConceptGroup(tx, id, true);
      if (!existing) throw groupNotFound();
      await assertGroupFree(tx, input, id);
      const updated = await q.updateConceptGroupRow(tx, id, input);
      await recordAudit(tx, actor, { entity: 'concept_group', entityId: id, action: 'UPDATE', before: existing, after: updated });
      return updated;
    })
    .catch(groupUniqueViolation);
}

async function assertGroupFree(tx: DbOrTx, input: ConceptGroupInput, exceptId?: string) {
  const { byCode, byName } = await q.findConceptGroupClash(tx, input.code, input.name, exceptId);
  const errors: Record<string, string[]> = {};
  if (byCode) errors.code = [`El código ${input.code} ya es del grupo ${byCode.name}.`];
  if (byName) errors.name = [`Ya existe un grupo con ese nombre (${byName.code}).`];
  if (byCode || byName) throw new UserError(CHECK_FIELDS, errors);
}

function groupUniqueViolation(err: unknown): never {
  const constraint = uniqueViolation(err);
  if (constraint === null) throw err;
  throw new UserError(CHECK_FIELDS, constraint.includes('name') ? { name: ['Nombre ya registrado.'] } : { code: ['Código ya registrado.'] });
}

// Concepts

const conceptNotFound = () => new NotFoundError('No se encontró el concepto.');

export async function listConceptsForAdmin(actor: Actor, filter: { groupId?: string; kind?: ConceptKind } = {}, db = getDb()) {
  assertAdmin(actor);
  return q.listConcepts(db, filter);
}

/** What the concept form chooses from: the groups, and the tax rates (those in use plus ITBIS 18 % and exempt). */
export async function conceptFormOptions(actor: Actor, db = getDb()) {
  assertAdmin(actor);
  const [groups, rates] = await Promise.all([q.listConceptGroups(db), q.usedTaxRates(db)]);
  return { groups: groups.map((g) => ({ id: g.id, code: g.code, name: g.name })), taxRates: taxRateChoices(rates) };
}

export async function getConcept(actor: Actor, id: string, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw conceptNotFound();
  const row = await q.findConcept(db, id);
  if (!row) throw conceptNotFound();
  return { ...row, uses: await q.conceptUses(db, id) };
}

export async function createConcept(actor: Actor, input: ConceptInput, db = getDb()) {
  assertAdmin(actor);
  return db
    .transaction(async (tx) => {
      await assertConceptRefs(tx, input);
      const created = await q.insertConcept(tx, input);
      await recordAudit(tx, actor, { entity: 'concept', entityId: created.id, action: 'CREATE', after: created });
      return created;
    })
    .catch(conceptUniqueViolation);
}

/** Edits a concept; its code stays fixed once invoice lines bill it (they keep the code as printed). */
export async function updateConcept(actor: Actor, id: string, input: ConceptInput, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw conceptNotFound();
  return db
    .transaction(async (tx) => {
      const existing = await q.findConcept(tx, id, true);
      if (!existing) throw conceptNotFound();
      await assertConceptRefs(tx, input, id);
      if (input.code !== existing.code) {
        const uses = await q.conceptUses(tx, id);
        if (uses > 0) throw new UserError(CHECK_FIELDS, { code: [`No se puede cambiar: ${uses} línea(s) de factura usan el código ${existing.code}. Cree otro concepto.`] });
      }
      const updated = await q.updateConceptRow(tx, id, input);
      await recordAudit(tx, actor, { entity: 'concept', entityId: id, action: 'UPDATE', before: existing, after: updated });
      return updated;
    })
    .catch(conceptUniqueViolation);
}

/** Concepts are deactivated, never deleted: invoices keep pointing at them; billing runs skip inactive ones. */
export async function setConceptActive(actor: Actor, id: string, active: boolean, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw conceptNotFound();
  return db.transaction(async (tx) => {
    const existing = await q.findConcept(tx, id, true);
    if (!existing) throw conceptNotFound();
    if (existing.active === active) return existing;
    const updated = await q.updateConceptRow(tx, id, { active });
    await recordAudit(tx, actor, { entity: 'concept', entityId: id, action: 'UPDATE', before: existing, after: updated });
    return updated;
  });
}

async function assertConceptRefs(tx: DbOrTx, input: ConceptInput, exceptId?: string) {
  const errors: Record<string, string[]> = {};
  const taken = await q.findConceptByCode(tx, input.code, exceptId);
  if (taken) errors.code = [`El código ${input.code} ya es del concepto ${taken.name}.`];
  if (!(await q.findConceptGroup(tx, input.groupId))) errors.groupId = ['Seleccione un grupo de la lista.'];
  if (input.baseGroupId && !(await q.findConceptGroup(tx, input.baseGroupId))) errors.baseGroupId = ['Seleccione un grupo de la lista.'];
  if (Object.keys(errors).length > 0) throw new UserError(CHECK_FIELDS, errors);
}

function conceptUniqueViolation(err: unknown): never {
  if (uniqueViolation(err) === null) throw err;
  throw new UserError(CHECK_FIELDS, { code: ['Código ya registrado.'] });
}

// Tariffs

const tariffNotFound = () => new NotFoundError('No se encontró la tarifa.');

/** Every category with its tariffs (newest first) and the one in force today marked. */
export async function listTariffsForAdmin(actor: Actor, filter: { categoryId?: string } = {}, db = getDb()) {
  assertAdmin(actor);
  const [categories, rows] = await Promise.all([q.listTariffCategories(db), q.listTariffs(db, filter)]);
  const on = today();
  return categories
    .filter((c) => !filter.categoryId || c.id === filter.categoryId)
    .map((c) => {
      const own = rows.filter((t) => t.tariffCategoryId === c.id);
      // Rows come newest first: the first one already started is the one in force.
      const inForceId = own.find((t) => t.effectiveFrom <= on)?.id ?? null;
      return { ...c, inForceId, tariffs: own.map((t) => ({ ...t, inForce: t.id === inForceId, future: t.effectiveFrom > on })) };
    });
}

/** The tariff form's choices and the earliest date a new tariff may start (after the last invoiced period). */
export async function tariffFormOptions(actor: Actor, db = getDb()) {
  assertAdmin(actor);
  const [categories, lastPeriod] = await Promise.all([q.listTariffCategories(db), q.lastInvoicedPeriod(db)]);
  return { categories, earliestDate: lastPeriod ? firstDayAfter(lastPeriod) : null };
}

/** A tariff with its category and blocks; `locked` when invoices already priced with it. */
export async function getTariff(actor: Actor, id: string, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw tariffNotFound();
  const tariff = await q.findTariff(db, id);
  if (!tariff) throw tariffNotFound();
  const [category, blocks, lastPeriod] = await Promise.all([q.findTariffCategory(db, tariff.tariffCategoryId), q.blocksOfTariff(db, id), q.lastInvoicedPeriod(db)]);
  const on = today();
  const current = await q.tariffInForce(db, tariff.tariffCategoryId, on);
  return {
    ...tariff,
    category,
    blocks,
    inForce: current?.id === id,
    future: tariff.effectiveFrom > on,
    locked: tariffLocked(tariff.effectiveFrom, on, lastPeriod),
    lastInvoicedPeriod: lastPeriod,
    earliestNewDate: lastPeriod ? firstDayAfter(lastPeriod) : null,
  };
}

export async function createTariff(actor: Actor, input: TariffInput, db = getDb()) {
  assertAdmin(actor);
  return db
    .transaction(async (tx) => {
      await assertTariffFits(tx, input);
      const { blocks, ...values } = input;
      const created = await q.insertTariff(tx, { ...values, createdBy: actor.id }, blocks);
      await recordAudit(tx, actor, { entity: 'tariff', entityId: created.id, action: 'CREATE', after: { ...created, blocks } });
      return created;
    })
    .catch(tariffUniqueViolation);
}

/**
 * Edits a tariff and replaces its blocks, unless invoices were already priced with it (see
 * tariffLocked): then it is refused, and a new tariff from a later date is the way to change prices.
 */
export async function updateTariff(actor: Actor, id: string, input: TariffInput, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw tariffNotFound();
  return db
    .transaction(async (tx) => {
      const existing = await q.findTariff(tx, id, true);
      if (!existing) throw tariffNotFound();
      const lastPeriod = await q.lastInvoicedPeriod(tx);
      if (tariffLocked(existing.effectiveFrom, today(), lastPeriod)) {
        throw new UserError(`Esta tarifa ya se usó para facturar (hasta el período ${lastPeriod}) y no se puede modificar. Cree una tarifa nueva que rija desde ${firstDayAfter(lastPeriod!)} o después.`);
      }
      if (input.tariffCategoryId !== existing.tariffCategoryId) {
        throw new UserError(CHECK_FIELDS, { tariffCategoryId: ['La categoría de una tarifa no se cambia: cree una tarifa para la otra categoría.'] });
      }
      await assertTariffFits(tx, input, id);
      const before = { ...existing, blocks: await q.blocksOfTariff(tx, id) };
      const { blocks, ...values } = input;
      const updated = await q.updateTariffRow(tx, id, values, blocks);
      await recordAudit(tx, actor, { entity: 'tariff', entityId: id, action: 'UPDATE', before, after: { ...updated, blocks } });
      return updated;
    })
    .catch(tariffUniqueViolation);
}

async function assertTariffFits(tx: DbOrTx, input: TariffInput, exceptId?: string) {
  const errors: Record<string, string[]> = {};
  const category = await q.findTariffCategory(tx, input.tariffCategoryId);
  if (!category) errors.tariffCategoryId = ['Seleccione una categoría de la lista.'];
  const lastPeriod = await q.lastInvoicedPeriod(tx);
  if (!tariffDateAllowed(input.effectiveFrom, lastPeriod)) {
    errors.effectiveFrom = [`Ya se facturó hasta el período ${lastPeriod}: la tarifa debe regir desde ${firstDayAfter(lastPeriod!)} o después.`];
  } else if (category && (await q.findTariffOn(tx, input.tariffCategoryId, input.effectiveFrom, exceptId))) {
    errors.effectiveFrom = [`La categoría ${category.name} ya tiene una tarifa desde esa fecha.`];
  }
  if (Object.keys(errors).length > 0) throw new UserError(CHECK_FIELDS, errors);
}

function tariffUniqueViolation(err: unknown): never {
  if (uniqueViolation(err) === null) throw err;
  throw new UserError(CHECK_FIELDS, { effectiveFrom: ['La categoría ya tiene una tarifa desde esa fecha.'] });
}

/**
 * What a metered account would pay for `m3` with this tariff, before discounts and taxes: the
 * fixed charge plus each block's m³ × price (each rounded half-up to cents), and the flat rate of
 * an unmetered account for comparison.
 */
export async function simulateTariff(actor: Actor, id: string, m3: number, db = getDb()) {
  assertAdmin(actor);
  if (!isUuid(id)) throw tariffNotFound();
  const tariff = await q.findTariff(db, id);
  if (!tariff) throw tariffNotFound();
  const blocks = await q.blocksOfTariff(db, id);
  const lines = consumptionCharge(m3, blocks).map((c) => ({ ...c, amount: lineAmounts({ quantity: c.quantity, unitPrice: c.unitPrice }).gross }));
  const consumption = sumMoneyString(lines.map((l) => l.amount));
  return { m3, lines, fixedCharge: tariff.fixedCharge, consumption, total: sumMoneyString([tariff.fixedCharge, consumption]), flatRate: tariff.flatRate };
}
