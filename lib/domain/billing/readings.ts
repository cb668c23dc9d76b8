/**
 * Meter readings: consumption with register roll-over, estimation from history, the decision for
 * one reading, and the CSV import format. Pure: no database, no Next.
 */
import { splitCsvRecords } from '@/lib/domain/csv';

/** Anomaly codes a reader may report instead of (or along with) a register value. */
export const ANOMALY_CODES = ['MI', 'MD', 'MP', 'LI', 'PC', 'SL'] as const;
export type AnomalyCode = (typeof ANOMALY_CODES)[number];

export const ANOMALY_LABELS: Record<AnomalyCode, string> = {
  MI: 'Medidor inaccesible',
  MD: 'Medidor dañado',
  MP: 'Medidor parado',
  LI: 'Lectura ilegible',
  PC: 'Predio cerrado',
  SL: 'Sin lectura',
};

export function isAnomalyCode(code: string): code is AnomalyCode {
  return (ANOMALY_CODES as readonly string[]).includes(code);
}

/** How many past actual consumptions the estimate averages. */
export const ESTIMATE_WINDOW = 6;

/**
 * A register that went "backwards" is read as a roll-over (99 998 → 00 005) only when the implied
 * consumption is at most this share of the register's capacity; anything larger is far likelier a
 * mistyped reading than half a register's worth of water, so it is refused.
 */
export const MAX_ROLLOVER_SHARE = 0.5;

export type ConsumptionResult = { ok: true; consumption: number; rolledOver: boolean } | { ok: false; error: string };

/** Largest value the register shows: registerMax(5) → 99 999. */
export function registerMax(meterDigits: number): number {
  return 10 ** meterDigits - 1;
}

/**
 * current − previous in m³; below the previous value the register rolled over.
 * consumption(120, 150, 5) → 30; consumption(99_990, 15, 5) → (100 000 − 99 990) + 15 = 25, rolled over;
 * consumption(60_000, 100, 5) → refused: 40 100 m³ would be > 50 % of the 100 000 m³ register.
 */
export function consumption(previous: number, current: number, meterDigits: number): ConsumptionResult {
  const capacity = 10 ** meterDigits;
  if (current > capacity - 1) return { ok: false, error: `La lectura supera la capacidad del medidor (${meterDigits} dígitos).` };
  if (current >= previous) return { ok: true, consumption: current - previous, rolledOver: false };
  const rolled = capacity - previous + current;
  if (rolled > capacity * MAX_ROLLOVER_SHARE) {
    return { ok: false, error: `La lectura (${current}) es menor que la anterior (${previous}) y no corresponde a una vuelta del medidor. Verifíquela o indique una anomalía.` };
  }
  return { ok: true, consumption: rolled, rolledOver: true };
}

export type HistoryEntry = { consumption: number; estimated: boolean };

/**
 * Average of the last (up to 6) actual — not estimated — consumptions, rounded half-up to whole m³;
 * 0 without history. `history` is in chronological order (oldest first).
 * estimate([10, 11, 12, 13, 14, 15, 16] actual) → (11+…+16)/6 = 13.5 → 14.
 */
export function estimate(history: readonly HistoryEntry[]): number {
  const actual = history.filter((h) => !h.estimated).slice(-ESTIMATE_WINDOW);
  if (!actual.length) return 0;
  const sum = actual.reduce((s, h) => s + h.consumption, 0);
  // Integer half-up: floor((2·sum + n) / 2n); e.g. 27/2 → floor(58/4) = 14.
  return Math.floor((2 * sum + actual.length) / (2 * actual.length));
}

export type ReadingInput = {
  /** Register value of the last actual (not estimated) reading before this period, or null if none. */
  previous: number | null;
  /** Register value read now, or null when none was taken. */
  current: number | null;
  anomalyCode: string | null;
  /** Earlier readings of the account, oldest first. */
  history: readonly HistoryEntry[];
  meterDigits: number;
  /**
   * m³ already billed by estimates since `previous` was read. A real reading after estimated
   * periods bills what was actually used minus what the estimates already charged (never < 0).
   */
  estimatedSincePrevious?: number;
};

export type ReadingDecision =
  | { ok: true; consumption: number; estimated: boolean; rolledOver: boolean; reason: string }
  | { ok: false; error: string };

/**
 * What one reading bills:
 * - an anomaly code, or no value, → the estimate from history, marked estimated;
 * - the meter's first value (no previous actual reading) → 0 m³: it sets the register's base;
 * - otherwise current − previous (with roll-over) minus what estimates billed since previous.
 * readingDecision({ previous: 100, current: 130, anomalyCode: null, history: [], meterDigits: 5 }) → 30 m³.
 */
