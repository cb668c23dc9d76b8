/**
 * The delinquency engine (domain.md "Collections"; issue 6). For a date, every ACTIVE/SUSPENDED
 * agreement, in batches by id:
 *   1. one statement (db/queries/delinquency-run.ts judgeBatch) judges the batch — oldest overdue
 *      due date and overdue debt (invoices and debit notes issued with a balance, due before the
 *      date), status and level as delinquencyState (lib/domain/collections/delinquency.ts) defines
 *      them — writes the statuses that changed (status, level, since), upserts one
 *      delinquency_history row per agreement and date (a rerun rewrites, never adds), and returns
 *      only counts and the agreements needing attention: a level with actions not yet recorded for
 *      the episode (the oldest overdue due date), or back to CURRENT;
 *   2. their pending actions are taken in chunks of agreements, one transaction per chunk that
 *      locks the chunk's agreements (in id order) and claims each action in delinquency_actions
 *      (unique per agreement, level, action and episode → a rerun, a concurrent run or the next day
 *      never repeats one) before performing it, with multi-row writes: LATE_FEE → a debit note each
 *      (late-fee.ts), NOTICE_EMAIL → outbox e-mails (skipped and recorded without an address),
 *      DISCONNECTION_ORDER → a PENDING disconnection order per ACTIVE account without one,
 *      PORTAL_BANNER → recorded only (the portal reads the level's banner). An agreement back to
 *      CURRENT with DISCONNECTED accounts gets a PENDING reconnection order per such account
 *      (RECONNECTION_ORDER, once per episode). A chunk that fails is retried one agreement action
 *      at a time, so one agreement's error is recorded and the others go on.
 * Everything runs as the system (audit rows without a user). Plain server code (no 'server-only'):
 * the CLI and the job queue run it.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { recordAudit, recordAudits, type AuditEntry } from '@/db/queries/audit';
import * as q from '@/db/queries/delinquency-run';
import { nextWorkOrderNumber } from '@/db/queries/work-orders';
import { accounts, agreements, delinquencyActions, workOrders } from '@/db/schema';
import type { DelinquencyStatus } from '@/lib/domain/collections/delinquency';
import { pendingActions, proposesReconnection } from '@/lib/domain/collections/delinquency-actions';
import { formatMoney } from '@/lib/domain/format';
import { bulkInsertTx, pgArray, rawQuery } from '@/lib/billing/bulk';
import { enqueueEmails, type OutgoingEmail } from './mailer';
import { issueLateFeeNote } from './late-fee';

export const DELINQUENCY_BATCH_SIZE = 5000;
/** Connections judging batches at once (on PGlite, one connection, they simply take turns). */
export const DELINQUENCY_CONCURRENCY = 2;
/** Agreements whose actions share one transaction. */
export const DELINQUENCY_ACTION_CHUNK = 100;

export type DelinquencyActionKind = (typeof delinquencyActions.$inferSelect)['action'];

export type DelinquencyRunResult = {
  date: string;
  agreements: number;
  changed: number;
  byStatus: Record<DelinquencyStatus, number>;
  /** Delinquent agreements per level name ('—' without a level). */
  byLevel: Record<string, number>;
  /** Actions recorded by this run, per kind (skipped ones included). */
  actions: Record<DelinquencyActionKind, number>;
  /** Recorded actions that created nothing, per reason (e.g. 'NOTICE_EMAIL:no_email'). */
  skipped: Record<string, number>;
  errors: { agreementId: string; code: string; action: string; message: string }[];
  ms: number;
};

export type DelinquencyRunOptions = {
  batchSize?: number;
  /** Connections judging batches at once (default DELINQUENCY_CONCURRENCY). */
  concurrency?: number;
  /** Agreements per action transaction (default DELINQUENCY_ACTION_CHUNK). */
  actionChunk?: number;
  /** Only these agreements (the single-agreement recompute). */
  agreementIds?: readonly string[];
  /** false: statuses and history only. */
  actions?: boolean;
  onBatch?: (processed: number) => void;
};

