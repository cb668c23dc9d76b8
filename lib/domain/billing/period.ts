/**
 * Billing periods ('YYYY-MM') and date-only values ('YYYY-MM-DD') for billing: bounds of a
 * period, due dates, month shifts. Dates are plain calendar strings computed in UTC, so no time
 * zone can move a day. Pure functions, no I/O.
 */

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

// A period is 'YYYY-MM' with month 01–12 and a year from 2000; e.g. validPeriod('2026-10') → true, validPeriod('2026-13') → false.
export function validPeriod(period: string): boolean {
  const m = PERIOD_RE.exec(period);
  return m !== null && Number(m[1]) >= 2000;
}

function parsePeriod(period: string): { year: number; month: number } {
  if (!validPeriod(period)) throw new RangeError(`Período no válido: "${period}"`);
  return { year: Number(period.slice(0, 4)), month: Number(period.slice(5, 7)) };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const ymd = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

// A real calendar day 'YYYY-MM-DD'; e.g. validDate('2028-02-29') → true, validDate('2026-02-29') → false.
export function validDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return ymd(d) === date;
}

// First and last day of a period (leap years included); e.g. periodBounds('2028-02') → { first: '2028-02-01', last: '2028-02-29' }.
export function periodBounds(period: string): { first: string; last: string } {
  const { year, month } = parsePeriod(period);
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(year, month, 0));
  return { first: `${period}-01`, last: ymd(last) };
}

// The period `months` away (negative = earlier); e.g. shiftPeriod('2026-01', -1) → '2025-12'.
export function shiftPeriod(period: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`Meses no válidos: ${months}`);
  const { year, month } = parsePeriod(period);
  const index = year * 12 + (month - 1) + months;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

// Issue date plus dueDays calendar days (0–365); e.g. dueDate('2026-10-31', 30) → '2026-11-30'.
export function dueDate(issueDate: string, dueDays: number): string {
  if (!validDate(issueDate)) throw new RangeError(`Fecha no válida: "${issueDate}"`);
  if (!Number.isInteger(dueDays) || dueDays < 0 || dueDays > 365) {
    throw new RangeError(`Días de vencimiento no válidos: ${dueDays}`);
  }
  const [y, m, d] = issueDate.split('-').map(Number);
  return ymd(new Date(Date.UTC(y, m - 1, d + dueDays)));
}
