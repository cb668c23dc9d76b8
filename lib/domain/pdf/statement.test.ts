import { describe, expect, it } from 'vitest';
import { buildStatement, daysBetween, signedCents } from './statement';

const doc = (date: string, docType: 'INVOICE' | 'CREDIT_NOTE' | 'DEBIT_NOTE' | 'PAYMENT', fiscalNumber: string, total: string) => ({ date, docType, fiscalNumber, total });

describe('statement of account', () => {
  it('credit notes and payments subtract, invoices and debit notes add', () => {
    expect(signedCents({ docType: 'INVOICE', total: '10.05' })).toBe(1005n);
    expect(signedCents({ docType: 'DEBIT_NOTE', total: '0.10' })).toBe(10n);
    expect(signedCents({ docType: 'CREDIT_NOTE', total: '100.50' })).toBe(-10050n);
    expect(signedCents({ docType: 'PAYMENT', total: '7.00' })).toBe(-700n);
  });

  it('a payment in the range is a credit with its receipt number', () => {
    // opening 300.00 (invoice) − 100.00 (payment before) = 200.00; − 200.00 paid in range = 0.00
    const s = buildStatement(
      [
        { docType: 'INVOICE', total: '300.00' },
        { docType: 'PAYMENT', total: '100.00' },
      ],
      [doc('2026-04-02', 'PAYMENT', 'SDC-00000007', '200.00')],
    );
    expect(s.opening).toBe('200.00');
    expect(s.rows[0]).toMatchObject({ fiscalNumber: 'SDC-00000007', charge: null, credit: '200.00', balance: '0.00' });
    expect(s.closing).toBe('0.00');
  });

  it('opening is the signed sum before the range; closing = opening + charges − credits, with running balances', () => {
    // opening 1000.00 − 200.00 = 800.00; 800 + 500.25 = 1300.25; + 50.00 = 1350.25; − 100.10 = 1250.15
    const s = buildStatement(
      [
        { docType: 'INVOICE', total: '1000.00' },
        { docType: 'CREDIT_NOTE', total: '200.00' },
      ],
      [doc('2026-03-10', 'CREDIT_NOTE', '00001-00000003', '100.10'), doc('2026-03-01', 'INVOICE', '00001-00000010', '500.25'), doc('2026-03-01', 'DEBIT_NOTE', '00001-00000002', '50.00')],
    );
    expect(s.opening).toBe('800.00');
    expect(s.rows.map((r) => [r.fiscalNumber, r.charge, r.credit, r.balance])).toEqual([
      // Same date: by number.
      ['00001-00000002', '50.00', null, '850.00'],
      ['00001-00000010', '500.25', null, '1350.25'],
      ['00001-00000003', null, '100.10', '1250.15'],
    ]);
    expect(s.charges).toBe('550.25');
    expect(s.credits).toBe('100.10');
    expect(s.closing).toBe('1250.15');
  });

  it('a balance in the customer’s favour is negative; no documents at all is zero', () => {
    // 100.00 invoice − 150.00 credit note = −50.00
    expect(buildStatement([{ docType: 'INVOICE', total: '100.00' }], [doc('2026-01-02', 'CREDIT_NOTE', 'N1', '150.00')]).closing).toBe('-50.00');
    expect(buildStatement([], [])).toEqual({ opening: '0.00', rows: [], charges: '0.00', credits: '0.00', closing: '0.00' });
  });

  it('days between two dates', () => {
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });
});