export function readingDecision(input: ReadingInput): ReadingDecision {
  const { previous, current, anomalyCode, history, meterDigits } = input;
  if (current !== null && (!Number.isInteger(current) || current < 0)) return { ok: false, error: 'La lectura debe ser un número entero mayor o igual que cero.' };
  if (current !== null && current > registerMax(meterDigits)) return { ok: false, error: `La lectura supera la capacidad del medidor (${meterDigits} dígitos).` };
  if (anomalyCode && !isAnomalyCode(anomalyCode)) return { ok: false, error: 'Código de anomalía no válido.' };
  if (anomalyCode || current === null) {
    const label = anomalyCode ? ANOMALY_LABELS[anomalyCode as AnomalyCode] : ANOMALY_LABELS.SL;
    return { ok: true, consumption: estimate(history), estimated: true, rolledOver: false, reason: `${label}: consumo estimado con el promedio de los últimos consumos reales.` };
  }
  if (previous === null) return { ok: true, consumption: 0, estimated: false, rolledOver: false, reason: 'Primera lectura del medidor: fija la base, sin consumo.' };
  const measured = consumption(previous, current, meterDigits);
  if (!measured.ok) return measured;
  const already = input.estimatedSincePrevious ?? 0;
  const billed = Math.max(0, measured.consumption - already);
  const reason = already > 0
    ? `Consumo real ${measured.consumption} m³ menos ${already} m³ ya estimados.`
    : measured.rolledOver
      ? 'Consumo con vuelta del medidor.'
      : 'Consumo medido.';
  return { ok: true, consumption: billed, estimated: false, rolledOver: measured.rolledOver, reason };
}

/**
 * How many of an account's readings before a period the rules look back on: enough to find the
 * last actual one behind a run of estimates and to average six actual consumptions.
 */
export const READING_HISTORY_LIMIT = 24;

export type PastReading = { value: number | null; consumption: number; estimated: boolean };

/**
 * What readingDecision takes from the account's readings before the period (oldest first; only
 * the last READING_HISTORY_LIMIT count): `previous` is the value of the last actual reading, the
 * estimates after it add up to `estimatedSincePrevious`, and the meter's very first reading (it
 * only set the register's base, 0 m³) stays out of the history averaged when the whole history is
 * known. decisionBasis([1000 base, 1010 (10 m³), estimate 20 m³]) → previous 1010,
 * history [10, 20 estimated], estimatedSincePrevious 20.
 */
export function decisionBasis(past: readonly PastReading[]): Pick<ReadingInput, 'previous' | 'history' | 'estimatedSincePrevious'> {
  const window = past.slice(-READING_HISTORY_LIMIT);
  const lastActual = window.findLastIndex((r) => !r.estimated && r.value !== null);
  const estimatedSincePrevious = window.slice(lastActual + 1).reduce((s, r) => s + (r.estimated ? r.consumption : 0), 0);
  const complete = window.length < READING_HISTORY_LIMIT;
  const history: HistoryEntry[] = window
    .filter((r, i) => !(complete && i === 0 && !r.estimated && r.consumption === 0))
    .map((r) => ({ consumption: r.consumption, estimated: r.estimated }));
  return { previous: lastActual >= 0 ? window[lastActual].value : null, history, estimatedSincePrevious };
}

// ---------------------------------------------------------------------------------------------
// Periods

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(s: string): boolean {
  return PERIOD_RE.test(s);
}

/** 'YYYY-MM' of a 'YYYY-MM-DD' date: periodOf('2026-11-23') → '2026-11'. */
export function periodOf(date: string): string {
  return date.slice(0, 7);
}

/** The month before: previousPeriod('2026-01') → '2025-12'. */
export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

function isDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Spanish error for a period that is malformed or after `today`'s month, else null. */
export function periodError(period: string, today: string): string | null {
  if (!isPeriod(period)) return 'Período no válido: use el formato AAAA-MM.';
  if (period > periodOf(today)) return 'El período no puede ser futuro.';
  return null;
}

/** Spanish error for a reading date that is malformed, in the future or before its period, else null. */
export function readingDateError(date: string, period: string, today: string): string | null {
  if (!isDate(date)) return 'Fecha no válida: use el formato AAAA-MM-DD.';
  if (date > today) return 'La fecha de lectura no puede ser futura.';
  if (isPeriod(period) && date < `${period}-01`) return 'La fecha de lectura es anterior al período.';
  return null;
}

// ---------------------------------------------------------------------------------------------
// CSV import

