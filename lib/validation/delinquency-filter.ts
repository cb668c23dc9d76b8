import { z } from 'zod';
import { DELINQUENCY_STATUS_VALUES } from '@/db/schema/enums';

/**
 * The agreement list's "Morosidad" filter (`delinquency=` in the URL): one select for the status
 * and the policy level, since a level is a kind of DELINQUENT. Its value is a status
 * (CURRENT, IN_GRACE, DELINQUENT = any level), a level id, or NO_LEVEL (delinquent with a debt
 * under every level's minimum). Anything else is ignored, like any other bad search param.
 */
export const DELINQUENCY_NO_LEVEL = 'NO_LEVEL';

export const delinquencyFilterSchema = z
  .union([z.enum(DELINQUENCY_STATUS_VALUES), z.literal(DELINQUENCY_NO_LEVEL), z.uuid()])
  .optional()
  .catch(undefined);

export type DelinquencyFilterValue = z.output<typeof delinquencyFilterSchema>;

/** What the list query filters on: the status, and the level (null = DELINQUENT without one). */
export type DelinquencyListFilter = { delinquencyStatus?: (typeof DELINQUENCY_STATUS_VALUES)[number]; delinquencyLevelId?: string | null };

/**
 * The URL value → the list filter; a level id that is not one of `levelIds` (the policy's levels)
 * is ignored, so the page never filters on a level it cannot name.
 * e.g. ('IN_GRACE', …) → { delinquencyStatus: 'IN_GRACE' }; (L, [L]) → { delinquencyStatus: 'DELINQUENT', delinquencyLevelId: L };
 * ('NO_LEVEL', …) → { delinquencyStatus: 'DELINQUENT', delinquencyLevelId: null }; (unknown id, [L]) → {}.
 */
export function delinquencyListFilter(value: DelinquencyFilterValue, levelIds: readonly string[]): DelinquencyListFilter {
  if (!value) return {};
  if ((DELINQUENCY_STATUS_VALUES as readonly string[]).includes(value)) return { delinquencyStatus: value as DelinquencyListFilter['delinquencyStatus'] };
  if (value === DELINQUENCY_NO_LEVEL) return { delinquencyStatus: 'DELINQUENT', delinquencyLevelId: null };
  return levelIds.includes(value) ? { delinquencyStatus: 'DELINQUENT', delinquencyLevelId: value } : {};
}

/** The filter's value for the select after checking it (an unknown level → ''), the inverse of delinquencyListFilter. */
export function delinquencyFilterValue(filter: DelinquencyListFilter): string {
  if (filter.delinquencyLevelId === null) return DELINQUENCY_NO_LEVEL;
  return filter.delinquencyLevelId ?? filter.delinquencyStatus ?? '';
}
