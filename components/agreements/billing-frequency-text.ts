import { BILLING_FREQUENCY_LABELS, billingMonths, type BillingFrequency } from '@/lib/domain/billing-frequency';
import { MONTH_NAMES_ES } from '@/lib/domain/format';

/**
 * The billing frequency in words for the detail page, with the months it bills in.
 * E.g. ('BIMONTHLY', 1) → 'Bimestral, desde enero (enero, marzo, mayo, julio, septiembre y noviembre)';
 * ('MONTHLY', 5) → 'Mensual'; ('ANNUAL', 3) → 'Anual, en marzo'.
 */
export function describeBillingFrequency(frequency: BillingFrequency, anchorMonth: number): string {
  const label = BILLING_FREQUENCY_LABELS[frequency];
  if (frequency === 'MONTHLY') return label;
  const month = (m: number) => MONTH_NAMES_ES[m - 1];
  if (frequency === 'ANNUAL') return `${label}, en ${month(anchorMonth)}`;
  const months = billingMonths(frequency, anchorMonth).map(month);
  return `${label}, desde ${month(anchorMonth)} (${months.slice(0, -1).join(', ')} y ${months.at(-1)})`;
}
