/**
 * The totals of a billing run (stored in billing_runs.summary, decimal strings): per currency, by
 * concept and by branch. Amounts of different currencies are never added together. A PREVIEW
 * and the RUN that follows it produce the same summary (the engine feeds both the same units).
 * Each slice of a run keeps its own summary; the run's is their merge (`merge`). `cursor` is kept
 * for runs stored before slices existed (the last agreement id processed).
 */
import { fromCents, toCents } from '@/lib/domain/money';

export type SummaryAmounts = { net: string; tax: string; total: string };
export type ConceptTotals = SummaryAmounts & { code: string; name: string; currency: string; lines: number };
export type BranchTotals = SummaryAmounts & { branchId: string; code: string; name: string; currency: string; invoices: number };
export type CurrencyTotals = SummaryAmounts & { currency: string; invoices: number };

export type RunSummary = {
  totals: CurrencyTotals[];
  byConcept: ConceptTotals[];
  byBranch: BranchTotals[];
  cursor: string | null;
};

export const EMPTY_SUMMARY: RunSummary = { totals: [], byConcept: [], byBranch: [], cursor: null };

// Accumulated in integer cents (BigInt): every amount added is already rounded to the cent.
type Acc = { net: bigint; tax: bigint; total: bigint; n: number };
const zero = (): Acc => ({ net: BigInt(0), tax: BigInt(0), total: BigInt(0), n: 0 });
const fromStored = (a: SummaryAmounts, n: number): Acc => ({ net: toCents(a.net), tax: toCents(a.tax), total: toCents(a.total), n });
const out = (a: Acc): SummaryAmounts => ({ net: fromCents(a.net), tax: fromCents(a.tax), total: fromCents(a.total) });

type Item = { conceptCode: string; conceptName: string; net: string; tax: string; total: string };
type Totals = { net: string; tax: string; total: string };

/** Accumulates units into the summary; `toJSON()` is what the run row stores. */
export class SummaryBuilder {
  private totals = new Map<string, Acc>();
  private concepts = new Map<string, { code: string; name: string; currency: string; acc: Acc }>();
  private branches = new Map<string, { branchId: string; code: string; name: string; currency: string; acc: Acc }>();
  cursor: string | null = null;

  constructor(from?: Partial<RunSummary> | null) {
    for (const t of from?.totals ?? []) this.totals.set(t.currency, fromStored(t, t.invoices));
    for (const c of from?.byConcept ?? []) this.concepts.set(`${c.code}|${c.currency}`, { code: c.code, name: c.name, currency: c.currency, acc: fromStored(c, c.lines) });
    for (const b of from?.byBranch ?? []) this.branches.set(`${b.branchId}|${b.currency}`, { branchId: b.branchId, code: b.code, name: b.name, currency: b.currency, acc: fromStored(b, b.invoices) });
    this.cursor = from?.cursor ?? null;
  }

  /** An independent copy (what a batch adds to before its transaction commits). */
  clone(): SummaryBuilder {
    const copy = new SummaryBuilder();
    for (const [k, a] of this.totals) copy.totals.set(k, { ...a });
    for (const [k, c] of this.concepts) copy.concepts.set(k, { ...c, acc: { ...c.acc } });
    for (const [k, b] of this.branches) copy.branches.set(k, { ...b, acc: { ...b.acc } });
    copy.cursor = this.cursor;
    return copy;
  }

  /** Adds another summary (a slice's) into this one. */
  merge(other: Partial<RunSummary> | null | undefined): this {
    const o = new SummaryBuilder(other);
    for (const [k, a] of o.totals) addAcc(getOr(this.totals, k, zero), a);
    for (const [k, c] of o.concepts) {
      const mine = this.concepts.get(k);
      if (mine) addAcc(mine.acc, c.acc);
      else this.concepts.set(k, c);
    }
    for (const [k, b] of o.branches) {
      const mine = this.branches.get(k);
      if (mine) addAcc(mine.acc, b.acc);
      else this.branches.set(k, b);
    }
    return this;
  }

  add(unit: { currency: string; branch: { id: string; code: string; name: string }; totals: Totals; items: readonly Item[] }) {
    const { currency, branch } = unit;
    bump(getOr(this.totals, currency, zero), unit.totals);
    let b = this.branches.get(`${branch.id}|${currency}`);
    if (!b) this.branches.set(`${branch.id}|${currency}`, (b = { branchId: branch.id, code: branch.code, name: branch.name, currency, acc: zero() }));
    bump(b.acc, unit.totals);
    for (const item of unit.items) {
      const key = `${item.conceptCode}|${currency}`;
      let c = this.concepts.get(key);
      if (!c) this.concepts.set(key, (c = { code: item.conceptCode, name: item.conceptName, currency, acc: zero() }));
      bump(c.acc, item);
    }
  }

  toJSON(): RunSummary {
    const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return {
      totals: [...this.totals.entries()].map(([currency, a]) => ({ currency, invoices: a.n, ...out(a) })).sort((x, y) => byText(x.currency, y.currency)),
      byConcept: [...this.concepts.values()].map((c) => ({ code: c.code, name: c.name, currency: c.currency, lines: c.acc.n, ...out(c.acc) })).sort((x, y) => byText(x.currency, y.currency) || byText(x.code, y.code)),
      byBranch: [...this.branches.values()].map((b) => ({ branchId: b.branchId, code: b.code, name: b.name, currency: b.currency, invoices: b.acc.n, ...out(b.acc) })).sort((x, y) => byText(x.code, y.code) || byText(x.currency, y.currency)),
      cursor: this.cursor,
    };
  }
}

function getOr<K, V>(m: Map<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}

function addAcc(acc: Acc, a: Acc) {
  acc.net += a.net;
  acc.tax += a.tax;
  acc.total += a.total;
  acc.n += a.n;
}

function bump(acc: Acc, a: Totals) {
  acc.net += toCents(a.net);
  acc.tax += toCents(a.tax);
  acc.total += toCents(a.total);
  acc.n += 1;
}
