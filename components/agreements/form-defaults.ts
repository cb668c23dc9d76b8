import { toLocalDateString } from '@/lib/domain/format';
import type { AgreementFormOptions, AgreementFormValues } from './agreement-form';

/**
 * Starting values of a new agreement: the usual terms (monthly from the current month, 30 days to
 * pay, 10 of grace, valid from today) and, when opened from a customer, that customer's address,
 * place, branch and e-mail. E.g. on 2026-03-05 → anchorMonth 3, validFrom '2026-03-05'.
 */
export function newAgreementDefaults(options: AgreementFormOptions, customerId: string | undefined, now = new Date()): AgreementFormValues {
  const today = toLocalDateString(now);
  const base: AgreementFormValues = {
    billingMode: 'PER_AGREEMENT',
    billingOpportunity: 'METERED',
    currency: 'DOP',
    itemGrouping: 'SIMPLE',
    billingFrequency: 'MONTHLY',
    anchorMonth: Number(today.slice(5, 7)),
    dueDays: 30,
    graceDays: 10,
    discountPct: '0',
    validFrom: today,
  };
  const customer = options.customers.find((c) => c.id === customerId);
  if (!customer) return base;
  const locality = options.localities.find((l) => l.id === customer.localityId);
  return {
    ...base,
    customerId: customer.id,
    billingAddress: customer.address ?? undefined,
    email: customer.email,
    provinceId: locality?.provinceId,
    localityId: locality?.id,
    branchId: options.branches.some((b) => b.id === customer.branchId) ? customer.branchId : undefined,
  };
}
