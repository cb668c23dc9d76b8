import { describe, it, expect } from 'vitest';
import { ITEM_GROUPINGS } from '@/lib/domain/billing-frequency';
import { money, sumMoney } from '@/lib/domain/money';
import { createRng, type Rng } from '@/lib/domain/random';
import { computeBilling, type BillingConcept, type BillingTariff, type ComputeInput } from './compute';
import { printableItems, type PrintableSource } from './printable';
import { CONCEPTS, account, agreement, input } from './test-fixtures';

// Two accounts on one invoice: a1 metered 25 m³, a2 unmetered (flat rate).
function twoAccountItems() {
  const r = computeBilling(input({
    agreement: agreement({ billingMode: 'PER_AGREEMENT', discountPct: '10' }),
    accounts: [account('a1', { description: 'Local 1' }), account('a2', { description: 'Local 2', metered: false })],
  }));
  if (!r.ok) throw new Error(r.error.message);
  return r.units[0];
}
const LABELS = new Map([['a1', 'Local 1'], ['a2', 'Local 2']]);

function expectSumsEqual(lines: { net: string; tax: string; total: string }[], items: readonly PrintableSource[]) {
  for (const k of ['net', 'tax', 'total'] as const) {
    expect(sumMoney(lines.map((l) => l[k])).equals(sumMoney(items.map((i) => i[k])))).toBe(true);
  }
}

