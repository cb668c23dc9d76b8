/**
 * What the portal's home shows a corporate client, from figures the data layer reads: the open
 * balance and the overdue part per currency, the next due date, the consumption of the last
 * periods and the delinquency banner. Pure functions, no I/O; money in cents (never floats).
 */
import { shiftPeriod } from '../billing/period';
import { fromCents, toCents } from '../money';

/** Open receivables of a customer grouped by currency and due date (balance as a decimal string). */
export type OpenDueRow = { currency: string; dueDate: string | null; balance: string; count: number };

export type CurrencyFigures = { currency: string; balanceDue: string; overdue: string; openCount: number; overdueCount: number };
export type NextDue = { date: string; amounts: { currency: string; amount: string }[] } | null;
export type HomeFigures = { byCurrency: CurrencyFigures[]; nextDue: NextDue; oldestOverdueDate: string | null };

const COMPANY_CURRENCY = 'DOP';
const byCurrency = (a: string, b: string) => (a === b ? 0 : a === COMPANY_CURRENCY ? -1 : b === COMPANY_CURRENCY ? 1 : a < b ? -1 : 1);

/**
 * Balance due, overdue part (due before today), the next due date from today on (what falls due
 * that day, per currency) and the oldest overdue due date. A document without a due date is owed
 * but never overdue. E.g. today 2026-11-10, rows DOP 2026-10-31 100.00 and DOP 2026-11-30 50.25 →
 * DOP balance 150.25, overdue 100.00; next due 2026-11-30 (DOP 50.25); oldest overdue 2026-10-31.
 */
export function homeFigures(rows: readonly OpenDueRow[], today: string): HomeFigures {
  const totals = new Map<string, { due: bigint; overdue: bigint; open: number; overdueCount: number }>();
  let nextDate: string | null = null;
  let oldest: string | null = null;
  for (const r of rows) {
    const t = totals.get(r.currency) ?? { due: 0n, overdue: 0n, open: 0, overdueCount: 0 };
    const cents = toCents(r.balance);
    t.due += cents;
    t.open += r.count;
    if (r.dueDate !== null && r.dueDate < today) {
      t.overdue += cents;
      t.overdueCount += r.count;
      if (oldest === null || r.dueDate < oldest) oldest = r.dueDate;
    } else if (r.dueDate !== null && (nextDate === null || r.dueDate < nextDate)) {
      nextDate = r.dueDate;
    }
    totals.set(r.currency, t);
  }
  const nextAmounts = new Map<string, bigint>();
  if (nextDate !== null) for (const r of rows) if (r.dueDate === nextDate) nextAmounts.set(r.currency, (nextAmounts.get(r.currency) ?? 0n) + toCents(r.balance));
  return {
    byCurrency: [...totals]
      .sort(([a], [b]) => byCurrency(a, b))
      .map(([currency, t]) => ({ currency, balanceDue: fromCents(t.due), overdue: fromCents(t.overdue), openCount: t.open, overdueCount: t.overdueCount })),
    nextDue: nextDate === null ? null : { date: nextDate, amounts: [...nextAmounts].sort(([a], [b]) => byCurrency(a, b)).map(([currency, c]) => ({ currency, amount: fromCents(c) })) },
    oldestOverdueDate: oldest,
  };
}

export type ConsumptionPoint = { period: string; m3: number | null; estimated: boolean };

/**
 * `count` consecutive periods ending at `end`, each with the m³ summed over the rows of that period
 * (null when there is no reading at all) and whether any of them was estimated. E.g. end 2026-03,
 * count 3, rows 2026-01 10 m³ and 2026-03 5+7 m³ → [2026-01 10, 2026-02 null, 2026-03 12].
 */
export function consumptionSeries(rows: readonly { period: string; m3: number; estimated: boolean }[], end: string, count = 12): ConsumptionPoint[] {
  const points = Array.from({ length: count }, (_, i) => ({ period: shiftPeriod(end, i - count + 1), m3: null as number | null, estimated: false }));
  const index = new Map(points.map((p, i) => [p.period, i]));
  for (const r of rows) {
    const i = index.get(r.period);
    if (i === undefined) continue;
    points[i].m3 = (points[i].m3 ?? 0) + r.m3;
    points[i].estimated ||= r.estimated;
  }
  return points;
}

export type BannerLevel = { actions: readonly string[]; bannerText: string | null; active: boolean };

/**
 * The policy banner a client sees for an agreement: only while it is DELINQUENT, not exempt, at a
 * level that is active and has the PORTAL_BANNER action with a text. Else null.
 */
export function portalBanner(agreement: { delinquencyStatus: string; delinquencyExempt: boolean }, level: BannerLevel | null): string | null {
  if (agreement.delinquencyStatus !== 'DELINQUENT' || agreement.delinquencyExempt || !level || !level.active) return null;
  const text = level.bannerText?.trim();
  return level.actions.includes('PORTAL_BANNER') && text ? text : null;
}
