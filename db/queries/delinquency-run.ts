/**
 * Set-based reads and writes of the delinquency engine (lib/collections/delinquency-run.ts). One
 * statement per batch of agreements judges them all (overdue debt, status, level: the SQL form of
 * lib/domain/collections/delinquency.ts delinquencyState, checked against it by the integration
 * test), writes the statuses that changed and the day's history rows, and returns only counts and
 * the agreements that need the engine's attention (actions pending for their level and episode, or
 * back to CURRENT). Raw SQL through the driver with text-array parameters (lib/billing/bulk.ts),
 * the same on postgres.js and PGlite.
 */
import { asc, eq } from 'drizzle-orm';
import { pgArray, rawQuery } from '@/lib/billing/bulk';
import type { DelinquencyAction } from '@/lib/domain/collections/delinquency';
import type { DbOrTx } from '../client';
import { delinquencyLevels } from '../schema';

type Status = 'CURRENT' | 'IN_GRACE' | 'DELINQUENT';

/** An agreement the engine must look at after judging: actions pending, or back to CURRENT. */
export type AttentionRow = {
  id: string;
  code: string;
  exempt: boolean;
  prev_status: Status;
  prev_since: string | null;
  status: Status;
  level_id: string | null;
  /** Due date of the oldest overdue document (the episode), or null. */
  oldest: string | null;
  debt: string;
};

export type JudgedBatch = {
  /** Agreements judged. */
  count: number;
  /** Per status and level: agreements, and how many changed status or level. */
  summary: { status: Status; levelId: string | null; n: number; changed: number }[];
  attention: AttentionRow[];
};

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

// $1 date · $2, $3 the batch: ids after $2 up to $3 (null: no end) · $4–$7 the policy's levels (id, days past grace, minimum debt,
// actions as 'A,B') in the engine's order · [$8 agreement ids].
// Debt that counts: issued invoices and debit notes with a balance, already past due on the date.
// A level applies from its days past grace with its minimum debt; of those, the one with the most
// days wins (the later in the policy's order on a tie), as delinquencyState picks it.
// The status, level and since change when status or level do (or since was never set); the
// history row of the date is rewritten by a rerun.
const judgeSql = (narrowed: boolean) => `
with batch as (
  select a.id, a.code, a.grace_days, a.delinquency_exempt as exempt, a.delinquency_status as prev_status,
         a.delinquency_level_id as prev_level, a.delinquency_since as prev_since
  from agreements a
  where a.status in ('ACTIVE', 'SUSPENDED') and a.id > $2::uuid and ($3::uuid is null or a.id <= $3::uuid)${narrowed ? ' and a.id = any($8::uuid[])' : ''}
), lv as (
  select * from unnest($4::text::uuid[], $5::text::int[], $6::text::numeric[], $7::text::text[]) with ordinality as l(id, days, min_debt, actions, ord)
), state as (
  select b.*, d.oldest, coalesce(d.debt, 0) as debt, coalesce($1::date - d.oldest, 0) as days_overdue
  from batch b
  -- Per agreement through its index (a plan that stays the same at any size; a hash join over
  -- every open invoice would read them all once per batch).
  left join lateral (
    select min(i.due_date) as oldest, sum(i.balance) as debt
    from invoices i
    where i.agreement_id = b.id and i.doc_type in ('INVOICE', 'DEBIT_NOTE') and i.status in ('ISSUED', 'PARTIALLY_PAID')
      and i.balance > 0 and i.due_date < $1::date
  ) d on true
), judged as (
  select s.*, st.status, pick.id as level_id, pick.actions as level_actions,
         (s.prev_status <> st.status or s.prev_level is distinct from pick.id or s.prev_since is null) as changed
  from state s
  cross join lateral (
    select (case when s.days_overdue = 0 then 'CURRENT' when s.days_overdue <= s.grace_days then 'IN_GRACE' else 'DELINQUENT' end)::delinquency_status as status
  ) st
  left join lateral (
    select l.id, l.actions from lv l
    where s.days_overdue > s.grace_days and s.days_overdue - s.grace_days >= l.days and s.debt >= l.min_debt
    order by l.days desc, l.ord desc
    limit 1
  ) pick on true
), upd as (
  update agreements a
  set delinquency_status = j.status, delinquency_level_id = j.level_id, delinquency_since = $1::date, updated_at = now()
  from judged j
  where a.id = j.id and j.changed
), hist as (
  insert into delinquency_history (agreement_id, run_date, status, level_id, days_overdue, overdue_debt)
  select j.id, $1::date, j.status, j.level_id, j.days_overdue, j.debt from judged j
  on conflict (agreement_id, run_date) do update set status = excluded.status, level_id = excluded.level_id,
    days_overdue = excluded.days_overdue, overdue_debt = excluded.overdue_debt, created_at = now()
)
select 'S'::text as kind, null::text as id, null::text as code, null::boolean as exempt, null::text as prev_status, null::text as prev_since,
       status::text as status, level_id::text as level_id, null::text as oldest, null::text as debt, count(*)::int as n, (count(*) filter (where changed))::int as changed
from judged group by status, level_id
union all
select 'A', j.id::text, j.code, j.exempt, j.prev_status::text, j.prev_since::text, j.status::text, j.level_id::text, j.oldest::text, j.debt::text, 0, 0
from judged j
where (j.prev_status <> 'CURRENT' and j.status = 'CURRENT')
   or (j.level_id is not null and not j.exempt and exists (
         select 1 from unnest(string_to_array(j.level_actions, ',')) as la(action)
         where not exists (
           select 1 from delinquency_actions da
           where da.agreement_id = j.id and da.level_id = j.level_id and da.action = la.action::delinquency_action and da.episode = j.oldest)))`;

