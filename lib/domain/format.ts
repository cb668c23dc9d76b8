/**
 * Display formatting for the Dominican Republic (locale es-DO, time zone
 * America/Santo_Domingo, UTC−4 all year).
 *
 * Notes on what ICU/Intl actually prints on Node 20 (ICU 78) for es-DO:
 *  - numbers: '1,234,567.50' (comma thousands, dot decimals);
 *  - currency: 'RD$1,234.50' with no space and '-RD$1,234.50' for negatives.
 *    We print 'RD$ 1,234.50' (symbol, one ASCII space, number) and build
 *    negatives ourselves as '-RD$ 1,234.50' so no renderer can lose the sign;
 *  - dates: '23/11/2026, 14:05' — we drop the comma: '23/11/2026 14:05';
 *  - months: 'noviembre de 2026' — periods are shown as 'noviembre 2026'.
 * Amounts are rounded with decimal.js (half away from zero) and handed to Intl
 * as strings, so large or long values are never squeezed through a float.
 */
import { roundHalfUp, type MoneyInput } from './money';

export const LOCALE = 'es-DO';
export const TIME_ZONE = 'America/Santo_Domingo';

export const MONTH_NAMES_ES = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
] as const;

const DATE_ONLY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PERIOD_RE = /^(\d{4})-(\d{2})$/;

const numberFormatters = new Map<string, Intl.NumberFormat>();
function numberFormatter(min: number, max: number): Intl.NumberFormat {
  const key = `${min}:${max}`;
  let f = numberFormatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: min, maximumFractionDigits: max });
    numberFormatters.set(key, f);
  }
  return f;
}

const symbolCache = new Map<string, string>();
function currencySymbol(currency: string): string {
  let s = symbolCache.get(currency);
  if (s === undefined) {
    const parts = new Intl.NumberFormat(LOCALE, { style: 'currency', currency }).formatToParts(0);
    s = parts.find((p) => p.type === 'currency')?.value ?? currency;
    symbolCache.set(currency, s);
  }
  return s;
}

const dateTimeParts = new Intl.DateTimeFormat(LOCALE, {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsInSantoDomingo(date: Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  if (Number.isNaN(date.getTime())) throw new RangeError('Fecha no válida');
  const out = { year: '', month: '', day: '', hour: '', minute: '' };
  for (const p of dateTimeParts.formatToParts(date)) {
    if (p.type in out) out[p.type as keyof typeof out] = p.value;
  }
  return out;
}

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

// Formats with es-DO grouping; `decimals` fixes the fraction digits, omitted → 0–3 as needed; e.g. formatNumber('1234567.5', 2) → '1,234,567.50'.
export function formatNumber(n: MoneyInput, decimals?: number): string {
  const places = decimals ?? 3;
  const r = roundHalfUp(n, places);
  const formatter = decimals === undefined ? numberFormatter(0, 3) : numberFormatter(decimals, decimals);
  const body = formatter.format(r.abs().toFixed(places) as `${number}`);
  return r.isNeg() && !r.isZero() ? `-${body}` : body;
}

// Currency with symbol, a space and 2 decimals; negatives as '-' + abs; e.g. formatMoney('-1234.5') → '-RD$ 1,234.50'.
export function formatMoney(amount: MoneyInput, currency = 'DOP'): string {
  const r = roundHalfUp(amount, 2);
  const body = numberFormatter(2, 2).format(r.abs().toFixed(2) as `${number}`);
  const sign = r.isNeg() && !r.isZero() ? '-' : '';
  return `${sign}${currencySymbol(currency)} ${body}`;
}

// dd/MM/yyyy; 'YYYY-MM-DD' strings are used verbatim (no time-zone shift), instants shown in Santo Domingo; e.g. formatDate('2026-11-23') → '23/11/2026'.
export function formatDate(date: Date | string): string {
  if (typeof date === 'string') {
    const m = DATE_ONLY_RE.exec(date.trim());
    if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  }
  const p = partsInSantoDomingo(toDate(date));
  return `${p.day}/${p.month}/${p.year}`;
}

// dd/MM/yyyy HH:mm (24 h) in Santo Domingo time; e.g. formatDateTime(new Date('2026-11-23T18:05:00Z')) → '23/11/2026 14:05'.
export function formatDateTime(date: Date | string): string {
  const p = partsInSantoDomingo(toDate(date));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

// Billing period 'YYYY-MM' → '<mes> YYYY' in Spanish; e.g. formatPeriod('2026-11') → 'noviembre 2026'.
export function formatPeriod(period: string): string {
  const m = PERIOD_RE.exec(period.trim());
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) throw new RangeError(`Período no válido: "${period}"`);
  return `${MONTH_NAMES_ES[month - 1]} ${m[1]}`;
}

// Calendar date 'YYYY-MM-DD' of an instant in Santo Domingo; e.g. toLocalDateString(new Date('2026-11-24T02:00:00Z')) → '2026-11-23'.
export function toLocalDateString(date: Date): string {
  const p = partsInSantoDomingo(date);
  return `${p.year}-${p.month}-${p.day}`;
}
