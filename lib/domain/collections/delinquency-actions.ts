/**
 * What the delinquency engine does for an agreement on a run date (pure; domain.md "Collections").
 *
 * - Actions are taken once per agreement, level, action and episode; the episode is the due date
 *   of the oldest unpaid document that made the agreement overdue (a new debt after paying off is a
 *   new episode). `pendingActions` drops what is already recorded.
 * - A reconnection is proposed when an agreement that was not CURRENT becomes CURRENT and still has
 *   disconnected accounts (once per episode).
 * - The status's "since" is the run date when status or level changes, otherwise it is kept.
 * - A late fee is the concept's percentage of the overdue debt when it has one, else its amount.
 */
import { money, percentOf, toMoneyString, type MoneyInput } from '@/lib/domain/money';
import type { DelinquencyAction, DelinquencyStatus } from './delinquency';

export type TakenAction = { levelId: string | null; action: string; episode: string };

/**
 * The level's actions not yet taken for this episode, in the level's order;
 * e.g. level L [LATE_FEE, NOTICE_EMAIL], taken [{L, NOTICE_EMAIL, 2026-01-10}], episode 2026-01-10 → [LATE_FEE].
 */
export function pendingActions(levelId: string, levelActions: readonly DelinquencyAction[], episode: string, taken: readonly TakenAction[]): DelinquencyAction[] {
  const done = new Set(taken.filter((t) => t.levelId === levelId && t.episode === episode).map((t) => t.action));
  return [...new Set(levelActions)].filter((a) => !done.has(a));
}

export type StatusSnapshot = { status: DelinquencyStatus; levelId: string | null; since: string | null };

/**
 * The agreement's next status fields; `changed` tells whether they must be written.
 * e.g. {CURRENT, null, 2026-01-01} → {IN_GRACE, null} on 2026-02-03 → since 2026-02-03, changed.
 */
export function nextStatus(prev: StatusSnapshot, next: { status: DelinquencyStatus; levelId: string | null }, runDate: string): StatusSnapshot & { changed: boolean } {
  const same = prev.status === next.status && prev.levelId === next.levelId;
  if (same && prev.since !== null) return { ...prev, changed: false };
  return { status: next.status, levelId: next.levelId, since: same ? (prev.since ?? runDate) : runDate, changed: true };
}

/** Whether a reconnection order should be proposed: back to CURRENT from another status, with disconnected accounts. */
export function proposesReconnection(prevStatus: DelinquencyStatus, nextStatusValue: DelinquencyStatus, disconnectedAccounts: number): boolean {
  return prevStatus !== 'CURRENT' && nextStatusValue === 'CURRENT' && disconnectedAccounts > 0;
}

export type LateFeeConcept = { amount: MoneyInput | null; percentage: MoneyInput | null };

/**
 * The late fee's amount before tax, in the agreement's currency (2 decimals, half up), or null when
 * it would be zero. A fixed amount is in DOP and is converted at `rate` (DOP per unit) otherwise.
 * e.g. percentage 5 of 1,234.50 → '61.73'; amount 150 at rate 58.75 (USD) → '2.55'.
 */
export function lateFeeAmount(concept: LateFeeConcept, overdueDebt: MoneyInput, rate: MoneyInput = 1): string | null {
  let fee;
  if (concept.percentage !== null && money(concept.percentage).greaterThan(0)) fee = percentOf(overdueDebt, concept.percentage);
  else if (concept.amount !== null) fee = money(concept.amount).dividedBy(money(rate));
  else return null;
  const s = toMoneyString(fee);
  return money(s).greaterThan(0) ? s : null;
}
