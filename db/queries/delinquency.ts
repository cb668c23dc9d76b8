import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { BranchScope } from '@/lib/auth/scope';
import type { DbOrTx } from '../client';
import { agreements, delinquencyActions, delinquencyHistory, delinquencyLevels } from '../schema';
import { branchScopeCondition } from './filters';

/** An agreement's delinquency (within the scope): status, level, since, its last history rows and actions. */
export async function agreementDelinquency(db: DbOrTx, scope: BranchScope, agreementId: string, limits = { history: 24, actions: 50 }) {
  const [head] = await db
    .select({
      id: agreements.id,
      currency: agreements.currency,
      status: agreements.delinquencyStatus,
      exempt: agreements.delinquencyExempt,
      since: agreements.delinquencySince,
      graceDays: agreements.graceDays,
      levelName: delinquencyLevels.name,
      bannerText: delinquencyLevels.bannerText,
    })
    .from(agreements)
    .leftJoin(delinquencyLevels, eq(delinquencyLevels.id, agreements.delinquencyLevelId))
    .where(and(eq(agreements.id, agreementId), branchScopeCondition(agreements.branchId, scope)))
    .limit(1);
  if (!head) return undefined;
  const [history, actions] = await Promise.all([
    db
      .select({ runDate: delinquencyHistory.runDate, status: delinquencyHistory.status, levelName: delinquencyLevels.name, daysOverdue: delinquencyHistory.daysOverdue, overdueDebt: delinquencyHistory.overdueDebt })
      .from(delinquencyHistory)
      .leftJoin(delinquencyLevels, eq(delinquencyLevels.id, delinquencyHistory.levelId))
      .where(eq(delinquencyHistory.agreementId, agreementId))
      .orderBy(desc(delinquencyHistory.runDate))
      .limit(limits.history),
    db
      .select({ id: delinquencyActions.id, action: delinquencyActions.action, levelName: delinquencyLevels.name, episode: delinquencyActions.episode, runDate: delinquencyActions.runDate, refEntity: delinquencyActions.refEntity, refId: delinquencyActions.refId })
      .from(delinquencyActions)
      .leftJoin(delinquencyLevels, eq(delinquencyLevels.id, delinquencyActions.levelId))
      .where(eq(delinquencyActions.agreementId, agreementId))
      .orderBy(desc(delinquencyActions.runDate), desc(delinquencyActions.id))
      .limit(limits.actions),
  ]);
  return { ...head, history, actions };
}

/** The policy's levels for a filter (configuration, no scope): active ones first, by days past grace. */
export async function delinquencyLevelChoices(db: DbOrTx) {
  return db
    .select({ id: delinquencyLevels.id, name: delinquencyLevels.name, active: delinquencyLevels.active })
    .from(delinquencyLevels)
    .orderBy(sql`${delinquencyLevels.active} desc`, asc(delinquencyLevels.daysPastGrace), asc(delinquencyLevels.name));
}