type Level = q.PolicyLevel;
type ActionTask = { row: q.AttentionRow; level: Level | null; action: DelinquencyActionKind; episode: string };

const emptyActions = (): Record<DelinquencyActionKind, number> => ({ LATE_FEE: 0, NOTICE_EMAIL: 0, DISCONNECTION_ORDER: 0, PORTAL_BANNER: 0, RECONNECTION_ORDER: 0 });

/** Runs the engine for `date` (YYYY-MM-DD). Idempotent for a date. */
export async function runDelinquency(db: Db, date: string, opts: DelinquencyRunOptions = {}): Promise<DelinquencyRunResult> {
  const started = Date.now();
  const batchSize = opts.batchSize ?? DELINQUENCY_BATCH_SIZE;
  const levels = await q.activePolicyLevels(db);
  const levelById = new Map(levels.map((l) => [l.id, l]));
  const result: DelinquencyRunResult = {
    date,
    agreements: 0,
    changed: 0,
    byStatus: { CURRENT: 0, IN_GRACE: 0, DELINQUENT: 0 },
    byLevel: {},
    actions: emptyActions(),
    skipped: {},
    errors: [],
    ms: 0,
  };
  const ranges: q.IdRange[] = opts.agreementIds ? [{ after: null, upTo: null }] : await q.batchRanges(db, batchSize);
  const takeActions = opts.actions !== false;
  // Batches are judged by `concurrency` connections at once; actions are taken one batch at a
  // time (work-order numbers come from one counter: two writers would collide and retry).
  let next = 0;
  let actionQueue: Promise<unknown> = Promise.resolve();
  const worker = async () => {
    while (next < ranges.length) {
      const batch = await q.judgeBatch(db, date, ranges[next++], levels, opts.agreementIds);
      result.agreements += batch.count;
      for (const s of batch.summary) {
        result.byStatus[s.status] += s.n;
        result.changed += s.changed;
        if (s.status === 'DELINQUENT') {
          const name = (s.levelId && levelById.get(s.levelId)?.name) || '—';
          result.byLevel[name] = (result.byLevel[name] ?? 0) + s.n;
        }
      }
      if (takeActions && batch.attention.length) {
        const turn = actionQueue.then(async () => performTasks(db, await actionTasks(db, batch.attention, levelById), date, opts.actionChunk ?? DELINQUENCY_ACTION_CHUNK, result));
        actionQueue = turn.catch(() => undefined);
        await turn;
      }
      opts.onBatch?.(result.agreements);
    }
  };
  const workers = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? DELINQUENCY_CONCURRENCY, ranges.length)) }, worker));
  const failed = workers.find((w) => w.status === 'rejected');
  if (failed) throw failed.reason;
  result.ms = Date.now() - started;
  // The run itself is audited (the history rows are the per-agreement trail); a recompute only when it changed something.
  if (!opts.agreementIds || result.changed > 0 || Object.values(result.actions).some((n) => n > 0)) {
    await recordAudit(db, null, {
      entity: 'delinquency_run',
      entityId: opts.agreementIds?.length === 1 ? opts.agreementIds[0] : date,
      action: 'STATUS_CHANGE',
      after: { date, agreements: result.agreements, changed: result.changed, byStatus: result.byStatus, byLevel: result.byLevel, actions: result.actions, skipped: result.skipped, errors: result.errors.length },
    });
  }
  return result;
}

