/**
 * Set-based reads and writes of the delinquency engine (lib/collections/delinquency-run.ts): one
 * statement per batch of agreements for the state, the status updates, the history upsert and the
 * actions already taken. Raw SQL through the driver with text-array parameters (lib/billing/bulk.ts),
 * the same on postgres.js and PGlite.
 */
import { asc, eq } from 'drizzle-orm';
import { bulkInsertTx, pgArray, rawQuery } from '@/lib/billing/bulk';
import type { DelinquencyAction } from '@/lib/domain/collections/delinquency';
import type { DbOrTx } from '../client';
import { delinquencyLevels } from '../schema';

export type AgreementDebtRow = {
  id: string;
  code: string;
  grace_days: number;
  exempt: boolean;
  prev_status: 'CURRENT' | 'IN_GRACE' | 'DELINQUENT';
  prev_level: string | null;
  prev_since: string | null;
  oldest: string | null;
  debt: string;
};

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

// Debt that counts: issued invoices and debit notes with a balance, already past due on the run date.
const BATCH_SQL = `
select a.id::text as id, a.code, a.grace_days, a.delinquency_exempt as exempt,
       a.delinquency_status::text as prev_status, a.delinquency_level_id::text as prev_level, a.delinquency_since::text as prev_since,
       d.oldest::text as oldest, coalesce(d.debt, 0)::text as debt
from agreements a
left join lateral (
  select min(i.due_date) as oldest, sum(i.balance) as debt
  from invoices i
  where i.agreement_id = a.id and i.doc_type in ('INVOICE', 'DEBIT_NOTE') and i.status in ('ISSUED', 'PARTIALLY_PAID')
    and i.balance > 0 and i.due_date < $1::date
) d on true
where a.status in ('ACTIVE', 'SUSPENDED') and a.id > $2::uuid`;

/**
 * The next batch of ACTIVE/SUSPENDED agreements after `cursor` (by id) with their oldest overdue due
 * date and overdue debt on `date`, in one statement; `ids` narrows to those agreements.
 */
export async function agreementDebtBatch(db: DbOrTx, date: string, cursor: string | null, limit: number, ids?: readonly string[]): Promise<AgreementDebtRow[]> {
  const params: (string | number)[] = [date, cursor ?? ZERO_UUID, limit];
  let text = BATCH_SQL;
  if (ids) {
    params.push(pgArray(ids));
    text += ` and a.id = any($4::uuid[])`;
  }
  text += ' order by a.id limit $3';
  const rows = await rawQuery<AgreementDebtRow>(db, text, params);
  return rows.map((r) => ({ ...r, grace_days: Number(r.grace_days), exempt: r.exempt === true || (r.exempt as unknown) === 't' }));
}

export type StatusWrite = { id: string; status: string; levelId: string | null; since: string };

/** Writes the changed statuses in one statement. */
export async function writeStatuses(db: DbOrTx, rows: readonly StatusWrite[]) {
  if (!rows.length) return;
  await rawQuery(
    db,
    `update agreements a set delinquency_status = v.status::delinquency_status, delinquency_level_id = v.level_id, delinquency_since = v.since, updated_at = now()
     from unnest($1::text::uuid[], $2::text::text[], $3::text::uuid[], $4::text::date[]) as v(id, status, level_id, since)
     where a.id = v.id`,
    [pgArray(rows.map((r) => r.id)), pgArray(rows.map((r) => r.status)), pgArray(rows.map((r) => r.levelId)), pgArray(rows.map((r) => r.since))],
  );
}

export type HistoryWrite = { agreementId: string; status: string; levelId: string | null; daysOverdue: number; overdueDebt: string };

/** One history row per agreement and date: a rerun of the date rewrites it. */
export async function upsertHistory(db: DbOrTx, date: string, rows: readonly HistoryWrite[]) {
  await bulkInsertTx(
    db,
    'delinquency_history',
    [['agreement_id', 'uuid'], ['run_date', 'date'], ['status', 'delinquency_status'], ['level_id', 'uuid'], ['days_overdue', 'integer'], ['overdue_debt', 'numeric']],
    rows.map((r) => [r.agreementId, date, r.status, r.levelId, r.daysOverdue, r.overdueDebt]),
    `on conflict (agreement_id, run_date) do update set status = excluded.status, level_id = excluded.level_id,
       days_overdue = excluded.days_overdue, overdue_debt = excluded.overdue_debt, created_at = now()`,
  );
}

export type TakenActionRow = { agreement_id: string; level_id: string | null; action: string; episode: string };

/** Actions already recorded for these agreements (any episode). */
export async function takenActions(db: DbOrTx, agreementIds: readonly string[]): Promise<TakenActionRow[]> {
  if (!agreementIds.length) return [];
  return rawQuery<TakenActionRow>(
    db,
    `select agreement_id::text as agreement_id, level_id::text as level_id, action::text as action, episode::text as episode
     from delinquency_actions where agreement_id = any($1::uuid[])`,
    [pgArray(agreementIds)],
  );
}

/** How many DISCONNECTED accounts each agreement has (only agreements with some). */
export async function disconnectedAccounts(db: DbOrTx, agreementIds: readonly string[]): Promise<Map<string, number>> {
  if (!agreementIds.length) return new Map();
  const rows = await rawQuery<{ agreement_id: string; n: number | string }>(
    db,
    `select agreement_id::text as agreement_id, count(*)::int as n from accounts where status = 'DISCONNECTED' and agreement_id = any($1::uuid[]) group by agreement_id`,
    [pgArray(agreementIds)],
  );
  return new Map(rows.map((r) => [r.agreement_id, Number(r.n)]));
}

export type PolicyLevel = {
  id: string;
  name: string;
  daysPastGrace: number;
  minDebt: string;
  actions: DelinquencyAction[];
  lateFeeConceptId: string | null;
  bannerText: string | null;
};

/** The active levels of the policy. */
export async function activePolicyLevels(db: DbOrTx): Promise<PolicyLevel[]> {
  const rows = await db.select().from(delinquencyLevels).where(eq(delinquencyLevels.active, true)).orderBy(asc(delinquencyLevels.daysPastGrace));
  return rows.map((l) => ({ id: l.id, name: l.name, daysPastGrace: l.daysPastGrace, minDebt: l.minDebt, actions: [...l.actions], lateFeeConceptId: l.lateFeeConceptId, bannerText: l.bannerText }));
}
