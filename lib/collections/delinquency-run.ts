/**
 * The delinquency engine (domain.md "Collections"; issue 6). For a date, every ACTIVE/SUSPENDED
 * agreement, in batches by id:
 *   1. one statement reads the batch's oldest overdue due date and overdue debt (invoices and debit
 *      notes issued with a balance, due before the date);
 *   2. delinquencyState (lib/domain/collections/delinquency.ts) gives status and level;
 *   3. one transaction writes the changed statuses (status, level, since) and upserts one
 *      delinquency_history row per agreement and date (a rerun rewrites, never adds);
 *   4. actionable agreements (a level, not exempt) take the level's actions not yet recorded for the
 *      episode (the oldest overdue due date), each claimed in delinquency_actions (unique per
 *      agreement, level, action and episode → a rerun or the next day never repeats one) in the
 *      transaction that performs it: LATE_FEE → a debit note (late-fee.ts), NOTICE_EMAIL → an
 *      outbox e-mail (skipped and recorded without an address), DISCONNECTION_ORDER → a PENDING
 *      disconnection order per ACTIVE account without one, PORTAL_BANNER → recorded only (the portal
 *      reads the level's banner). An agreement back to CURRENT with DISCONNECTED accounts gets a
 *      PENDING reconnection order per such account (RECONNECTION_ORDER, once per episode).
 * Everything runs as the system (audit rows without a user). Plain server code (no 'server-only'):
 * the CLI and the job queue run it.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import * as q from '@/db/queries/delinquency-run';
import { nextWorkOrderNumber } from '@/db/queries/work-orders';
import { accounts, agreements, delinquencyActions, workOrders } from '@/db/schema';
import { delinquencyState, type DelinquencyStatus } from '@/lib/domain/collections/delinquency';
import { nextStatus, pendingActions, proposesReconnection } from '@/lib/domain/collections/delinquency-actions';
import { formatMoney } from '@/lib/domain/format';
import { toMoneyString } from '@/lib/domain/money';
import { enqueueEmail } from './mailer';
import { issueLateFeeNote } from './late-fee';

export const DELINQUENCY_BATCH_SIZE = 2000;

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
  /** Only these agreements (the single-agreement recompute). */
  agreementIds?: readonly string[];
  /** false: statuses and history only. */
  actions?: boolean;
  onBatch?: (processed: number) => void;
};

type Level = q.PolicyLevel;
type ActionTask = { row: q.AgreementDebtRow; level: Level | null; action: DelinquencyActionKind; episode: string };

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
  let cursor: string | null = null;
  for (;;) {
    const rows = await q.agreementDebtBatch(db, date, cursor, batchSize, opts.agreementIds);
    if (!rows.length) break;
    cursor = rows[rows.length - 1].id;

    const statusWrites: q.StatusWrite[] = [];
    const history: q.HistoryWrite[] = [];
    const actionable: { row: q.AgreementDebtRow; level: Level; episode: string }[] = [];
    const backToCurrent: q.AgreementDebtRow[] = [];
    for (const row of rows) {
      const state = delinquencyState({ oldestUnpaidDueDate: row.oldest, overdueDebt: row.debt, graceDays: row.grace_days, exempt: row.exempt }, levels, date);
      const levelId = state.level?.id ?? null;
      const next = nextStatus({ status: row.prev_status, levelId: row.prev_level, since: row.prev_since }, { status: state.status, levelId }, date);
      if (next.changed) statusWrites.push({ id: row.id, status: next.status, levelId, since: next.since! });
      history.push({ agreementId: row.id, status: state.status, levelId, daysOverdue: state.daysOverdue, overdueDebt: toMoneyString(row.debt) });
      result.byStatus[state.status]++;
      if (state.status === 'DELINQUENT') {
        const name = state.level?.name ?? '—';
        result.byLevel[name] = (result.byLevel[name] ?? 0) + 1;
      }
      if (state.actionable && state.level && row.oldest) actionable.push({ row, level: levelById.get(state.level.id)!, episode: row.oldest });
      if (row.prev_status !== 'CURRENT' && state.status === 'CURRENT') backToCurrent.push(row);
    }
    await db.transaction(async (tx) => {
      await q.writeStatuses(tx, statusWrites);
      await q.upsertHistory(tx, date, history);
    });
    result.agreements += rows.length;
    result.changed += statusWrites.length;

    if (opts.actions !== false) {
      const tasks: ActionTask[] = [];
      if (actionable.length) {
        const taken = await q.takenActions(db, actionable.map((a) => a.row.id));
        const byAgreement = new Map<string, q.TakenActionRow[]>();
        for (const t of taken) byAgreement.set(t.agreement_id, [...(byAgreement.get(t.agreement_id) ?? []), t]);
        for (const a of actionable) {
          const done = (byAgreement.get(a.row.id) ?? []).map((t) => ({ levelId: t.level_id, action: t.action, episode: t.episode }));
          for (const action of pendingActions(a.level.id, a.level.actions, a.episode, done)) tasks.push({ row: a.row, level: a.level, action, episode: a.episode });
        }
      }
      if (backToCurrent.length) {
        const disconnected = await q.disconnectedAccounts(db, backToCurrent.map((r) => r.id));
        for (const row of backToCurrent) {
          if (proposesReconnection(row.prev_status, 'CURRENT', disconnected.get(row.id) ?? 0)) tasks.push({ row, level: null, action: 'RECONNECTION_ORDER', episode: '' });
        }
      }
      for (const task of tasks) {
        try {
          const outcome = await performAction(db, task, date);
          if (!outcome) continue;
          result.actions[task.action]++;
          if (outcome.skipped) result.skipped[`${task.action}:${outcome.skipped}`] = (result.skipped[`${task.action}:${outcome.skipped}`] ?? 0) + 1;
        } catch (err) {
          result.errors.push({ agreementId: task.row.id, code: task.row.code, action: task.action, message: err instanceof Error ? err.message : String(err) });
        }
      }
    }
    opts.onBatch?.(result.agreements);
    if (rows.length < batchSize) break;
  }
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

