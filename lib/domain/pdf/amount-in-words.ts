/**
 * The total of an invoice in words, as Dominican invoices print it ("SON: …"): the whole part in
 * Spanish capitals, the currency name, and the cents as a fraction of 100. Pure, no I/O.
 *
 *   '1234.56', 'DOP' → 'MIL DOSCIENTOS TREINTA Y CUATRO PESOS CON 56/100'
 *   '1000000', 'DOP' → 'UN MILLÓN DE PESOS CON 00/100'
 *   '21', 'USD'      → 'VEINTIÚN DÓLARES CON 00/100'
 *
 * Numbers before a noun take the short form (UNO → UN, VEINTIUNO → VEINTIÚN), as in "veintiún
 * mil" or "treinta y un pesos"; whole millions take "DE" before the currency ("un millón de pesos").
 */
import { roundHalfUp, type MoneyInput } from '@/lib/domain/money';

/** Largest amount the words cover: 999 999 999 999.99 (just under a billion in Spanish, "un billón"). */
export const MAX_AMOUNT_IN_WORDS = '999999999999.99';

const CURRENCY_NAMES: Record<string, { one: string; many: string }> = {
  DOP: { one: 'PESO', many: 'PESOS' },
  USD: { one: 'DÓLAR', many: 'DÓLARES' },
  EUR: { one: 'EURO', many: 'EUROS' },
};

// 0–29 are single words in Spanish; 21 is written in its short form since it always precedes a noun here.
const UNITS = [
  '', 'UN', 'DOS', 'TRES', 'CUATRO', 'CINCO', 'SEIS', 'SIETE', 'OCHO', 'NUEVE',
  'DIEZ', 'ONCE', 'DOCE', 'TRECE', 'CATORCE', 'QUINCE', 'DIECISÉIS', 'DIECISIETE', 'DIECIOCHO', 'DIECINUEVE',
  'VEINTE', 'VEINTIÚN', 'VEINTIDÓS', 'VEINTITRÉS', 'VEINTICUATRO', 'VEINTICINCO', 'VEINTISÉIS', 'VEINTISIETE', 'VEINTIOCHO', 'VEINTINUEVE',
];
const TENS = ['', '', '', 'TREINTA', 'CUARENTA', 'CINCUENTA', 'SESENTA', 'SETENTA', 'OCHENTA', 'NOVENTA'];
const HUNDREDS = ['', 'CIENTO', 'DOSCIENTOS', 'TRESCIENTOS', 'CUATROCIENTOS', 'QUINIENTOS', 'SEISCIENTOS', 'SETECIENTOS', 'OCHOCIENTOS', 'NOVECIENTOS'];

// 1–999 before a noun; e.g. 101 → 'CIENTO UN', 100 → 'CIEN', 31 → 'TREINTA Y UN'.
function belowThousand(n: number): string {
  if (n === 100) return 'CIEN';
  const h = Math.floor(n / 100);
  const rest = n % 100;
  const words: string[] = [];
  if (h) words.push(HUNDREDS[h]);
  if (rest >= 30) {
    const u = rest % 10;
    words.push(u ? `${TENS[Math.floor(rest / 10)]} Y ${UNITS[u]}` : TENS[rest / 10]);
  } else if (rest) {
    words.push(UNITS[rest]);
  }
  return words.join(' ');
}

// 1–999 999; e.g. 1000 → 'MIL' (never 'UN MIL'), 21000 → 'VEINTIÚN MIL', 1234 → 'MIL DOSCIENTOS TREINTA Y CUATRO'.
function belowMillion(n: number): string {
  const th = Math.floor(n / 1000);
  const rest = n % 1000;
  const words: string[] = [];
  if (th === 1) words.push('MIL');
  else if (th > 1) words.push(`${belowThousand(th)} MIL`);
  if (rest) words.push(belowThousand(rest));
  return words.join(' ');
}

// 0–999 999 999 999; e.g. 1000000 → 'UN MILLÓN', 1000000000 → 'MIL MILLONES', 0 → 'CERO'.
export function integerInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n > 999_999_999_999) throw new RangeError(`Importe fuera de rango: ${n}`);
  if (n === 0) return 'CERO';
  const millions = Math.floor(n / 1_000_000);
  const rest = n % 1_000_000;
  const words: string[] = [];
  if (millions === 1) words.push('UN MILLÓN');
  else if (millions > 1) words.push(`${belowMillion(millions)} MILLONES`);
  if (rest) words.push(belowMillion(rest));
  return words.join(' ');
}

/**
 * An amount (rounded half-up to cents) in words with its currency; negative amounts and amounts
 * above MAX_AMOUNT_IN_WORDS are refused. An unknown currency is named by its code.
 * e.g. amountInWords('0.5', 'EUR') → 'CERO EUROS CON 50/100'.
 */
export function amountInWords(amount: MoneyInput, currency: string): string {
  const r = roundHalfUp(amount, 2);
  if (r.isNeg() && !r.isZero()) throw new RangeError('El importe en letras no admite negativos.');
  if (r.greaterThan(MAX_AMOUNT_IN_WORDS)) throw new RangeError('Importe demasiado grande para escribirlo en letras.');
  const [whole, cents] = r.abs().toFixed(2).split('.');
  const n = Number(whole);
  const name = CURRENCY_NAMES[currency.toUpperCase()] ?? { one: currency.toUpperCase(), many: currency.toUpperCase() };
  const wholeMillions = n >= 1_000_000 && n % 1_000_000 === 0;
  const noun = n === 1 ? name.one : wholeMillions ? `DE ${name.many}` : name.many;
  return `${integerInWords(n)} ${noun} CON ${cents}/100`;
}
