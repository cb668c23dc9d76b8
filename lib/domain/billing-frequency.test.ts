import { describe, expect, it } from 'vitest';
import {
  BILLING_FREQUENCIES,
  BILLING_FREQUENCY_LABELS,
  BILLING_FREQUENCY_MONTHS,
  BILLING_MODE_LABELS,
  BILLING_OPPORTUNITY_LABELS,
  CURRENCIES,
  ITEM_GROUPING_LABELS,
  billingMonths,
  billsInPeriod,
} from './billing-frequency';

const billedMonths = (f: (typeof BILLING_FREQUENCIES)[number], anchor: number) =>
  Array.from({ length: 12 }, (_, i) => i + 1).filter((m) => billsInPeriod(f, anchor, `2026-${String(m).padStart(2, '0')}`));

describe('billsInPeriod', () => {
  it('bills every month when monthly', () => {
    expect(billedMonths('MONTHLY', 7)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('bills Feb, May, Aug, Nov when quarterly anchored in 2', () => {
    // (m − 2) mod 3 = 0 → m ∈ {2, 5, 8, 11}
    expect(billedMonths('QUARTERLY', 2)).toEqual([2, 5, 8, 11]);
  });

  it('bills months before the anchor too (negative difference)', () => {
    // January with anchor 4, quarterly: 1 − 4 = −3; −3 mod 3 = 0 → bills. JS −3 % 3 is −0, still 0.
    expect(billsInPeriod('QUARTERLY', 4, '2026-01')).toBe(true);
    // February with anchor 4: 2 − 4 = −2; −2 % 3 = −2 ≠ 0 → does not bill
    expect(billsInPeriod('QUARTERLY', 4, '2026-02')).toBe(false);
  });

  it('bills odd months when bimonthly anchored in 1, even when anchored in 12', () => {
    expect(billedMonths('BIMONTHLY', 1)).toEqual([1, 3, 5, 7, 9, 11]);
    // (m − 12) mod 2 = 0 ⇔ m even
    expect(billedMonths('BIMONTHLY', 12)).toEqual([2, 4, 6, 8, 10, 12]);
  });

  it('bills March and September when semiannual anchored in 9', () => {
    // 3 − 9 = −6; −6 mod 6 = 0
    expect(billedMonths('SEMIANNUAL', 9)).toEqual([3, 9]);
  });

  it('bills only the anchor month when annual, in any year', () => {
    expect(billedMonths('ANNUAL', 11)).toEqual([11]);
    expect(billsInPeriod('ANNUAL', 11, '2031-11')).toBe(true);
  });

  it('throws on a malformed period or anchor (programming errors)', () => {
    expect(() => billsInPeriod('MONTHLY', 1, '2026-13')).toThrow(RangeError);
    expect(() => billsInPeriod('MONTHLY', 1, '2026-1')).toThrow(RangeError);
    expect(() => billsInPeriod('MONTHLY', 0, '2026-01')).toThrow(RangeError);
    expect(() => billsInPeriod('MONTHLY', 1.5, '2026-01')).toThrow(RangeError);
  });
});

describe('billingMonths', () => {
  it('lists the billed months of the year', () => {
    expect(billingMonths('QUARTERLY', 2)).toEqual([2, 5, 8, 11]);
    expect(billingMonths('ANNUAL', 6)).toEqual([6]);
  });
});

describe('labels and constants', () => {
  it('maps each frequency to its months and Spanish label', () => {
    expect(BILLING_FREQUENCY_MONTHS).toEqual({ MONTHLY: 1, BIMONTHLY: 2, QUARTERLY: 3, SEMIANNUAL: 6, ANNUAL: 12 });
    expect(BILLING_FREQUENCY_LABELS).toEqual({
      MONTHLY: 'Mensual',
      BIMONTHLY: 'Bimestral',
      QUARTERLY: 'Trimestral',
      SEMIANNUAL: 'Semestral',
      ANNUAL: 'Anual',
    });
  });

  it('uses the seed manual wording for mode, opportunity and grouping', () => {
    expect(BILLING_MODE_LABELS).toEqual({
      PER_ACCOUNT: 'Una factura por cuenta',
      PER_GROUP: 'Una factura por grupo de cuentas',
      PER_AGREEMENT: 'Una factura por acuerdo',
    });
    expect(BILLING_OPPORTUNITY_LABELS).toEqual({ METERED: 'Con métricas', UNMETERED: 'Sin métricas' });
    expect(ITEM_GROUPING_LABELS).toEqual({
      SIMPLE: 'Simple',
      CONCEPT: 'Concepto',
      CONCEPT_GROUP: 'Grupo de conceptos',
      ACCOUNT: 'Cuenta',
    });
  });

  it('offers DOP, USD and EUR', () => {
    expect(CURRENCIES).toEqual(['DOP', 'USD', 'EUR']);
  });
});
