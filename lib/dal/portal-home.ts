import 'server-only';
import { and, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { accounts, agreements, delinquencyLevels, invoices, meterReadings, payments } from '@/db/schema';
import type { Actor } from '@/lib/auth/scope';
import { toLocalDateString } from '@/lib/domain/format';
import { shiftPeriod } from '@/lib/domain/billing/period';
import { consumptionSeries, homeFigures, portalBanner } from '@/lib/domain/portal/home';
import { portalCustomerId } from './portal';

export const HOME_PAYMENTS = 5;
export const HOME_PERIODS = 12;

/**
 * The portal's home for the session's customer (nothing here takes an id): open balance and
 * overdue part per currency, next due date, delinquency of its agreements (with the policy's
 * banner when the level has PORTAL_BANNER), its last payments and the consumption of the last 12
 * periods summed over all its accounts — from meter_readings, the stored consumption the invoice
 * PDF's chart also reads (lib/pdf/batch/load.ts).
 */
export async function getPortalHome(actor: Actor, db: Db = getDb(), now = new Date()) {
  const customerId = portalCustomerId(actor);
  const today = toLocalDateString(now);
  const [openRows, [issued], agreementRows, lastPayments, consumption] = await Promise.all([
    db
      .select({ currency: invoices.currency, dueDate: invoices.dueDate, balance: sql<string>`sum(${invoices.balance})::numeric(14,2)::text`, count: sql<number>`count(*)::int` })
      .from(invoices)
      .where(and(eq(invoices.customerId, customerId), sql`${invoices.status} in ('ISSUED', 'PARTIALLY_PAID')`, sql`${invoices.docType} in ('INVOICE', 'DEBIT_NOTE')`, gt(invoices.balance, '0')))
      .groupBy(invoices.currency, invoices.dueDate),
    db.select({ n: sql<number>`count(*)::int` }).from(invoices).where(and(eq(invoices.customerId, customerId), sql`${invoices.status} <> 'DRAFT'`)),
    db
      .select({
        id: agreements.id,
        code: agreements.code,
        name: agreements.name,
        status: agreements.status,
        delinquencyStatus: agreements.delinquencyStatus,
        delinquencyExempt: agreements.delinquencyExempt,
        delinquencySince: agreements.delinquencySince,
        levelName: delinquencyLevels.name,
        levelActions: delinquencyLevels.actions,
        levelBanner: delinquencyLevels.bannerText,
        levelActive: delinquencyLevels.active,
      })
      .from(agreements)
      .leftJoin(delinquencyLevels, eq(delinquencyLevels.id, agreements.delinquencyLevelId))
      .where(and(eq(agreements.customerId, customerId), inArray(agreements.status, ['ACTIVE', 'SUSPENDED'])))
      .orderBy(agreements.code),
    db
      .select({ id: payments.id, receiptNumber: payments.receiptNumber, paidOn: payments.paidOn, amount: payments.amount, currency: payments.currency, method: payments.method, channel: payments.channel, status: payments.status, agreementCode: agreements.code })
      .from(payments)
      .innerJoin(agreements, eq(agreements.id, payments.agreementId))
      .where(eq(payments.customerId, customerId))
      .orderBy(desc(payments.paidOn), desc(payments.createdAt))
      .limit(HOME_PAYMENTS),
    consumptionOf(db, customerId, today.slice(0, 7)),
  ]);
  const figures = homeFigures(openRows, today);
  return {
    today,
    hasInvoices: issued.n > 0,
    ...figures,
    agreements: agreementRows.map((a) => ({
      id: a.id,
      code: a.code,
      name: a.name,
      status: a.status,
      delinquencyStatus: a.delinquencyStatus,
      delinquencyExempt: a.delinquencyExempt,
      delinquencySince: a.delinquencySince,
      levelName: a.delinquencyStatus === 'DELINQUENT' ? a.levelName : null,
      banner: portalBanner(a, a.levelActions ? { actions: a.levelActions, bannerText: a.levelBanner, active: a.levelActive ?? false } : null),
    })),
    payments: lastPayments,
    consumption,
  };
}

/**
 * m³ per period over all the customer's accounts, for the 12 periods ending at the latest period
 * with a reading (not after the current month); null when the customer has no reading at all.
 */
async function consumptionOf(db: Db, customerId: string, currentPeriod: string) {
  const ofCustomer = and(eq(agreements.customerId, customerId), lte(meterReadings.period, currentPeriod));
  const [last] = await db
    .select({ period: sql<string | null>`max(${meterReadings.period})` })
    .from(meterReadings)
    .innerJoin(accounts, eq(accounts.id, meterReadings.accountId))
    .innerJoin(agreements, eq(agreements.id, accounts.agreementId))
    .where(ofCustomer);
  if (!last?.period) return null;
  const end = last.period;
  const rows = await db
    .select({ period: meterReadings.period, m3: sql<number>`sum(${meterReadings.consumption})::int`, estimated: sql<boolean>`bool_or(${meterReadings.estimated})` })
    .from(meterReadings)
    .innerJoin(accounts, eq(accounts.id, meterReadings.accountId))
    .innerJoin(agreements, eq(agreements.id, accounts.agreementId))
    .where(and(ofCustomer, sql`${meterReadings.period} between ${shiftPeriod(end, 1 - HOME_PERIODS)} and ${end}`))
    .groupBy(meterReadings.period);
  return consumptionSeries(rows, end, HOME_PERIODS);
}
