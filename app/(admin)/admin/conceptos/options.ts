import { taxRateLabel } from '@/lib/validation/billing-catalogs';

/** The concept form's choices from conceptFormOptions(): groups and labelled tax rates. */
export function conceptFormChoices(options: { groups: { id: string; code: string; name: string }[]; taxRates: string[] }) {
  return {
    groups: options.groups.map((g) => ({ value: g.id, label: `${g.name} (${g.code})` })),
    taxRates: options.taxRates.map((r) => ({ value: r, label: taxRateLabel(r) })),
  };
}
