import { describe, expect, it } from 'vitest';
import { agreementListHref } from './list-href';

describe('agreementListHref', () => {
  it('drops empty values and page 1', () => {
    expect(agreementListHref({ q: '', page: 1 }, [])).toBe('/acuerdos');
  });

  it('applies the patch and keeps attribute filters', () => {
    const href = agreementListHref({ q: 'agua', status: 'ACTIVE', page: 3 }, [{ key: 'zona', type: 'CHOICE', value: 'Norte Alto' }], { page: undefined, sort: 'code', dir: 'desc' });
    expect(href).toBe('/acuerdos?q=agua&status=ACTIVE&sort=code&dir=desc&attr.zona=Norte+Alto');
  });
});
