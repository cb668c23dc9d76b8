import { describe, expect, it } from 'vitest';
import { invoiceListHref } from './list-href';

describe('invoiceListHref', () => {
  it('keeps the filters and drops the cursors unless the patch sets them', () => {
    expect(invoiceListHref({ periodo: '2026-10', despues: '2026-10.x', desde: 26 }, { clase: 'A' })).toBe('/facturas?periodo=2026-10&clase=A');
    expect(invoiceListHref({ estado: 'PAID' }, { antes: '_.y', desde: 1 })).toBe('/facturas?estado=PAID&antes=_.y&desde=1');
  });

  it('builds the export URL with the same filters', () => {
    expect(invoiceListHref({ vencidas: '1' }, {}, '/facturas/exportar')).toBe('/facturas/exportar?vencidas=1');
    expect(invoiceListHref({})).toBe('/facturas');
  });
});
