import { describe, expect, it } from 'vitest';
import { describeBillingFrequency } from './billing-frequency-text';

describe('describeBillingFrequency', () => {
  it('says only "Mensual" for monthly billing, whatever the anchor', () => {
    expect(describeBillingFrequency('MONTHLY', 7)).toBe('Mensual');
  });

  it('names the anchor and every billing month', () => {
    // Bimonthly from January: 1, 3, 5, 7, 9, 11.
    expect(describeBillingFrequency('BIMONTHLY', 1)).toBe('Bimestral, desde enero (enero, marzo, mayo, julio, septiembre y noviembre)');
    // Semiannual anchored in September bills in March and September, in calendar order.
    expect(describeBillingFrequency('SEMIANNUAL', 9)).toBe('Semestral, desde septiembre (marzo y septiembre)');
  });

  it('gives the single month of an annual agreement', () => {
    expect(describeBillingFrequency('ANNUAL', 3)).toBe('Anual, en marzo');
  });
});