type JudgeRow = { kind: 'S' | 'A'; id: string | null; code: string | null; exempt: boolean | string | null; prev_status: Status | null; prev_since: string | null; status: Status | null; level_id: string | null; oldest: string | null; debt: string | null; n: number | string; changed: number | string };

/** A batch of agreements: ids after `after` (null: from the first) up to `upTo` included (null: to the last). */
export type IdRange = { after: string | null; upTo: string | null };

/**
 * The ACTIVE/SUSPENDED agreements cut into ranges of about `size` by id, in order (one index
 * scan); the last range is open, so an agreement added meanwhile still falls in one.
 */
export async function batchRanges(db: DbOrTx, size: number): Promise<IdRange[]> {
  const rows = await rawQuery<{ id: string }>(
    db,
    `select id::text as id from (select id, row_number() over (order by id) as n from agreements where status in ('ACTIVE', 'SUSPENDED')) t where n % $1 = 0 order by id`,
    [size],
  );
  const bounds = [null, ...rows.map((r) => r.id)];
  return bounds.map((after, i) => ({ after, upTo: bounds[i + 1] ?? null }));
}

/**
 * Judges the ACTIVE/SUSPENDED agreements of `range` on `date` with the policy's `levels` (in the
 * engine's order), writing the changed statuses and the history, in one statement; `ids` narrows
 * to those agreements.
 */
export async function judgeBatch(db: DbOrTx, date: string, range: IdRange, levels: readonly PolicyLevel[], ids?: readonly string[]): Promise<JudgedBatch> {
  const params = [
    date,
    range.after ?? ZERO_UUID,
    range.upTo,
    pgArray(levels.map((l) => l.id)),
    pgArray(levels.map((l) => l.daysPastGrace)),
    pgArray(levels.map((l) => l.minDebt)),
    pgArray(levels.map((l) => l.actions.join(','))),
  ];
  if (ids) params.push(pgArray(ids));
  // Without JIT: the plan's cost estimate asks for it, and compiling costs more than the statement runs.
  const rows = await db.transaction(async (tx) => {
    await rawQuery(tx, 'set local jit = off', []);
    return rawQuery<JudgeRow>(tx, judgeSql(Boolean(ids)), params);
  });
  const out: JudgedBatch = { count: 0, summary: [], attention: [] };
  for (const r of rows) {
    if (r.kind === 'S') {
      out.summary.push({ status: r.status!, levelId: r.level_id, n: Number(r.n), changed: Number(r.changed) });
      out.count += Number(r.n);
    } else {
      out.attention.push({
        id: r.id!,
        code: r.code!,
        exempt: r.exempt === true || r.exempt === 't',
        prev_status: r.prev_status!,
        prev_since: r.prev_since,
        status: r.status!,
        level_id: r.level_id,
        oldest: r.oldest,
        debt: r.debt!,
      });
    }
  }
  return out;
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

/** The active levels of the policy, by days past grace (then name, so a tie is decided the same way every run). */
export async function activePolicyLevels(db: DbOrTx): Promise<PolicyLevel[]> {
  const rows = await db.select().from(delinquencyLevels).where(eq(delinquencyLevels.active, true)).orderBy(asc(delinquencyLevels.daysPastGrace), asc(delinquencyLevels.name));
  return rows.map((l) => ({ id: l.id, name: l.name, daysPastGrace: l.daysPastGrace, minDebt: l.minDebt, actions: [...l.actions], lateFeeConceptId: l.lateFeeConceptId, bannerText: l.bannerText }));
}