/** The actions the attention rows call for: the level's actions not recorded for the episode, and reconnections. */
async function actionTasks(db: Db, attention: readonly q.AttentionRow[], levelById: Map<string, Level>): Promise<ActionTask[]> {
  const tasks: ActionTask[] = [];
  const actionable = attention.filter((r) => r.status === 'DELINQUENT' && r.level_id && !r.exempt && r.oldest && levelById.has(r.level_id));
  if (actionable.length) {
    const byAgreement = new Map<string, q.TakenActionRow[]>();
    for (const t of await q.takenActions(db, actionable.map((r) => r.id))) byAgreement.set(t.agreement_id, [...(byAgreement.get(t.agreement_id) ?? []), t]);
    for (const row of actionable) {
      const level = levelById.get(row.level_id!)!;
      const done = (byAgreement.get(row.id) ?? []).map((t) => ({ levelId: t.level_id, action: t.action, episode: t.episode }));
      for (const action of pendingActions(level.id, level.actions, row.oldest!, done)) tasks.push({ row, level, action, episode: row.oldest! });
    }
  }
  const backToCurrent = attention.filter((r) => r.prev_status !== 'CURRENT' && r.status === 'CURRENT');
  if (backToCurrent.length) {
    const disconnected = await q.disconnectedAccounts(db, backToCurrent.map((r) => r.id));
    for (const row of backToCurrent) {
      if (proposesReconnection(row.prev_status, 'CURRENT', disconnected.get(row.id) ?? 0)) tasks.push({ row, level: null, action: 'RECONNECTION_ORDER', episode: '' });
    }
  }
  return tasks;
}

/** Takes the tasks in chunks of agreements; a chunk that fails is retried task by task, each error recorded. */
async function performTasks(db: Db, tasks: readonly ActionTask[], date: string, chunkSize: number, result: DelinquencyRunResult) {
  const byAgreement = new Map<string, ActionTask[]>();
  for (const t of tasks) byAgreement.set(t.row.id, [...(byAgreement.get(t.row.id) ?? []), t]);
  const groups = [...byAgreement.values()];
  const count = (done: Done[]) => {
    for (const { task, outcome } of done) {
      if (!outcome) continue;
      result.actions[task.action]++;
      if (outcome.skipped) result.skipped[`${task.action}:${outcome.skipped}`] = (result.skipped[`${task.action}:${outcome.skipped}`] ?? 0) + 1;
    }
  };
  for (let i = 0; i < groups.length; i += chunkSize) {
    const chunk = groups.slice(i, i + chunkSize).flat();
    try {
      count(await performChunk(db, chunk, date));
    } catch (err) {
      if (chunk.length === 1) {
        recordError(result, chunk[0], err);
        continue;
      }
      for (const task of chunk) {
        try {
          count(await performChunk(db, [task], date));
        } catch (e) {
          recordError(result, task, e);
        }
      }
    }
  }
}

function recordError(result: DelinquencyRunResult, task: ActionTask, err: unknown) {
  result.errors.push({ agreementId: task.row.id, code: task.row.code, action: task.action, message: err instanceof Error ? err.message : String(err) });
}

/**
 * Recomputes one agreement on `date` (after a payment or its reversal): the same engine, narrowed.
 * NOTE for the lead: wire it after registerPayment / reversePayment in lib/dal/payments.ts
 * (outside their transaction), e.g. `await recomputeAgreementDelinquency(db, agreementId, paidOn)`.
 */
export function recomputeAgreementDelinquency(db: Db, agreementId: string, date: string) {
  return runDelinquency(db, date, { agreementIds: [agreementId] });
}

type Outcome = { skipped?: string } | null;
type Done = { task: ActionTask; outcome: Outcome };
const UNIQUE_VIOLATION = '23505';

function isWorkOrderNumberRace(err: unknown): boolean {
  for (let e = err as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown } | undefined, d = 0; e && d < 3; e = e.cause as typeof e, d++) {
    if (e.code === UNIQUE_VIOLATION && (e.constraint_name ?? e.constraint) === 'work_orders_number_unique') return true;
  }
  return false;
}

/** Tasks in one transaction (retried when two writers take the same work-order number). */
async function performChunk(db: Db, tasks: readonly ActionTask[], date: string): Promise<Done[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => performChunkTx(tx, tasks, date));
    } catch (err) {
      if (attempt < 5 && isWorkOrderNumberRace(err)) continue;
      throw err;
    }
  }
}

type WorkOrder = typeof workOrders.$inferSelect;
type AgreementForAction = { id: string; code: string; name: string; email: string | null; branchId: string; currency: string };
type Ref = { entity: string; id: string | null };
type Claimed = { task: ActionTask; claimId: number; agreement: AgreementForAction; episode: string };

