import { describe, expect, it } from 'vitest';
import { listHref } from './search-params';

describe('listHref', () => {
  it('leaves out empty values and page 1', () => {
    expect(listHref('/clientes', { q: 'agua', segment: '', branchId: undefined, page: 1 })).toBe('/clientes?q=agua');
  });

  it('keeps later pages and numbers as text', () => {
    expect(listHref('/cuentas', { sort: 'number', dir: 'desc', page: 2 })).toBe('/cuentas?sort=number&dir=desc&page=2');
  });

  it('is the bare path when nothing is left', () => {
    expect(listHref('/ordenes', { page: 1 })).toBe('/ordenes');
  });
});
