import 'server-only';
import { getDb, type Db } from '@/db/client';
import * as q from '@/db/queries/billing-runs';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can, type Permission } from '@/lib/auth/roles';
import { branchScope, inBranchScope, type Actor } from '@/lib/auth/scope';
import { executeRun, liveSummary } from '@/lib/billing/engine';
import { enqueueRun } from '@/lib/billing/queue';
import { billingWorker } from '@/lib/billing/worker-host';
import { createRun, STALE_AFTER_MS, type BillingRunInput } from '@/lib/billing/runs';
import { isUuid } from './customers';

/**
 * Billing runs in the data layer. Starting a run needs 'billing.write', reading 'billing.read'
 * (no dedicated billing permission yet). Branch staff run only their own branches: their runs must
 * name one of them (scope.branchId), and they see only runs scoped to their branches; another
 * branch's run is "not found". The run executes in the background: through the job queue when
 * this process runs the billing worker (the web server; lib/billing/worker-host.ts), otherwise
 * in this process (tests, scripts).
 */
export const RUNS_PAGE_SIZE = 25;
export const RUN_ISSUES_PAGE_SIZE = 50;

function assertCan(actor: Actor, permission: Permission) {
  if (!can(actor.role, permission)) throw new ForbiddenError();
}

const notFound = () => new NotFoundError('No se encontró la corrida de facturación.');

function visible(actor: Actor, run: Pick<q.BillingRunRow, 'scope'>): boolean {
  const scope = branchScope(actor);
  if (scope.all) return true;
  return !!run.scope.branchId && inBranchScope(scope, run.scope.branchId);
}

/** Runs started here, so tests and the server can wait for them; errors end up in the run row. */
const running = new Map<string, Promise<unknown>>();

async function launch(db: Db, runId: string) {
  const worker = await billingWorker();
  if (worker && worker.handle.db === db) {
    await enqueueRun(worker.boss, worker.handle, runId);
    return;
  }
  const p = executeRun(db, runId)
    .catch((err) => {
      // executeRun already stored FAILED with the message; keep the process alive.
      console.error(`Corrida de facturación ${runId} fallida:`, err);
    })
    .finally(() => running.delete(runId));
  running.set(runId, p);
}

/** Resolves when a run started or resumed in this process has finished (immediately otherwise). */
export async function waitForBillingRun(runId: string): Promise<void> {
  await running.get(runId);
}

/**
 * Creates a PREVIEW or RUN for a period (YYYY-MM) and issue date, optionally one branch or some
 * agreements, and starts it in the background. Branch staff must name a branch of theirs.
 */
export async function startBillingRun(actor: Actor, input: BillingRunInput, db = getDb()): Promise<{ runId: string }> {
  assertCan(actor, 'billing.write');
  const scope = branchScope(actor);
  if (!scope.all) {
    if (!input.branchId) throw new UserError('Seleccione una de sus sucursales.', { branchId: ['Seleccione una de sus sucursales.'] });
    if (!isUuid(input.branchId) || !inBranchScope(scope, input.branchId)) throw new ForbiddenError('No puede facturar otra sucursal.');
  }
  const run = await createRun(db, { id: actor.id, email: actor.email }, input);
  await launch(db, run.id);
  return { runId: run.id };
}

/**
 * Resumes a run that stopped mid-way: RUNNING with a heartbeat older than two minutes, or FAILED.
 * Safe because runs are idempotent: it continues after its last committed batch.
 */
export async function resumeRun(actor: Actor, id: string, db = getDb()): Promise<{ runId: string }> {
  assertCan(actor, 'billing.write');
  if (!isUuid(id)) throw notFound();
  const run = await q.findRun(db, id);
  if (!run || !visible(actor, run)) throw notFound();
  const beat = (run.heartbeatAt ?? run.startedAt ?? run.createdAt).getTime();
  const stale = run.status === 'FAILED' || ((run.status === 'RUNNING' || run.status === 'QUEUED') && Date.now() - beat > STALE_AFTER_MS);
  if (!stale || running.has(id)) throw new UserError(run.status === 'DONE' ? 'La corrida ya terminó.' : 'La corrida sigue en curso.');
  await launch(db, run.id);
  return { runId: run.id };
}

/** One run with a page of its issues (errors first); `stale` = RUNNING without a recent heartbeat. */
export async function getBillingRun(actor: Actor, id: string, opts: { page?: number; severity?: 'SKIP' | 'ERROR' } = {}, db = getDb()) {
  assertCan(actor, 'billing.read');
  if (!isUuid(id)) throw notFound();
  const run = await q.findRun(db, id);
  if (!run || !visible(actor, run)) throw notFound();
  const page = Math.max(1, opts.page ?? 1);
  const issues = await q.listRunIssues(db, id, { severity: opts.severity }, { limit: RUN_ISSUES_PAGE_SIZE, offset: (page - 1) * RUN_ISSUES_PAGE_SIZE });
  const beat = (run.heartbeatAt ?? run.startedAt ?? run.createdAt).getTime();
  const stale = (run.status === 'RUNNING' || run.status === 'QUEUED') && Date.now() - beat > STALE_AFTER_MS;
  // While it runs, its summary is the merge of its slices' so far.
  const summary = run.status === 'DONE' ? run.summary : ((await liveSummary(db, id)) as unknown as Record<string, unknown>);
  return {
    run: { ...run, summary },
    stale,
    issues: { ...issues, page, pageSize: RUN_ISSUES_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(issues.total / RUN_ISSUES_PAGE_SIZE)) },
  };
}

/** Runs newest first; branch staff see the runs of their branches. */
export async function listBillingRuns(actor: Actor, opts: { page?: number } = {}, db = getDb()) {
  assertCan(actor, 'billing.read');
  const scope = branchScope(actor);
  const page = Math.max(1, opts.page ?? 1);
  const result = await q.listRuns(db, scope.all ? {} : { branchIds: scope.branchIds }, { limit: RUNS_PAGE_SIZE, offset: (page - 1) * RUNS_PAGE_SIZE });
  return { ...result, page, pageSize: RUNS_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(result.total / RUNS_PAGE_SIZE)) };
}