async function performChunkTx(tx: Tx, tasks: readonly ActionTask[], date: string): Promise<Done[]> {
  // The agreement rows' locks (in id order: two runs never deadlock) serialize the engine, the
  // payment recompute and a concurrent run.
  const ids = [...new Set(tasks.map((t) => t.row.id))].sort();
  const locked = await tx
    .select({ id: agreements.id, code: agreements.code, name: agreements.name, email: agreements.email, branchId: agreements.branchId, currency: agreements.currency })
    .from(agreements)
    .where(inArray(agreements.id, ids))
    .orderBy(agreements.id)
    .for('update');
  const agreementById = new Map(locked.map((a) => [a.id, a]));
  const done: Done[] = tasks.map((task) => ({ task, outcome: null }));
  const live = done.filter((d) => agreementById.has(d.task.row.id));

  // A reconnection ends the latest episode an action was taken for, else the one the old status began;
  // its level_id is null, so the unique index does not decide: the row locks above do.
  const reconnecting = live.filter((d) => d.task.action === 'RECONNECTION_ORDER');
  const episodes = new Map<string, string>();
  if (reconnecting.length) {
    const rows = await rawQuery<{ agreement_id: string; episode: string | null; reconnected: string[] | string | null }>(
      tx,
      `select agreement_id::text as agreement_id, (max(episode) filter (where action <> 'RECONNECTION_ORDER'))::text as episode,
              array_agg(episode::text) filter (where action = 'RECONNECTION_ORDER') as reconnected
       from delinquency_actions where agreement_id = any($1::uuid[]) group by agreement_id`,
      [pgArray(reconnecting.map((d) => d.task.row.id))],
    );
    const byId = new Map(rows.map((r) => [r.agreement_id, r]));
    for (const d of reconnecting) {
      const r = byId.get(d.task.row.id);
      const episode = r?.episode ?? d.task.row.prev_since ?? date;
      const reconnected = typeof r?.reconnected === 'string' ? r.reconnected.replace(/[{}]/g, '').split(',') : (r?.reconnected ?? []);
      if (!reconnected.includes(episode)) episodes.set(d.task.row.id, episode);
    }
  }
  const toClaim = live.filter((d) => d.task.action !== 'RECONNECTION_ORDER' || episodes.has(d.task.row.id));
  if (!toClaim.length) return done;
  const episodeOf = (t: ActionTask) => (t.action === 'RECONNECTION_ORDER' ? episodes.get(t.row.id)! : t.episode);
  const claims = await bulkInsertTx<{ id: number | string; agreement_id: string; action: string }>(
    tx,
    'delinquency_actions',
    [['agreement_id', 'uuid'], ['level_id', 'uuid'], ['action', 'delinquency_action'], ['episode', 'date'], ['run_date', 'date']],
    toClaim.map(({ task }) => [task.row.id, task.level?.id ?? null, task.action, episodeOf(task), date]),
    'on conflict do nothing returning id, agreement_id::text as agreement_id, action::text as action',
  );
  // One level per agreement in a run: (agreement, action) names a claim.
  const claimIds = new Map(claims.map((c) => [`${c.agreement_id}:${c.action}`, Number(c.id)]));
  const claimed: Claimed[] = [];
  for (const { task } of toClaim) {
    const claimId = claimIds.get(`${task.row.id}:${task.action}`);
    if (claimId !== undefined) claimed.push({ task, claimId, agreement: agreementById.get(task.row.id)!, episode: episodeOf(task) });
  }

  const refs = new Map<number, Ref>();
  for (const c of claimed) if (c.task.action === 'PORTAL_BANNER') refs.set(c.claimId, { entity: 'banner', id: null });
  await noticeEmails(tx, claimed.filter((c) => c.task.action === 'NOTICE_EMAIL'), refs);
  await workOrdersFor(tx, 'DISCONNECTION', claimed.filter((c) => c.task.action === 'DISCONNECTION_ORDER'), date, refs);
  await workOrdersFor(tx, 'RECONNECTION', claimed.filter((c) => c.task.action === 'RECONNECTION_ORDER'), date, refs);
  for (const c of claimed.filter((x) => x.task.action === 'LATE_FEE')) {
    const level = c.task.level;
    const fee = await issueLateFeeNote(tx, { agreementId: c.agreement.id, conceptId: level?.lateFeeConceptId ?? null, overdueDebt: c.task.row.debt, issueDate: date, levelName: level?.name ?? '' });
    refs.set(c.claimId, fee.ok ? { entity: 'invoice', id: fee.noteId } : { entity: `skipped:${fee.reason}`, id: null });
  }

  await rawQuery(
    tx,
    `update delinquency_actions d set ref_entity = v.entity, ref_id = v.ref_id
     from unnest($1::text::bigint[], $2::text::text[], $3::text::text[]) as v(id, entity, ref_id) where d.id = v.id`,
    [pgArray(claimed.map((c) => c.claimId)), pgArray(claimed.map((c) => refs.get(c.claimId)!.entity)), pgArray(claimed.map((c) => refs.get(c.claimId)!.id?.slice(0, 60) ?? null))],
  );
  const outcomes = new Map(claimed.map((c) => [c.task, refs.get(c.claimId)!]));
  return done.map(({ task }) => {
    const ref = outcomes.get(task);
    return { task, outcome: ref ? (ref.entity.startsWith('skipped:') ? { skipped: ref.entity.slice('skipped:'.length) } : {}) : null };
  });
}

