import { describe, expect, it } from 'vitest';
import { acceptsPayment, AllocationError, allocatePayment, applyAllocations, applyCredit, oldestDueFirst, statusForBalance, type OpenInvoice } from './allocation';

const inv = (id: string, dueDate: string, balance: string, total = balance, extra: Partial<OpenInvoice> = {}): OpenInvoice => ({
  id,
  fiscalNumber: `00001-0000000${id.slice(-1)}`,
  issueDate: '2026-01-01',
  dueDate,
  currency: 'DOP',
  total,
  balance,
  ...extra,
});

describe('acceptsPayment', () => {
  it('is open for issued or partly paid invoices and debit notes with a balance only', () => {
    expect(acceptsPayment({ status: 'ISSUED', docType: 'INVOICE', balance: '10.00' })).toBe(true);
    expect(acceptsPayment({ status: 'PARTIALLY_PAID', docType: 'DEBIT_NOTE', balance: '0.01' })).toBe(true);
    expect(acceptsPayment({ status: 'ISSUED', docType: 'CREDIT_NOTE', balance: '10.00' })).toBe(false);
    expect(acceptsPayment({ status: 'PAID', docType: 'INVOICE', balance: '0.00' })).toBe(false);
    expect(acceptsPayment({ status: 'VOIDED', docType: 'INVOICE', balance: '10.00' })).toBe(false);
    expect(acceptsPayment({ status: 'DRAFT', docType: 'INVOICE', balance: '10.00' })).toBe(false);
    expect(acceptsPayment({ status: 'ISSUED', docType: 'INVOICE', balance: '0.00' })).toBe(false);
  });
});

describe('oldestDueFirst', () => {
  it('orders by due date, then issue date, then number', () => {
    const list = [
      inv('c', '2026-03-01', '1.00'),
      inv('a', '2026-02-01', '1.00', '1.00', { issueDate: '2026-01-15' }),
      inv('b', '2026-02-01', '1.00', '1.00', { issueDate: '2026-01-10' }),
      inv('d', '2026-02-01', '1.00', '1.00', { issueDate: '2026-01-10', fiscalNumber: '00001-00000000' }),
    ];
    expect(oldestDueFirst(list).map((i) => i.id)).toEqual(['d', 'b', 'a', 'c']);
  });
});

describe('allocatePayment', () => {
  const open = [inv('i3', '2026-03-31', '300.00'), inv('i1', '2026-01-31', '100.00'), inv('i2', '2026-02-28', '200.50')];

  it('pays the oldest due first, partially paying the last it reaches', () => {
    expect(allocatePayment('250.00', 'DOP', open)).toEqual({
      allocations: [
        { invoiceId: 'i1', amount: '100.00' },
        { invoiceId: 'i2', amount: '150.00' },
      ],
      applied: '250.00',
      unapplied: '0.00',
    });
  });

  it('pays exactly everything with nothing left, or leaves the overpayment unapplied', () => {
    expect(allocatePayment('600.50', 'DOP', open).unapplied).toBe('0.00');
    const over = allocatePayment('700.00', 'DOP', open);
    expect(over.allocations.map((a) => a.amount)).toEqual(['100.00', '200.50', '300.00']);
    expect(over).toMatchObject({ applied: '600.50', unapplied: '99.50' });
    // Nothing open: all of it is credit.
    expect(allocatePayment('10.00', 'DOP', [])).toEqual({ allocations: [], applied: '0.00', unapplied: '10.00' });
  });

  it('pays chosen invoices in the order chosen, and only those', () => {
    expect(allocatePayment('350.00', 'DOP', open, ['i3', 'i1']).allocations).toEqual([
      { invoiceId: 'i3', amount: '300.00' },
      { invoiceId: 'i1', amount: '50.00' },
    ]);
    expect(allocatePayment('500.00', 'DOP', open, ['i2'])).toMatchObject({ applied: '200.50', unapplied: '299.50' });
  });

  it('skips paid invoices and refuses bad input', () => {
    const withPaid = [...open, inv('i0', '2025-12-31', '0.00', '50.00')];
    expect(allocatePayment('1.00', 'DOP', withPaid).allocations).toEqual([{ invoiceId: 'i1', amount: '1.00' }]);
    expect(() => allocatePayment('0.00', 'DOP', open)).toThrow(AllocationError);
    expect(() => allocatePayment('-5', 'DOP', open)).toThrow(/mayor que cero/);
    expect(() => allocatePayment('5', 'DOP', withPaid, ['i0'])).toThrow(/no está pendiente/);
    expect(() => allocatePayment('5', 'DOP', open, ['nope'])).toThrow(/no está pendiente/);
    expect(() => allocatePayment('5', 'DOP', open, ['i1', 'i1'])).toThrow(/dos veces/);
    expect(() => allocatePayment('5', 'USD', open)).toThrow(/en DOP y el pago en USD/);
  });

  it('rounds a sub-cent amount half up to the cent first', () => {
    expect(allocatePayment('0.005', 'DOP', open).applied).toBe('0.01');
  });
});

