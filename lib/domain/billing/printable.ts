/**
 * Printable items: the lines printed on an invoice, derived from its items by the agreement's
 * grouping. Each printed amount is the exact sum of the items it groups, so the printed lines
 * add up to the invoice totals to the cent in every mode. Groups keep the order in which their
 * first item appears. Pure functions, no I/O.
 *
 *   SIMPLE         one line per item (prefixed by the account label when the invoice bills
 *                  several accounts, so equal lines of different accounts can be told apart)
 *   CONCEPT        one line per concept: quantity summed; unit price only when all items share it
 *   CONCEPT_GROUP  one line per concept group, no quantity or unit price
 *   ACCOUNT        one line per account, described by the account's label (its description)
 */
import type { ItemGrouping } from '@/lib/domain/billing-frequency';
import { money, sumMoney, sumMoneyString, type MoneyInput } from '@/lib/domain/money';
import { formatQuantity, formatUnitPrice } from './lines';

/** The fields of an invoice item that printing needs (BillingItem or a stored invoice_items row). */
export interface PrintableSource {
  accountId: string | null;
  conceptId: string;
  conceptCode: string;
  /** Used for CONCEPT lines; without it the item description (if all agree) or the code. */
  conceptName?: string | null;
  conceptGroupName: string;
  description: string;
  quantity: MoneyInput;
  unitPrice: MoneyInput;
  net: MoneyInput;
  tax: MoneyInput;
  total: MoneyInput;
}

/** One printed line, as stored in invoice_printable_items (line numbers are the caller's). */
export interface PrintableItem {
  description: string;
  /** 3 decimals, or null when the line groups different units. */
  quantity: string | null;
  /** 4 decimals, or null when the grouped items have different prices. */
  unitPrice: string | null;
  net: string;
  tax: string;
  total: string;
}

/** Label of items with no account in ACCOUNT mode (e.g. manual one-off lines). */
export const NO_ACCOUNT_LABEL = 'Otros cargos';
/** Longest description the table stores (varchar 300). */
const MAX_DESCRIPTION = 300;

const clip = (s: string) => (s.length > MAX_DESCRIPTION ? `${s.slice(0, MAX_DESCRIPTION - 1)}…` : s);

function groupKey(item: PrintableSource, grouping: ItemGrouping): string {
  switch (grouping) {
    case 'CONCEPT':
      return item.conceptId;
    case 'CONCEPT_GROUP':
      return item.conceptGroupName;
    case 'ACCOUNT':
      return item.accountId ?? '';
    default:
      throw new RangeError(`Agrupamiento no válido: ${String(grouping)}`);
  }
}

function sums(items: readonly PrintableSource[]): Pick<PrintableItem, 'net' | 'tax' | 'total'> {
  return {
    net: sumMoneyString(items.map((i) => i.net)),
    tax: sumMoneyString(items.map((i) => i.tax)),
    total: sumMoneyString(items.map((i) => i.total)),
  };
}

function conceptLine(items: readonly PrintableSource[]): PrintableItem {
  const first = items[0];
  const descriptions = new Set(items.map((i) => i.description));
  const description = first.conceptName || (descriptions.size === 1 ? first.description : first.conceptCode);
  const samePrice = items.every((i) => money(i.unitPrice).equals(money(first.unitPrice)));
  return {
    description: clip(description),
    quantity: formatQuantity(sumMoney(items.map((i) => i.quantity))),
    unitPrice: samePrice ? formatUnitPrice(first.unitPrice) : null,
    ...sums(items),
  };
}

// Printed lines for an invoice's items; e.g. CONCEPT_GROUP over water lines 100.00 + 50.00 and sewerage 45.00 → 'Agua potable' 150.00, 'Alcantarillado' 45.00.
export function printableItems(
  items: readonly PrintableSource[],
  grouping: ItemGrouping,
  accountLabels: ReadonlyMap<string, string>,
): PrintableItem[] {
  if (grouping === 'SIMPLE') {
    const several = new Set(items.map((i) => i.accountId)).size > 1;
    return items.map((i) => {
      const label = several && i.accountId ? accountLabels.get(i.accountId) : undefined;
      return {
        description: clip(label ? `${label} — ${i.description}` : i.description),
        quantity: formatQuantity(i.quantity),
        unitPrice: formatUnitPrice(i.unitPrice),
        ...sums([i]),
      };
    });
  }
  // Map keeps insertion order: groups come out in the order of their first item.
  const groups = new Map<string, PrintableSource[]>();
  for (const item of items) {
    const key = groupKey(item, grouping);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.entries()].map(([key, list]) => {
    if (grouping === 'CONCEPT') return conceptLine(list);
    const description = grouping === 'CONCEPT_GROUP' ? key : key === '' ? NO_ACCOUNT_LABEL : (accountLabels.get(key) ?? 'Cuenta');
    return { description: clip(description), quantity: null, unitPrice: null, ...sums(list) };
  });
}