/** NOTICE_EMAIL: one outbox e-mail per agreement with an address, in one statement; without one, skipped. */
async function noticeEmails(tx: Tx, claimed: readonly Claimed[], refs: Map<number, Ref>) {
  const sending = claimed.filter((c) => c.agreement.email);
  for (const c of claimed) if (!c.agreement.email) refs.set(c.claimId, { entity: 'skipped:no_email', id: null });
  const rows = await enqueueEmails(tx, sending.map(noticeEmail));
  const idByAgreement = new Map(rows.map((r) => [r.relatedId, r.id]));
  for (const c of sending) refs.set(c.claimId, { entity: 'email_outbox', id: idByAgreement.get(c.agreement.id)! });
}

function noticeEmail({ task, agreement }: Claimed): OutgoingEmail {
  const level = task.level;
  const debt = formatMoney(task.row.debt, agreement.currency);
  return {
    to: agreement.email!,
    subject: `Aviso de morosidad — acuerdo ${agreement.code}`,
    text: [
      `Estimado cliente:`,
      ``,
      `El acuerdo ${agreement.code} (${agreement.name}) tiene una deuda vencida de ${debt}, con facturas vencidas desde el ${task.episode}.`,
      `Nivel de morosidad: ${level?.name ?? ''}.`,
      level?.bannerText ? `\n${level.bannerText}` : '',
      `Le rogamos regularizar su situación a la brevedad. Si ya realizó el pago, por favor ignore este aviso.`,
      ``,
      `Atentamente,`,
      `Departamento de Cobros`,
    ]
      .filter((l, i, all) => !(l === '' && all[i - 1] === ''))
      .join('\n'),
    relatedEntity: 'agreement',
    relatedId: agreement.id,
  };
}

/** 'OT-000041', 3 → ['OT-000041', 'OT-000042', 'OT-000043'] (the number's width kept, at least 6 digits). */
export function consecutiveCodes(first: string, count: number): string[] {
  const m = /^(.*-)(\d+)$/.exec(first);
  if (!m) throw new Error(`Código no numerado: ${first}`);
  const start = Number(m[2]);
  return Array.from({ length: count }, (_, k) => `${m[1]}${String(start + k).padStart(m[2].length, '0')}`);
}

/**
 * DISCONNECTION_ORDER / RECONNECTION_ORDER: a PENDING order per ACTIVE (DISCONNECTED) account of
 * each agreement that has no open one of the type, numbered consecutively from one read of the
 * counter, inserted and audited in one statement each; no account → skipped, all busy → skipped.
 */