/**
 * Recomputes one agreement on `date` (after a payment or its reversal): the same engine, narrowed.
 * NOTE for the lead: wire it after registerPayment / reversePayment in lib/dal/payments.ts
 * (outside their transaction), e.g. `await recomputeAgreementDelinquency(db, agreementId, paidOn)`.
 */
export function recomputeAgreementDelinquency(db: Db, agreementId: string, date: string) {
  return runDelinquency(db, date, { agreementIds: [agreementId] });
}

type Outcome = { skipped?: string } | null;
const UNIQUE_VIOLATION = '23505';

function isWorkOrderNumberRace(err: unknown): boolean {
  for (let e = err as { code?: string; constraint_name?: string; constraint?: string; cause?: unknown } | undefined, d = 0; e && d < 3; e = e.cause as typeof e, d++) {
    if (e.code === UNIQUE_VIOLATION && (e.constraint_name ?? e.constraint) === 'work_orders_number_unique') return true;
  }
  return false;
}

/** One action in its own transaction (retried when two writers take the same work-order number). null = already taken. */
async function performAction(db: Db, task: ActionTask, date: string): Promise<Outcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction((tx) => performActionTx(tx, task, date));
    } catch (err) {
      if (attempt < 5 && isWorkOrderNumberRace(err)) continue;
      throw err;
    }
  }
}

async function performActionTx(tx: Tx, task: ActionTask, date: string): Promise<Outcome> {
  // The agreement row lock serializes the engine, the payment recompute and a concurrent run.
  const [agreement] = await tx
    .select({ id: agreements.id, code: agreements.code, name: agreements.name, email: agreements.email, branchId: agreements.branchId, currency: agreements.currency, status: agreements.status })
    .from(agreements)
    .where(eq(agreements.id, task.row.id))
    .for('update');
  if (!agreement) return null;

  let episode = task.episode;
  if (task.action === 'RECONNECTION_ORDER') {
    // The episode that ends: the latest one an action was taken for, else the date the old status began.
    const [last] = await tx.select({ episode: sql<string | null>`max(${delinquencyActions.episode})::text` }).from(delinquencyActions).where(and(eq(delinquencyActions.agreementId, agreement.id), sql`${delinquencyActions.action} <> 'RECONNECTION_ORDER'`));
    episode = last?.episode ?? task.row.prev_since ?? date;
    // level_id is null here, so the unique index does not decide: the row lock above does.
    const [already] = await tx.select({ id: delinquencyActions.id }).from(delinquencyActions).where(and(eq(delinquencyActions.agreementId, agreement.id), eq(delinquencyActions.action, 'RECONNECTION_ORDER'), eq(delinquencyActions.episode, episode))).limit(1);
    if (already) return null;
  }
  const [claim] = await tx
    .insert(delinquencyActions)
    .values({ agreementId: agreement.id, levelId: task.level?.id ?? null, action: task.action, episode, runDate: date })
    .onConflictDoNothing()
    .returning({ id: delinquencyActions.id });
  if (!claim) return null;

  const ref = await effect(tx, task, agreement, date);
  await tx.update(delinquencyActions).set({ refEntity: ref.entity, refId: ref.id?.slice(0, 60) ?? null }).where(eq(delinquencyActions.id, claim.id));
  return ref.entity.startsWith('skipped:') ? { skipped: ref.entity.slice('skipped:'.length) } : {};
}

