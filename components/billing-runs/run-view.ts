/**
 * Reading a billing run row for display: its scope in words, elapsed time and rate, and the totals
 * of `summary` (written by the engine as decimal strings; read defensively, a malformed part is skipped).
 */

export type RunScope = { branchId?: string; agreementIds?: string[] };

// e.g. ({ agreementIds: [a, b] }, names) → '2 acuerdos'; ({ branchId }, names) → 'Santo Domingo Centro'; ({}) → 'Todas las sucursales'.
export function runScopeText(scope: RunScope | null | undefined, branchNames: ReadonlyMap<string, string>): string {
  const branch = scope?.branchId ? (branchNames.get(scope.branchId) ?? 'Una sucursal') : undefined;
  const n = scope?.agreementIds?.length ?? 0;
  if (n) return `${n === 1 ? '1 acuerdo' : `${n} acuerdos`}${branch ? ` de ${branch}` : ''}`;
  return branch ?? 'Todas las sucursales';
}

// Whole seconds between start and finish (or now while running); 0 before it starts.
export function elapsedSeconds(startedAt: Date | null, finishedAt: Date | null, now: Date): number {
  if (!startedAt) return 0;
  return Math.max(0, Math.round(((finishedAt ?? now).getTime() - startedAt.getTime()) / 1000));
}

// e.g. formatElapsed(75) → '1 min 15 s'; formatElapsed(3725) → '1 h 2 min'.
export function formatElapsed(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m} min ${seconds % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

// Agreements processed per second, one decimal under 10; e.g. (1500, 60) → '25'; (0, 0) → '—'.
export function formatRate(processed: number, seconds: number): string {
  if (!seconds || !processed) return '—';
  const r = processed / seconds;
  return r < 10 ? r.toFixed(1) : String(Math.round(r));
}

// Percentage done, 0–100; a run with no total yet is 0 (or 100 when finished).
export function percentDone(processed: number, total: number, finished: boolean): number {
  if (total <= 0) return finished ? 100 : 0;
  return Math.min(100, Math.floor((processed * 100) / total));
}

export type SummaryRow = { key: string; code: string; name: string; currency: string; count: number | null; net: string; tax: string; total: string };

const AMOUNT_RE = /^-?\d+(\.\d+)?$/;
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function rows(list: unknown, countKey: string, idKey: string): SummaryRow[] {
  if (!Array.isArray(list)) return [];
  const out: SummaryRow[] = [];
  for (const raw of list) {
    if (!raw || typeof raw !== 'object') continue;
    const r = raw as Record<string, unknown>;
    const [net, tax, total] = [str(r.net), str(r.tax), str(r.total)];
    if (![net, tax, total].every((a) => AMOUNT_RE.test(a))) continue;
    const currency = str(r.currency) || 'DOP';
    const code = str(r.code);
    const count = typeof r[countKey] === 'number' ? (r[countKey] as number) : null;
    out.push({ key: `${str(r[idKey]) || code}|${currency}`, code, name: str(r.name), currency, count, net, tax, total });
  }
  return out;
}

/** The run's totals by concept, by branch and per currency, from billing_runs.summary. */
export function readRunSummary(summary: unknown): { byConcept: SummaryRow[]; byBranch: SummaryRow[]; totals: SummaryRow[] } {
  const s = summary && typeof summary === 'object' ? (summary as Record<string, unknown>) : {};
  return { byConcept: rows(s.byConcept, 'lines', 'code'), byBranch: rows(s.byBranch, 'invoices', 'branchId'), totals: rows(s.totals, 'invoices', 'currency') };
}
