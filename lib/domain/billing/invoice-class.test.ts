import { describe, it, expect } from 'vitest';
import { CUSTOMER_TAX_CONDITIONS, invoiceClass, taxIncluded, type CustomerTaxCondition, type InvoiceClass } from './invoice-class';
import { TAX_CONDITIONS } from '@/db/schema/enums';

describe('invoiceClass', () => {
  const table: [CustomerTaxCondition, string, InvoiceClass][] = [
    ['REGISTERED', 'DOP', 'A'],
    ['FINAL_CONSUMER', 'DOP', 'B'],
    ['EXEMPT', 'DOP', 'B'],
    ['FOREIGN', 'DOP', 'E'],
    ['REGISTERED', 'USD', 'E'],
    ['FINAL_CONSUMER', 'USD', 'E'],
    ['EXEMPT', 'EUR', 'E'],
    ['FOREIGN', 'USD', 'E'],
  ];
  it.each(table)('%s in %s → %s', (condition, currency, expected) => {
    expect(invoiceClass(condition, currency)).toBe(expected);
  });
  it('throws on an unknown tax condition (a bug)', () => {
    expect(() => invoiceClass('OTHER' as CustomerTaxCondition, 'DOP')).toThrow(RangeError);
  });
  it('mirrors the tax conditions of the schema', () => {
    expect([...CUSTOMER_TAX_CONDITIONS]).toEqual([...TAX_CONDITIONS]);
  });
});

describe('taxIncluded', () => {
  it('only B prints prices with tax included', () => {
    expect([taxIncluded('A'), taxIncluded('B'), taxIncluded('E')]).toEqual([false, true, false]);
  });
});
