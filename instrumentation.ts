/**
 * Next.js calls register() once when a server process starts. On the Node.js runtime it starts the
 * billing worker (pg-boss on the app's database), so queued billing-run slices — including those
 * of a run interrupted by a restart — are executed by the web server. CAUCE_WORKER=0 turns it off
 * (e.g. web nodes that leave billing to dedicated `npm run worker` processes).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.CAUCE_WORKER === '0') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startBillingWorker } = await import('@/lib/billing/worker-host');
  await startBillingWorker().catch(() => undefined);
}
