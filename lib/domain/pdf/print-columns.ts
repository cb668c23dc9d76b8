/**
 * The column set of a format: a subset of PRINT_COLUMNS, kept in print order, without repeats and
 * with at least one amount (net, tax or total) so a line never prints without its value. Pure.
 */
import { PRINT_COLUMNS, type PrintColumn } from './print-format';

export const PRINT_COLUMN_LABELS: Record<PrintColumn, string> = {
  quantity: 'Cantidad',
  unitPrice: 'Precio unitario',
  net: 'Neto',
  tax: 'ITBIS',
  total: 'Total',
};

const AMOUNTS: readonly PrintColumn[] = ['net', 'tax', 'total'];

const isColumn = (v: string): v is PrintColumn => (PRINT_COLUMNS as readonly string[]).includes(v);

// e.g. ['total', 'quantity', 'total'] → { ok, columns: ['quantity', 'total'] }; ['quantity'] → error (no amount).
export function normalizeColumns(input: readonly string[]): { ok: true; columns: PrintColumn[] } | { ok: false; error: string } {
  const unknown = input.filter((c) => !isColumn(c));
  if (unknown.length) return { ok: false, error: `Columna desconocida: ${unknown.join(', ')}.` };
  const picked = new Set(input);
  const columns = PRINT_COLUMNS.filter((c) => picked.has(c));
  if (!columns.some((c) => AMOUNTS.includes(c))) return { ok: false, error: 'Elija al menos una columna de importe: neto, ITBIS o total.' };
  return { ok: true, columns };
}