describe('statusForBalance', () => {
  it('follows the balance', () => {
    expect(statusForBalance('100.00', '100.00')).toBe('ISSUED');
    expect(statusForBalance('100.00', '99.99')).toBe('PARTIALLY_PAID');
    expect(statusForBalance('100.00', '0.01')).toBe('PARTIALLY_PAID');
    expect(statusForBalance('100.00', '0.00')).toBe('PAID');
    expect(() => statusForBalance('100.00', '100.01')).toThrow(AllocationError);
    expect(() => statusForBalance('100.00', '-0.01')).toThrow(AllocationError);
  });
});

describe('applyAllocations', () => {
  const invoices = [inv('a', '2026-01-31', '100.00'), inv('b', '2026-02-28', '80.00', '200.00')];

  it('pays and a reversal restores the balances exactly', () => {
    const allocations = [
      { invoiceId: 'a', amount: '100.00' },
      { invoiceId: 'b', amount: '30.00' },
    ];
    const paid = applyAllocations(invoices, allocations, 'pay');
    expect(paid).toEqual([
      { invoiceId: 'a', balance: '0.00', status: 'PAID' },
      { invoiceId: 'b', balance: '50.00', status: 'PARTIALLY_PAID' },
    ]);
    const after = invoices.map((i) => ({ ...i, balance: paid.find((p) => p.invoiceId === i.id)!.balance }));
    expect(applyAllocations(after, allocations, 'reverse')).toEqual([
      { invoiceId: 'a', balance: '100.00', status: 'ISSUED' },
      { invoiceId: 'b', balance: '80.00', status: 'PARTIALLY_PAID' },
    ]);
  });

  it('refuses to over-allocate or to give back more than the total', () => {
    expect(() => applyAllocations(invoices, [{ invoiceId: 'b', amount: '80.01' }], 'pay')).toThrow(/más que el saldo/);
    expect(() => applyAllocations(invoices, [{ invoiceId: 'a', amount: '0.01' }], 'reverse')).toThrow(/más que su total/);
    expect(() => applyAllocations(invoices, [{ invoiceId: 'x', amount: '1.00' }], 'pay')).toThrow(/Falta una factura/);
    // Two allocations to one invoice add up.
    expect(() =>
      applyAllocations(
        invoices,
        [
          { invoiceId: 'b', amount: '50.00' },
          { invoiceId: 'b', amount: '30.01' },
        ],
        'pay',
      ),
    ).toThrow(/más que el saldo/);
  });
});

describe('applyCredit', () => {
  it('uses earlier credits, oldest first, on the open invoices oldest due first', () => {
    const open = [inv('n2', '2026-05-31', '70.00'), inv('n1', '2026-04-30', '50.00')];
    const credits = [
      { paymentId: 'p1', unapplied: '60.00' },
      { paymentId: 'p2', unapplied: '100.00' },
      { paymentId: 'p3', unapplied: '5.00' },
    ];
    expect(applyCredit(credits, 'DOP', open)).toEqual([
      { paymentId: 'p1', allocations: [{ invoiceId: 'n1', amount: '50.00' }, { invoiceId: 'n2', amount: '10.00' }], unapplied: '0.00' },
      { paymentId: 'p2', allocations: [{ invoiceId: 'n2', amount: '60.00' }], unapplied: '40.00' },
    ]);
  });
});
