import { describe, expect, it } from 'vitest';
import { checkBlocks, firstDayAfter, taxRateChoices, taxRateLabel, tariffDateAllowed, tariffLocked } from './billing-catalogs';

describe('tariff immutability', () => {
  it('locks a tariff whose date has passed once a period from its month on was invoiced', () => {
    expect(tariffLocked('2025-01-01', '2026-11-23', '2026-10')).toBe(true);
    // Invoiced only up to June: the July revision has priced nothing yet.
    expect(tariffLocked('2026-07-01', '2026-11-23', '2026-06')).toBe(false);
    // In force on July's last day: July's invoices used it.
    expect(tariffLocked('2026-07-15', '2026-11-23', '2026-07')).toBe(true);
    expect(tariffLocked('2025-01-01', '2026-11-23', null)).toBe(false);
    expect(tariffLocked('2026-12-01', '2026-11-23', '2026-12')).toBe(false);
  });

  it('lets a new tariff start only after the last invoiced period', () => {
    expect(tariffDateAllowed('2026-10-15', '2026-10')).toBe(false);
    expect(tariffDateAllowed('2026-11-01', '2026-10')).toBe(true);
    expect(tariffDateAllowed('2020-01-01', null)).toBe(true);
    expect(firstDayAfter('2026-10')).toBe('2026-11-01');
    expect(firstDayAfter('2026-12')).toBe('2027-01-01');
  });
});

describe('tax rates', () => {
  it('labels rates and offers those in use plus 18 % and exempt, highest first', () => {
    expect(taxRateLabel('18.00')).toBe('ITBIS 18 %');
    expect(taxRateLabel('0.00')).toBe('Exento');
    expect(taxRateLabel('16.5')).toBe('16.5 %');
    expect(taxRateChoices([])).toEqual(['18.00', '0.00']);
    expect(taxRateChoices(['0', '16', '18.00'])).toEqual(['18.00', '16.00', '0.00']);
  });
});

describe('checkBlocks', () => {
  it('reads typed rows into blocks with 4-decimal prices', () => {
    const { blocks, errors } = checkBlocks([
      { from: '0', to: '20', price: '12' },
      { from: '20', to: '', price: '1,025.125' },
    ]);
    expect(errors).toEqual({});
    expect(blocks).toEqual([
      { fromM3: 0, toM3: 20, price: '12.0000' },
      { fromM3: 20, toM3: null, price: '1025.1250' },
    ]);
  });

  it('keys each problem by row and cell', () => {
    const { errors } = checkBlocks([
      { from: 'a', to: '10', price: '1' },
      { from: '10', to: '', price: '' },
      { from: '10', to: '', price: '2' },
    ]);
    expect(Object.keys(errors).sort()).toEqual(['blocks.0.from', 'blocks.1.price', 'blocks.1.to']);
    expect(checkBlocks([]).errors).toEqual({ blocks: 'Defina al menos un tramo de consumo.' });
  });
});
