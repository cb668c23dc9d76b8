/**
 * How values print on the PDF (es-DO formats from lib/domain/format): amounts without a symbol in
 * the table (its caption names the currency), unit prices with 2 to 4 decimals, document titles.
 */
import { FISCAL_DOC_TYPE_LABELS, type FiscalDocType } from '@/lib/domain/billing/fiscal-number';
import { DOCUMENT_TYPE_LABELS, formatDocument, isDocumentType } from '@/lib/domain/documents';
import { formatNumber } from '@/lib/domain/format';
import { TAX_CONDITION_LABELS } from '@/lib/validation/customer';

const CURRENCY_NAMES: Record<string, string> = { DOP: 'pesos dominicanos', USD: 'dólares estadounidenses', EUR: 'euros' };

// e.g. currencyName('USD') → 'dólares estadounidenses'; unknown codes print as the code.
export const currencyName = (code: string) => CURRENCY_NAMES[code] ?? code;

// e.g. docTitle('CREDIT_NOTE') → 'NOTA DE CRÉDITO'.
export const docTitle = (t: FiscalDocType) => FISCAL_DOC_TYPE_LABELS[t].toLocaleUpperCase('es');

// e.g. printAmount('1234.5') → '1,234.50'.
export const printAmount = (v: string) => formatNumber(v, 2);

// e.g. printQuantity('12.000') → '12', printQuantity('2.500') → '2.5'.
export const printQuantity = (v: string | null) => (v === null ? '' : formatNumber(v));

// 2 decimals, up to 4 when the stored price has them; e.g. '850.0000' → '850.00', '32.1250' → '32.125'.
export function printUnitPrice(v: string | null): string {
  if (v === null) return '';
  const full = formatNumber(v, 4);
  return full.replace(/(\.\d\d\d*?)0+$/, '$1');
}

// e.g. customerDocument('RNC', '101010632') → 'RNC 1-01-01063-2'.
export function customerDocument(type: string | null, number: string | null): string | null {
  if (!number) return null;
  if (!isDocumentType(type)) return number;
  return `${DOCUMENT_TYPE_LABELS[type]} ${formatDocument(type, number)}`;
}

// e.g. taxConditionLabel('REGISTERED') → 'Contribuyente registrado'.
export function taxConditionLabel(v: string | null): string | null {
  if (!v) return null;
  return (TAX_CONDITION_LABELS as Record<string, string>)[v] ?? v;
}

// Up to two initials for the logo placeholder; e.g. 'Aguas Nacionales' → 'AN'.
export function initials(name: string): string {
  const words = name.split(/\s+/).filter((w) => /^[\p{Lu}]/u.test(w));
  const picked = (words.length ? words : name.split(/\s+/)).slice(0, 2);
  return picked.map((w) => w[0]?.toLocaleUpperCase('es') ?? '').join('');
}

/** A usable #rrggbb accent, or the fallback for anything else. */
export const safeColor = (c: string, fallback: string) => (/^#[0-9a-fA-F]{6}$/.test(c) ? c : fallback);