describe('printableItems', () => {
  const unit = twoAccountItems();

  it('SIMPLE: one line per item, prefixed by the account when the invoice has several', () => {
    const lines = printableItems(unit.items, 'SIMPLE', LABELS);
    expect(lines).toHaveLength(unit.items.length);
    expect(lines.map((l) => l.description)).toEqual([
      'Local 1 — Cargo fijo',
      'Local 1 — Consumo de agua 0–20 m³ (20 m³)',
      'Local 1 — Consumo de agua 21–40 m³ (5 m³)',
      'Local 1 — Alcantarillado 30 % s/ agua potable',
      'Local 1 — Alquiler de medidor',
      'Local 2 — Cargo fijo',
      'Local 2 — Alcantarillado 30 % s/ agua potable',
    ]);
    expect(lines[1]).toEqual({ description: 'Local 1 — Consumo de agua 0–20 m³ (20 m³)', quantity: '20.000', unitPrice: '10.0000', net: '180.00', tax: '0.00', total: '180.00' });
    expectSumsEqual(lines, unit.items);
  });

  it('SIMPLE with a single account: no prefix', () => {
    const one = unit.items.filter((i) => i.accountId === 'a1');
    expect(printableItems(one, 'SIMPLE', LABELS)[0].description).toBe('Cargo fijo');
  });

  it('CONCEPT: one line per concept, quantities summed, unit price only when shared', () => {
    const lines = printableItems(unit.items, 'CONCEPT', LABELS);
    expect(lines).toEqual([
      // fixed charge: a1 100 − 10 % = 90.00; a2 flat 450 − 10 % = 405.00 (different prices)
      { description: 'Cargo fijo', quantity: '2.000', unitPrice: null, net: '495.00', tax: '0.00', total: '495.00' },
      // 20 + 5 m³ at two block prices: 180.00 + 69.75
      { description: 'Consumo de agua', quantity: '25.000', unitPrice: null, net: '249.75', tax: '0.00', total: '249.75' },
      // a1: 30 % of 339.75 = 101.925 → 101.93; a2: 30 % of 405.00 = 121.50
      { description: 'Alcantarillado', quantity: '2.000', unitPrice: null, net: '223.43', tax: '0.00', total: '223.43' },
      // 50 − 10 % = 45.00, ITBIS 8.10
      { description: 'Alquiler de medidor', quantity: '1.000', unitPrice: '50.0000', net: '45.00', tax: '8.10', total: '53.10' },
    ]);
    expectSumsEqual(lines, unit.items);
  });

  it('CONCEPT without concept names: the common description, else the code', () => {
    const items = unit.items.map((i) => ({ ...i, conceptName: undefined }));
    expect(printableItems(items, 'CONCEPT', LABELS).map((l) => l.description)).toEqual(['Cargo fijo', 'CA', 'Alcantarillado 30 % s/ agua potable', 'Alquiler de medidor']);
  });

  it('CONCEPT_GROUP: one line per concept group, in order of appearance, no quantity', () => {
    const lines = printableItems(unit.items, 'CONCEPT_GROUP', LABELS);
    expect(lines).toEqual([
      // 90 + 180 + 69.75 + 405
      { description: 'Agua potable', quantity: null, unitPrice: null, net: '744.75', tax: '0.00', total: '744.75' },
      { description: 'Alcantarillado', quantity: null, unitPrice: null, net: '223.43', tax: '0.00', total: '223.43' },
      { description: 'Cargos varios', quantity: null, unitPrice: null, net: '45.00', tax: '8.10', total: '53.10' },
    ]);
    expectSumsEqual(lines, unit.items);
  });

  it('ACCOUNT: one line per account, described by the account label', () => {
    const lines = printableItems(unit.items, 'ACCOUNT', LABELS);
    expect(lines).toEqual([
      // 90 + 180 + 69.75 + 101.93 + 45 = 486.68; tax 8.10
      { description: 'Local 1', quantity: null, unitPrice: null, net: '486.68', tax: '8.10', total: '494.78' },
      // 405 + 121.50
      { description: 'Local 2', quantity: null, unitPrice: null, net: '526.50', tax: '0.00', total: '526.50' },
    ]);
    expect(unit.totals).toMatchObject({ net: '1013.18', tax: '8.10', total: '1021.28' });
    expectSumsEqual(lines, unit.items);
  });

  it('ACCOUNT: items without account go under "Otros cargos"', () => {
    const items = [{ ...unit.items[0], accountId: null }, unit.items[1]];
    expect(printableItems(items, 'ACCOUNT', LABELS).map((l) => l.description)).toEqual(['Otros cargos', 'Local 1']);
  });

  it('accepts stored rows (decimal strings) and clips descriptions to 300 characters', () => {
    const long = { ...unit.items[0], description: 'x'.repeat(400) };
    const [line] = printableItems([long], 'SIMPLE', LABELS);
    expect(line.description).toHaveLength(300);
  });

  it('empty items → no lines in every mode', () => {
    for (const g of ITEM_GROUPINGS) expect(printableItems([], g, LABELS)).toEqual([]);
  });

  it('is stable: same items, same lines', () => {
    for (const g of ITEM_GROUPINGS) expect(printableItems(unit.items, g, LABELS)).toEqual(printableItems(unit.items, g, LABELS));
  });
});

// ─── Property-style: random agreements, every mode, every grouping ────────────────────────────

const price = (rng: Rng, max: number) => `${rng.int(0, max)}.${String(rng.int(0, 9999)).padStart(4, '0')}`;

function randomTariff(rng: Rng, id: string): BillingTariff {
  const cuts = [...new Set(Array.from({ length: rng.int(0, 3) }, () => rng.int(1, 60)))].sort((a, b) => a - b);
  const bounds = [0, ...cuts];
  return {
    id,
    fixedCharge: `${rng.int(0, 500)}.${rng.int(0, 99)}`,
    flatRate: `${rng.int(0, 2000)}.${rng.int(0, 99)}`,
    blocks: bounds.map((from, i) => ({ fromM3: from, toM3: i < bounds.length - 1 ? bounds[i + 1] : null, price: price(rng, 80) })),
  };
}

