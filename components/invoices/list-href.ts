import { listSearchParams } from '@/lib/validation/search-params';
import type { InvoiceListParams } from '@/lib/validation/invoices';

/**
 * The /facturas URL for the current filters with a change applied; a filter change drops the
 * cursors. E.g. ({ periodo: '2026-10' }, { clase: 'A' }) → '/facturas?periodo=2026-10&clase=A'.
 */
export function invoiceListHref(params: Partial<InvoiceListParams>, patch: Partial<InvoiceListParams> = {}, path = '/facturas'): string {
  const s = listSearchParams({ ...params, despues: undefined, antes: undefined, desde: undefined, ...patch }).toString();
  return s ? `${path}?${s}` : path;
}
