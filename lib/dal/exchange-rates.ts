import 'server-only';
import { getDb } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import * as q from '@/db/queries/exchange-rates';
import { ForbiddenError, NotFoundError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import type { Actor } from '@/lib/auth/scope';
import { isDateOnly } from '@/lib/domain/dynamic-attributes';
import { money } from '@/lib/domain/money';
import type { ExchangeRateInput } from '@/lib/validation/catalogs';

export const EXCHANGE_RATES_PAGE_SIZE = 25;

function assertAdmin(actor: Actor) {
  if (!can(actor.role, 'admin.catalogs')) throw new ForbiddenError();
}

/** The audit id of one day's rate; e.g. ('2026-03-02', 'USD') → 'USD:2026-03-02'. */
export const exchangeRateAuditId = (date: string, currency: string) => `${currency}:${date}`;

export async function listExchangeRatesForAdmin(actor: Actor, params: { currency?: string; page?: number }, db = getDb()) {
  assertAdmin(actor);
  const page = params.page ?? 1;
  const result = await q.listExchangeRates(db, { currency: params.currency }, { limit: EXCHANGE_RATES_PAGE_SIZE, offset: (page - 1) * EXCHANGE_RATES_PAGE_SIZE });
  return { ...result, page, pageSize: EXCHANGE_RATES_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(result.total / EXCHANGE_RATES_PAGE_SIZE)) };
}

export async function getExchangeRate(actor: Actor, date: string, currency: string, db = getDb()) {
  assertAdmin(actor);
  if (!isDateOnly(date)) throw new NotFoundError('No se encontró el tipo de cambio.');
  const row = await q.findExchangeRate(db, date, currency);
  if (!row) throw new NotFoundError('No se encontró el tipo de cambio.');
  return row;
}

/**
 * Records the rate of a currency for a day, replacing the one already recorded (one per day):
 * audited as CREATE, or UPDATE with before and after; saving the same rate again changes nothing.
 */
export async function saveExchangeRate(actor: Actor, input: ExchangeRateInput, db = getDb()) {
  assertAdmin(actor);
  return db.transaction(async (tx) => {
    const existing = await q.findExchangeRate(tx, input.date, input.currency, true);
    if (existing && money(existing.rate).eq(money(input.rate))) return { row: existing, created: false, changed: false };
    const row = await q.upsertExchangeRate(tx, { ...input, createdBy: actor.id });
    const entityId = exchangeRateAuditId(row.date, row.currency);
    await recordAudit(tx, actor, existing ? { entity: 'exchange_rate', entityId, action: 'UPDATE', before: existing, after: row } : { entity: 'exchange_rate', entityId, action: 'CREATE', after: row });
    return { row, created: !existing, changed: true };
  });
}