async function workOrdersFor(tx: Tx, type: 'DISCONNECTION' | 'RECONNECTION', claimed: readonly Claimed[], date: string, refs: Map<number, Ref>) {
  if (!claimed.length) return;
  const disconnect = type === 'DISCONNECTION';
  const ids = claimed.map((c) => c.agreement.id);
  const [targets, open] = await Promise.all([
    tx
      .select({ id: accounts.id, number: accounts.number, groupId: accounts.groupId, agreementId: accounts.agreementId })
      .from(accounts)
      .where(and(inArray(accounts.agreementId, ids), eq(accounts.status, disconnect ? 'ACTIVE' : 'DISCONNECTED')))
      .orderBy(accounts.agreementId, accounts.number),
    tx
      .select({ accountId: workOrders.accountId })
      .from(workOrders)
      .where(and(inArray(workOrders.agreementId, ids), eq(workOrders.type, type), inArray(workOrders.status, ['PENDING', 'APPROVED']))),
  ]);
  const busy = new Set(open.map((o) => o.accountId));
  const orders: { claimId: number; agreement: AgreementForAction; account: (typeof targets)[number]; description: string }[] = [];
  for (const c of claimed) {
    const mine = targets.filter((t) => t.agreementId === c.agreement.id);
    if (!mine.length) {
      refs.set(c.claimId, { entity: 'skipped:no_account', id: null });
      continue;
    }
    const free = mine.filter((t) => !busy.has(t.id));
    if (!free.length) refs.set(c.claimId, { entity: 'skipped:already_pending', id: null });
    for (const account of free) {
      orders.push({
        claimId: c.claimId,
        agreement: c.agreement,
        account,
        description: disconnect
          ? `Corte por morosidad (${c.task.level?.name ?? ''}): deuda vencida ${formatMoney(c.task.row.debt, c.agreement.currency)} desde el ${c.task.episode}.`
          : `Reconexión propuesta: el acuerdo ${c.agreement.code} quedó al día el ${date}.`,
      });
    }
  }
  if (!orders.length) return;
  const numbers = consecutiveCodes(await nextWorkOrderNumber(tx), orders.length);
  const created = await bulkInsertTx<{ id: string; number: string; status: WorkOrder['status']; created_at: Date | string; updated_at: Date | string }>(
    tx,
    'work_orders',
    [['number', 'varchar'], ['type', 'work_order_type'], ['target', 'work_order_target'], ['agreement_id', 'uuid'], ['account_group_id', 'uuid'], ['account_id', 'uuid'], ['branch_id', 'uuid'], ['description', 'text']],
    orders.map((o, k) => [numbers[k], type, 'ACCOUNT', o.agreement.id, o.account.groupId, o.account.id, o.agreement.branchId, o.description]),
    'returning id::text as id, number, status::text as status, created_at, updated_at',
  );
  const byNumber = new Map(created.map((w) => [w.number, w]));
  const numbersOf = new Map<number, string[]>();
  const audits: AuditEntry[] = orders.map((o, k) => {
    const w = byNumber.get(numbers[k])!;
    numbersOf.set(o.claimId, [...(numbersOf.get(o.claimId) ?? []), w.number]);
    // The row as the table holds it (what a single insert's returning() gives), for the audit.
    const row: WorkOrder = {
      id: w.id,
      number: w.number,
      type,
      status: w.status,
      target: 'ACCOUNT',
      agreementId: o.agreement.id,
      accountGroupId: o.account.groupId,
      accountId: o.account.id,
      branchId: o.agreement.branchId,
      description: o.description,
      decisionReason: null,
      createdBy: null,
      decidedBy: null,
      decidedAt: null,
      completedBy: null,
      completedAt: null,
      completionNotes: null,
      createdAt: new Date(w.created_at),
      updatedAt: new Date(w.updated_at),
    };
    return { entity: 'work_order', entityId: w.id, action: 'CREATE', after: { ...row, origin: 'delinquency' } };
  });
  await recordAudits(tx, null, audits);
  for (const [claimId, list] of numbersOf) refs.set(claimId, { entity: 'work_order', id: list.join(',') });
}
