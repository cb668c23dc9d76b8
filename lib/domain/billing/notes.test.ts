import { describe, expect, it } from 'vitest';
import { acceptsNotes, checkCreditAmount, creditableByLine, creditedTotal, invoiceAfterCredit, splitCredit } from './notes';

const lines = [
  { lineNo: 1, net: '100.00', tax: '18.00', total: '118.00' },
  { lineNo: 2, net: '50.00', tax: '0.00', total: '50.00' },
];

describe('creditableByLine', () => {
  it('is the whole line when nothing was credited', () => {
    expect(creditableByLine(lines, [])).toEqual([
      { lineNo: 1, net: '100.00', tax: '18.00', total: '118.00' },
      { lineNo: 2, net: '50.00', tax: '0.00', total: '50.00' },
    ]);
  });

  it('subtracts the earlier credit-note lines with the same line number, never below zero', () => {
    const credited = [
      { lineNo: 1, net: '50.00', tax: '9.00', total: '59.00' },
      { lineNo: 2, net: '50.00', tax: '0.00', total: '50.00' },
      { lineNo: 2, net: '1.00', tax: '0.00', total: '1.00' },
    ];
    expect(creditableByLine(lines, credited)).toEqual([
      { lineNo: 1, net: '50.00', tax: '9.00', total: '59.00' },
      { lineNo: 2, net: '0.00', tax: '0.00', total: '0.00' },
    ]);
    expect(creditedTotal(credited)).toBe('110.00');
  });
});

describe('splitCredit', () => {
  it('takes the whole remainder exactly', () => {
    expect(splitCredit({ net: '33.33', tax: '6.00', total: '39.33' }, '39.33')).toEqual({ net: '33.33', tax: '6.00', total: '39.33' });
  });

  it('splits a part by the line\'s tax proportion, net + tax = amount', () => {
    expect(splitCredit(lines[0], '59')).toEqual({ net: '50.00', tax: '9.00', total: '59.00' });
    const s = splitCredit(lines[0], '10.01');
    expect(s.net).toBe('8.48');
    expect(s.tax).toBe('1.53');
    expect(splitCredit(lines[1], '20')).toEqual({ net: '20.00', tax: '0.00', total: '20.00' });
  });

  it('refuses zero, negatives and more than the remainder', () => {
    expect(() => splitCredit(lines[0], '0')).toThrow(RangeError);
    expect(() => splitCredit(lines[0], '-1')).toThrow(RangeError);
    expect(() => splitCredit(lines[0], '118.01')).toThrow(/supera/);
  });
});

describe('checkCreditAmount', () => {
  const inv = { total: '168.00', balance: '168.00', credited: '0' };
  it('accepts up to the total and the balance', () => {
    expect(checkCreditAmount(inv, '168.00')).toEqual({ ok: true });
    expect(checkCreditAmount(inv, '0.01')).toEqual({ ok: true });
  });
  it('refuses zero and more than what is left to credit', () => {
    expect(checkCreditAmount(inv, '0')).toMatchObject({ ok: false });
    expect(checkCreditAmount({ ...inv, balance: '68.00', credited: '100.00' }, '68.01')).toMatchObject({ ok: false, error: expect.stringContaining('68.00') });
  });
  it('refuses more than the balance after payments', () => {
    expect(checkCreditAmount({ ...inv, balance: '100.00' }, '120.00')).toMatchObject({ ok: false, error: expect.stringContaining('saldo pendiente') });
  });
});

describe('invoiceAfterCredit', () => {
  it('voids the invoice when the notes credit its whole total', () => {
    expect(invoiceAfterCredit({ status: 'ISSUED', total: '100', balance: '100', credited: '0' }, '100')).toEqual({ status: 'VOIDED', balance: '0.00', voided: true });
    expect(invoiceAfterCredit({ status: 'ISSUED', total: '100', balance: '40', credited: '60' }, '40')).toEqual({ status: 'VOIDED', balance: '0.00', voided: true });
  });
  it('keeps the status on a partial credit and lowers the balance', () => {
    expect(invoiceAfterCredit({ status: 'ISSUED', total: '100', balance: '100', credited: '0' }, '30')).toEqual({ status: 'ISSUED', balance: '70.00', voided: false });
    expect(invoiceAfterCredit({ status: 'PARTIALLY_PAID', total: '100', balance: '60', credited: '0' }, '10')).toEqual({ status: 'PARTIALLY_PAID', balance: '50.00', voided: false });
  });
  it('leaves a partly paid invoice PAID when the note settles what was owed', () => {
    expect(invoiceAfterCredit({ status: 'PARTIALLY_PAID', total: '100', balance: '60', credited: '0' }, '60')).toEqual({ status: 'PAID', balance: '0.00', voided: false });
  });
});

describe('acceptsNotes', () => {
  it('only issued or partly paid documents take notes', () => {
    expect(acceptsNotes('ISSUED')).toBe(true);
    expect(acceptsNotes('PARTIALLY_PAID')).toBe(true);
    expect(acceptsNotes('DRAFT')).toBe(false);
    expect(acceptsNotes('PAID')).toBe(false);
    expect(acceptsNotes('VOIDED')).toBe(false);
  });
});
