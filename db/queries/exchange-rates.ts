import { and, desc, eq, lte } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { exchangeRates, users } from '../schema';

export type ExchangeRateRow = typeof exchangeRates.$inferSelect;

/** Exchange rates newest first (then by currency), optionally of one currency, with who saved them. */
export async function listExchangeRates(db: DbOrTx, filter: { currency?: string }, page: { limit: number; offset: number }) {
  const cond = filter.currency ? eq(exchangeRates.currency, filter.currency) : undefined;
  const [rows, total] = await Promise.all([
    db
      .select({ date: exchangeRates.date, currency: exchangeRates.currency, rate: exchangeRates.rate, updatedAt: exchangeRates.updatedAt, createdByName: users.name })
      .from(exchangeRates)
      .leftJoin(users, eq(users.id, exchangeRates.createdBy))
      .where(cond)
      .orderBy(desc(exchangeRates.date), exchangeRates.currency)
      .limit(page.limit)
      .offset(page.offset),
    db.$count(exchangeRates, cond),
  ]);
  return { rows, total };
}

export async function findExchangeRate(db: DbOrTx, date: string, currency: string, lock = false) {
  const query = db.select().from(exchangeRates).where(and(eq(exchangeRates.date, date), eq(exchangeRates.currency, currency)));
  const [row] = await (lock ? query.for('update') : query);
  return row;
}

/** Inserts the rate of (date, currency) or replaces it: one rate per currency and day. */
export async function upsertExchangeRate(tx: DbOrTx, values: { date: string; currency: string; rate: string; createdBy: string | null }) {
  const [row] = await tx
    .insert(exchangeRates)
    .values(values)
    .onConflictDoUpdate({ target: [exchangeRates.date, exchangeRates.currency], set: { rate: values.rate, createdBy: values.createdBy, updatedAt: new Date() } })
    .returning();
  return row;
}

/**
 * The rate in force on a date: the latest one recorded on or before it, as a decimal string of DOP
 * per unit, with the date it was recorded; null when none is. DOP, the company currency, is always
 * 1. E.g. with USD 58.50 on 2026-03-02 and 59.10 on 2026-03-05, rateOn(db, 'USD', '2026-03-04') →
 * { date: '2026-03-02', rate: '58.500000' }.
 */
export async function rateOn(db: DbOrTx, currency: string, date: string): Promise<{ date: string; rate: string } | null> {
  if (currency === 'DOP') return { date, rate: '1' };
  const [row] = await db
    .select({ date: exchangeRates.date, rate: exchangeRates.rate })
    .from(exchangeRates)
    .where(and(eq(exchangeRates.currency, currency), lte(exchangeRates.date, date)))
    .orderBy(desc(exchangeRates.date))
    .limit(1);
  return row ?? null;
}
