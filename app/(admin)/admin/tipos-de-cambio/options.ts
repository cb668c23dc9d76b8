import { CURRENCY_LABELS } from '@/lib/domain/billing-frequency';
import { formatNumber } from '@/lib/domain/format';
import { money } from '@/lib/domain/money';
import { RATE_CURRENCIES } from '@/lib/validation/catalogs';

export const RATE_CURRENCY_OPTIONS = RATE_CURRENCIES.map((c) => ({ value: c, label: CURRENCY_LABELS[c] }));

// A stored rate with the decimals it has, at least four so a column lines up; e.g. '58.752500' → '58.7525', '60.000000' → '60.0000'.
export function formatRate(rate: string): string {
  return formatNumber(rate, Math.max(4, money(rate).decimalPlaces()));
}
