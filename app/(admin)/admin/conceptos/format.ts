import { formatMoney } from '@/lib/domain/format';
import { money } from '@/lib/domain/money';

/** What a concept charges, in words: an amount, the tariff's, the blocks, or a percentage of a group. */
export function conceptValue(c: { kind: string; amount: string | null; percentage: string | null; baseGroupName?: string | null }) {
  if (c.kind === 'CONSUMPTION') return 'Por tramos del tarifario';
  if (c.kind === 'PERCENTAGE') return `${money(c.percentage ?? '0').toString()} % de ${c.baseGroupName ?? 'otro grupo'}`;
  if (c.amount === null) return 'Del tarifario';
  return formatMoney(c.amount);
}