type AgreementForAction = { id: string; code: string; name: string; email: string | null; branchId: string; currency: string };
type Ref = { entity: string; id: string | null };

async function effect(tx: Tx, task: ActionTask, agreement: AgreementForAction, date: string): Promise<Ref> {
  const level = task.level;
  switch (task.action) {
    case 'LATE_FEE': {
      const fee = await issueLateFeeNote(tx, { agreementId: agreement.id, conceptId: level?.lateFeeConceptId ?? null, overdueDebt: task.row.debt, issueDate: date, levelName: level?.name ?? '' });
      return fee.ok ? { entity: 'invoice', id: fee.noteId } : { entity: `skipped:${fee.reason}`, id: null };
    }
    case 'NOTICE_EMAIL': {
      if (!agreement.email) return { entity: 'skipped:no_email', id: null };
      const debt = formatMoney(task.row.debt, agreement.currency);
      const id = await enqueueEmail(tx, {
        to: agreement.email,
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
        ].filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n'),
        relatedEntity: 'agreement',
        relatedId: agreement.id,
      });
      return { entity: 'email_outbox', id };
    }
    case 'DISCONNECTION_ORDER':
    case 'RECONNECTION_ORDER': {
      const disconnect = task.action === 'DISCONNECTION_ORDER';
      const type = disconnect ? 'DISCONNECTION' : 'RECONNECTION';
      const targets = await tx
        .select({ id: accounts.id, number: accounts.number, groupId: accounts.groupId })
        .from(accounts)
        .where(and(eq(accounts.agreementId, agreement.id), eq(accounts.status, disconnect ? 'ACTIVE' : 'DISCONNECTED')))
        .orderBy(accounts.number);
      if (!targets.length) return { entity: 'skipped:no_account', id: null };
      const open = await tx
        .select({ accountId: workOrders.accountId })
        .from(workOrders)
        .where(and(eq(workOrders.agreementId, agreement.id), eq(workOrders.type, type), inArray(workOrders.status, ['PENDING', 'APPROVED'])));
      const busy = new Set(open.map((o) => o.accountId));
      const numbers: string[] = [];
      for (const account of targets) {
        if (busy.has(account.id)) continue;
        const [created] = await tx
          .insert(workOrders)
          .values({
            number: await nextWorkOrderNumber(tx),
            type,
            target: 'ACCOUNT',
            agreementId: agreement.id,
            accountGroupId: account.groupId,
            accountId: account.id,
            branchId: agreement.branchId,
            description: disconnect
              ? `Corte por morosidad (${level?.name ?? ''}): deuda vencida ${formatMoney(task.row.debt, agreement.currency)} desde el ${task.episode}.`
              : `Reconexión propuesta: el acuerdo ${agreement.code} quedó al día el ${date}.`,
            createdBy: null,
          })
          .returning();
        await recordAudit(tx, null, { entity: 'work_order', entityId: created.id, action: 'CREATE', after: { ...created, origin: 'delinquency' } });
        numbers.push(created.number);
      }
      return numbers.length ? { entity: 'work_order', id: numbers.join(',') } : { entity: 'skipped:already_pending', id: null };
    }
    case 'PORTAL_BANNER':
      return { entity: 'banner', id: null };
  }
}