function randomInput(rng: Rng): ComputeInput {
  const concepts: BillingConcept[] = CONCEPTS.map((c) => ({
    ...c,
    taxRate: rng.pick(['0', '16', '18', '18.00']),
    percentage: c.kind === 'PERCENTAGE' ? `${rng.int(1, 99)}.${rng.int(0, 9999)}` : null,
    amount: c.amount === null ? null : `${rng.int(0, 300)}.${rng.int(0, 99)}`,
  }));
  const accounts = Array.from({ length: rng.int(1, 8) }, (_, i) =>
    account(`a${i}`, {
      groupId: rng.pick([null, 'g1', 'g2', 'g3']),
      metered: rng.chance(0.7),
      status: rng.weighted([['ACTIVE', 8], ['DISCONNECTED', 1], ['CLOSED', 1]] as const),
      tariffCategoryId: rng.pick(['RES', 'COM']),
    }),
  );
  const currency = rng.pick(['DOP', 'DOP', 'USD']);
  return {
    agreement: agreement({
      billingMode: rng.pick(['PER_ACCOUNT', 'PER_GROUP', 'PER_AGREEMENT'] as const),
      billingOpportunity: rng.chance(0.8) ? 'METERED' : 'UNMETERED',
      discountPct: `${rng.int(0, 30)}.${rng.int(0, 99)}`,
      currency,
    }),
    accounts,
    consumptions: new Map(accounts.map((a) => [a.id, { m3: rng.chance(0.05) ? rng.int(1000, 100000) : rng.int(0, 90), estimated: rng.chance(0.2) }])),
    tariffs: new Map([['RES', randomTariff(rng, 'RES')], ['COM', randomTariff(rng, 'COM')]]),
    concepts,
    exchangeRate: currency === 'USD' ? `${rng.int(50, 65)}.${rng.int(0, 999999)}` : null,
  };
}

describe('property: random deterministic agreements (seed 2026)', () => {
  it('every line reconciles, unit totals are item sums, and printed lines sum to the totals in all four modes', () => {
    const rng = createRng(2026);
    let units = 0;
    for (let n = 0; n < 300; n++) {
      const inp = randomInput(rng);
      const r = computeBilling(inp);
      if (!r.ok) throw new Error(`seed run ${n}: ${r.error.message}`);
      const labels = new Map(inp.accounts.map((a) => [a.id, a.description]));
      for (const u of r.units) {
        units++;
        for (const i of u.items) {
          expect(i.gross).toBe(money(i.quantity).times(i.unitPrice).toDecimalPlaces(2).toFixed(2));
          expect(money(i.gross).minus(i.discount).equals(money(i.net))).toBe(true);
          expect(money(i.net).plus(i.tax).equals(money(i.total))).toBe(true);
          expect(money(i.tax).equals(money(i.net).times(i.taxRate).dividedBy(100).toDecimalPlaces(2))).toBe(true);
        }
        for (const k of ['gross', 'discount', 'net', 'tax', 'total'] as const) {
          expect(u.totals[k]).toBe(sumMoney(u.items.map((i) => i[k])).toFixed(2));
        }
        for (const g of ITEM_GROUPINGS) {
          const lines = printableItems(u.items, g, labels);
          expect(sumMoney(lines.map((l) => l.net)).toFixed(2)).toBe(u.totals.net);
          expect(sumMoney(lines.map((l) => l.tax)).toFixed(2)).toBe(u.totals.tax);
          expect(sumMoney(lines.map((l) => l.total)).toFixed(2)).toBe(u.totals.total);
        }
        expect(new Set(u.accountIds).size).toBe(u.accountIds.length);
      }
      // Each active account with items is in exactly one unit; inactive accounts in none.
      const billed = r.units.flatMap((u) => u.accountIds);
      expect(new Set(billed).size).toBe(billed.length);
      const inactive = new Set(inp.accounts.filter((a) => a.status !== 'ACTIVE').map((a) => a.id));
      expect(billed.some((id) => inactive.has(id))).toBe(false);
    }
    expect(units).toBeGreaterThan(300);
  });
});