export const CSV_COLUMNS = ['cuenta', 'periodo', 'fecha', 'lectura', 'anomalia', 'lector'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly CsvColumn[] = ['cuenta', 'periodo', 'fecha', 'lectura'];
export const CSV_COLUMN_LABELS: Record<CsvColumn, string> = {
  cuenta: 'cuenta',
  periodo: 'periodo',
  fecha: 'fecha',
  lectura: 'lectura',
  anomalia: 'anomalía',
  lector: 'lector',
};
export const MAX_IMPORT_ROWS = 5000;

export type CsvRowError = { column: CsvColumn | null; message: string };

export type CsvReadingRow = {
  /** Line number in the file (the header is line 1). */
  line: number;
  account: string;
  period: string;
  readingDate: string;
  value: number | null;
  anomalyCode: AnomalyCode | null;
  readerName: string | null;
  errors: CsvRowError[];
};

export type CsvParseResult = { ok: true; rows: CsvReadingRow[] } | { ok: false; error: string };


// 'Anomalía ' → 'anomalia', 'Período' → 'periodo'.
function headerKey(s: string): string {
  return s.trim().toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/**
 * Parses a readings CSV: header row required (cuenta;periodo;fecha;lectura[;anomalía][;lector]),
 * ';' or ',' separated, UTF-8 with or without BOM. Every row comes back with its own errors
 * (Spanish, per column); `today` ('YYYY-MM-DD') bounds periods and dates.
 */
export function parseReadingsCsv(text: string, today: string): CsvParseResult {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  // The header decides the separator: Spanish-locale spreadsheets export ';', others ','.
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records = splitCsvRecords(body, sep);
  if (!records.length) return { ok: false, error: 'El archivo está vacío.' };
  const header = records[0].fields.map(headerKey);
  const index = new Map<CsvColumn, number>();
  header.forEach((h, i) => {
    if ((CSV_COLUMNS as readonly string[]).includes(h) && !index.has(h as CsvColumn)) index.set(h as CsvColumn, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !index.has(c));
  if (missing.length) {
    return { ok: false, error: `Falta la fila de encabezado o las columnas: ${missing.map((c) => CSV_COLUMN_LABELS[c]).join(', ')}. Columnas esperadas: cuenta, periodo, fecha, lectura, anomalía, lector.` };
  }
  if (records.length - 1 > MAX_IMPORT_ROWS) return { ok: false, error: `El archivo tiene más de ${MAX_IMPORT_ROWS} filas; divídalo en partes.` };

  const seen = new Map<string, number>();
  const rows = records.slice(1).map(({ line, fields }): CsvReadingRow => {
    const cell = (c: CsvColumn) => (index.has(c) ? (fields[index.get(c)!] ?? '').trim() : '');
    const errors: CsvRowError[] = [];
    const fail = (column: CsvColumn | null, message: string) => errors.push({ column, message });

    const account = cell('cuenta').toUpperCase();
    if (!account) fail('cuenta', 'Indique el número de cuenta.');
    else if (account.length > 20) fail('cuenta', 'Número de cuenta no válido.');

    const period = cell('periodo');
    const pErr = period ? periodError(period, today) : 'Indique el período (AAAA-MM).';
    if (pErr) fail('periodo', pErr);

    const readingDate = cell('fecha');
    const dErr = readingDate ? readingDateError(readingDate, pErr ? '' : period, today) : 'Indique la fecha de lectura (AAAA-MM-DD).';
    if (dErr) fail('fecha', dErr);

    const rawCode = cell('anomalia').toUpperCase();
    let anomalyCode: AnomalyCode | null = null;
    if (rawCode) {
      if (isAnomalyCode(rawCode)) anomalyCode = rawCode;
      else fail('anomalia', `Anomalía «${rawCode}» desconocida. Códigos válidos: ${ANOMALY_CODES.join(', ')}.`);
    }

    const rawValue = cell('lectura');
    let value: number | null = null;
    if (rawValue) {
      if (/^\d{1,9}$/.test(rawValue)) value = Number(rawValue);
      else fail('lectura', 'La lectura debe ser un número entero mayor o igual que cero.');
    } else if (!rawCode) fail('lectura', 'Indique la lectura o un código de anomalía.');

    const readerName = cell('lector') || null;
    if (readerName && readerName.length > 120) fail('lector', 'El nombre del lector admite hasta 120 caracteres.');

    if (account && period) {
      const key = `${account}|${period}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) fail(null, `Cuenta y período repetidos en el archivo (línea ${earlier}).`);
      else seen.set(key, line);
    }
    return { line, account, period, readingDate, value, anomalyCode, readerName, errors };
  });
  return { ok: true, rows };
}

/** The row as compared and hashed: normalizedRow(row) → 'CT-000001|2026-10|2026-10-28|1234||ANA'. */
export function normalizedRow(row: Pick<CsvReadingRow, 'account' | 'period' | 'readingDate' | 'value' | 'anomalyCode' | 'readerName'>): string {
  return [row.account, row.period, row.readingDate, row.value ?? '', row.anomalyCode ?? '', row.readerName ?? ''].join('|');
}
