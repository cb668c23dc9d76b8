/**
 * Delinquency (morosidad, domain.md "Collections"): an agreement's status from its oldest unpaid
 * invoice, its due date and the agreement's grace days, then the admin policy's levels. Pure.
 *
 *   no unpaid invoice, or the oldest not yet past due (due today included) → CURRENT
 *   1 … graceDays days past due                                           → IN_GRACE
 *   beyond: the highest level whose days past grace have been reached and whose minimum overdue
 *   debt is met                                                            → DELINQUENT at that level
 *   beyond grace but under every level's minimum debt                      → DELINQUENT, no level
 * An exempt agreement (e.g. government) gets its status computed but no actions.
 */
import { toCents, type MoneyInput } from '@/lib/domain/money';

export type DelinquencyStatus = 'CURRENT' | 'IN_GRACE' | 'DELINQUENT';

export type DelinquencyAction = 'LATE_FEE' | 'NOTICE_EMAIL' | 'DISCONNECTION_ORDER' | 'PORTAL_BANNER';
export const DELINQUENCY_ACTIONS: readonly DelinquencyAction[] = ['LATE_FEE', 'NOTICE_EMAIL', 'DISCONNECTION_ORDER', 'PORTAL_BANNER'];

export type DelinquencyLevel = {
  id: string;
  name: string;
  /** Days past the grace period from which the level applies (≥ 1). */
  daysPastGrace: number;
  /** Minimum overdue debt (decimal string) for the level to apply. */
  minDebt: string;
  actions: readonly DelinquencyAction[];
};

export type DelinquencyInput = {
  /** Due date (YYYY-MM-DD) of the oldest invoice with a balance, or null. */
  oldestUnpaidDueDate: string | null;
  /** Sum of the balances of the invoices already past due. */
  overdueDebt: MoneyInput;
  graceDays: number;
  exempt: boolean;
};

export type DelinquencyState = {
  status: DelinquencyStatus;
  level: DelinquencyLevel | null;
  daysOverdue: number;
  /** Whether the level's actions may be taken (false when exempt or without a level). */
  actionable: boolean;
};

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (YYYY-MM-DD, calendar days, no time zone); e.g. ('2026-01-31', '2026-02-01') → 1. */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

export function delinquencyState(input: DelinquencyInput, levels: readonly DelinquencyLevel[], today: string): DelinquencyState {
  const daysOverdue = input.oldestUnpaidDueDate ? Math.max(0, daysBetween(input.oldestUnpaidDueDate, today)) : 0;
  if (daysOverdue === 0) return { status: 'CURRENT', level: null, daysOverdue, actionable: false };
  if (daysOverdue <= input.graceDays) return { status: 'IN_GRACE', level: null, daysOverdue, actionable: false };
  const pastGrace = daysOverdue - input.graceDays;
  const debt = toCents(input.overdueDebt);
  let level: DelinquencyLevel | null = null;
  for (const l of [...levels].sort((a, b) => a.daysPastGrace - b.daysPastGrace)) {
    if (pastGrace >= l.daysPastGrace && debt >= toCents(l.minDebt)) level = l;
  }
  return { status: 'DELINQUENT', level, daysOverdue, actionable: level !== null && !input.exempt };
}

export type AgingBucket = '0-30' | '31-60' | '61-90' | '91-180' | '180+';
export const AGING_BUCKETS: readonly AgingBucket[] = ['0-30', '31-60', '61-90', '91-180', '180+'];

/** The receivables aging bucket of an open invoice by days past due on `asOf` (not yet due → 0-30). */
export function agingBucket(dueDate: string, asOf: string): AgingBucket {
  const d = daysBetween(dueDate, asOf);
  if (d <= 30) return '0-30';
  if (d <= 60) return '31-60';
  if (d <= 90) return '61-90';
  if (d <= 180) return '91-180';
  return '180+';
}
