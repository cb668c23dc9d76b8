import { describe, expect, it } from 'vitest';
import { generatePayments, payerProfile, type HistoryInvoice } from './payments';

const invoicesOf = (n: number): HistoryInvoice[] =>
  Array.from({ length: n }, (_, a) =>
    ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'].map((period, k) => ({
      id: `inv-${a}-${k}`,
      agreementId: `ag-${a}`,
      agreementCode: `AC-${String(a).padStart(6, '0')}`,
      period,
      issueDate: `${period}-02`,
      dueDate: `${period}-28`,
      total: '1000.00',
      currency: 'DOP',
    })),
  ).flat();

describe('generatePayments', () => {
  const invoices = invoicesOf(400);
  const payments = generatePayments(invoices, 7, '2026-11-23');

  it('is deterministic and at most one payment per invoice, never after today nor before the issue date', () => {
    expect(generatePayments(invoices, 7, '2026-11-23')).toEqual(payments);
    expect(new Set(payments.map((p) => p.invoiceId)).size).toBe(payments.length);
    for (const p of payments) {
      const inv = invoices.find((i) => i.id === p.invoiceId)!;
      expect(p.paidOn <= '2026-11-23').toBe(true);
      expect(p.paidOn >= inv.issueDate).toBe(true);
      expect(Number(p.amount)).toBeGreaterThan(0);
      expect(Number(p.amount)).toBeLessThanOrEqual(1000);
    }
    // Paying later than today is left for later: an earlier "today" pays less.
    expect(generatePayments(invoices, 7, '2026-06-01').length).toBeLessThan(payments.length);
  });

  it('mixes payer profiles, most of them punctual', () => {
    const profiles = new Map<string, number>();
    for (let a = 0; a < 400; a++) {
      const p = payerProfile(`AC-${String(a).padStart(6, '0')}`, 7);
      profiles.set(p, (profiles.get(p) ?? 0) + 1);
    }
    expect(profiles.get('PUNCTUAL')!).toBeGreaterThan(240);
    for (const p of ['LATE', 'PARTIAL', 'STOPPED']) expect(profiles.get(p) ?? 0).toBeGreaterThan(8);
    const partial = payments.filter((p) => p.amount !== '1000.00');
    expect(partial.length).toBeGreaterThan(0);
    for (const p of partial) expect(payerProfile(invoices.find((i) => i.id === p.invoiceId)!.agreementCode, 7)).toBe('PARTIAL');
  });
});
