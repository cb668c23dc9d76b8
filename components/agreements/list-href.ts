import { listSearchParams } from '@/lib/validation/search-params';
import type { AgreementListParams, AttributeFilter } from '@/lib/validation/agreement';

/**
 * The /acuerdos URL for the current filters with a change applied, keeping the attribute filters
 * (`attr.<key>=value`); page 1 and empty values are left out. E.g. ({ q: 'agua' }, [], { page: 2 }) → '/acuerdos?q=agua&page=2'.
 */
export function agreementListHref(params: AgreementListParams, attributes: AttributeFilter[], patch: Partial<AgreementListParams> = {}): string {
  const qs = listSearchParams({ ...params, ...patch });
  for (const a of attributes) qs.set(`attr.${a.key}`, a.value);
  const s = qs.toString();
  return s ? `/acuerdos?${s}` : '/acuerdos';
}
