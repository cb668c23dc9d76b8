/**
 * Twelve months of demo history: monthly meter readings of every metered account for the periods
 * 2025-11 … 2026-10, the issue date of each period's billing run, and the December 2025 exchange
 * rates those runs need. Pure generation, no I/O (db/seed-billing-history.ts loads it and bills the
 * periods with the real engine).
 *
 * Each account draws from its own RNG seeded with (seed, account number), so its readings do not
 * change when other accounts are added. Consumption follows the tariff category (residential
 * ~8–35 m³, commercial ~20–150, industrial ~200–3,000, government ~40–600) with a seasonal touch;
 * the register climbs from a random start and rolls over at 10^digits. Consumption is decided by
 * the same rules as a reader's entry (`readingDecision`): an anomaly (MI / SL) is stored estimated
 * from the history, the next actual reading bills what was used minus what the estimates charged,
 * and a meter installed during the history starts with a base reading of 0 m³.
 */
import { addDays } from './crm';
import { periodBounds } from '@/lib/domain/billing/period';
import { readingDecision, registerMax, type HistoryEntry } from '@/lib/domain/billing/readings';
import { createRng, type Rng } from '@/lib/domain/random';

/** The billed history: twelve periods, oldest first. 2026-11 is left for a live run. */
export const HISTORY_PERIODS = [
  '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04',
  '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10',
] as const;

/** Non-working days that may fall at the start of a month (fixed national holidays). */
const HOLIDAYS = new Set(['01-01', '05-01']);

function weekday(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

const lastDay = (period: string) => periodBounds(period).last;

/**
 * The run's issue date: the first business day (Monday–Friday, not 1 January or 1 May) of the
 * month after the period. issueDateFor('2025-12') → '2026-01-02'; issueDateFor('2026-01') → '2026-02-02'.
 */
export function issueDateFor(period: string): string {
  let d = addDays(lastDay(period), 1);
  while (weekday(d) === 0 || weekday(d) === 6 || HOLIDAYS.has(d.slice(5))) d = addDays(d, 1);
  return d;
}

export type HistoryCategory = 'RES-SOC' | 'RES' | 'COM' | 'IND' | 'GOB';

/** Monthly consumption band (m³) per tariff category: [typical low, typical high, hard min, hard max]. */
export const CONSUMPTION_BANDS: Record<HistoryCategory, readonly [number, number, number, number]> = {
  'RES-SOC': [9, 20, 8, 30],
  RES: [11, 28, 8, 35],
  COM: [25, 125, 20, 150],
  IND: [260, 2_500, 200, 3_000],
  GOB: [55, 500, 40, 600],
};

// More water in the hot months (June–September), less in the cooler ones; per mille.
const SEASON = [0, 970, 980, 1_010, 1_040, 1_060, 1_080, 1_100, 1_100, 1_050, 1_000, 960, 1_020];

/** Meter readers of each demo branch; a route is always read by the same person. */
export const READERS: Record<string, readonly string[]> = {
  SDC: ['Juan Carlos Peña', 'Yokasta Rodríguez', 'Ramón Almonte'],
  SDE: ['Wendy Santana', 'Félix Báez', 'Altagracia Germán'],
  STI: ['Manuel de Jesús Tavárez', 'Yesenia Polanco', 'Rafael Brito'],
  LRO: ['Mildred Cabrera', 'José Miguel Ureña'],
  SPM: ['Carolina Frías', 'Pedro Pablo Marte'],
};
const OTHER_READERS = ['Ana Mercedes Pujols', 'Luis Emilio Guzmán'] as const;

export type HistoryAccount = {
  id: string;
  number: string;
  /** 'YYYY-MM-DD'. */
  startDate: string;
  meterDigits: number;
  /** Tariff category code (RES-SOC, RES, COM, IND, GOB; anything else reads as RES). */
  category: string;
  agreementStatus: 'NEW' | 'ACTIVE' | 'SUSPENDED' | 'CLOSED';
  /** The agreement's end of validity (closed agreements), 'YYYY-MM-DD'. */
  validTo: string | null;
  branchCode: string;
  route: string | null;
  /** Day of a completed disconnection of the account: its last reading is that month's. */
  cutDate: string | null;
};

export type HistoryReading = {
  accountId: string;
  period: string;
  readingDate: string;
  value: number | null;
  consumption: number;
  estimated: boolean;
  anomalyCode: 'MI' | 'SL' | null;
  readerName: string;
  rolledOver: boolean;
};

// 32-bit mix of (seed, text) → per-account RNG seed (FNV-1a then murmur3 finalizer).
export function mixSeed(seed: number, text: string): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function readerFor(account: HistoryAccount): string {
  const names = READERS[account.branchCode] ?? OTHER_READERS;
  const key = account.route ?? account.number;
  return names[mixSeed(7, key) % names.length];
}

// A weekday in the last five days of the month (never before the account started).
function readingDateIn(rng: Rng, period: string, startDate: string): string {
  let d = addDays(lastDay(period), -rng.int(0, 4));
  if (weekday(d) === 0) d = addDays(d, -1);
  return d < startDate ? startDate : d;
}

/** The periods of the history in which the account was read (in service, not cut, not closed). */
export function readPeriods(a: HistoryAccount): string[] {
  if (a.agreementStatus === 'NEW') return [];
  return HISTORY_PERIODS.filter((p) => a.startDate <= lastDay(p) && (a.validTo === null || `${p}-01` <= a.validTo) && (a.cutDate === null || `${p}-01` <= a.cutDate));
}

/**
 * The readings of one account, oldest first. `forceRollover` starts the register just below its
 * capacity so that it rolls over during the history. Every value is what a reader would enter,
 * and every consumption what `recordReading` would store for it.
 */
export function accountReadings(a: HistoryAccount, seed: number, forceRollover = false): HistoryReading[] {
  const periods = readPeriods(a);
  if (!periods.length) return [];
  const rng = createRng(mixSeed(seed, a.number));
  const category = (a.category in CONSUMPTION_BANDS ? a.category : 'RES') as HistoryCategory;
  const [typLo, typHi, min, max] = CONSUMPTION_BANDS[category];
  const usual = rng.int(typLo, typHi);
  const capacity = registerMax(a.meterDigits) + 1;
  // A meter already in place before the history has a register somewhere; a new one starts near 0.
  const installedBefore = a.startDate < `${HISTORY_PERIODS[0]}-01`;
  let register = forceRollover ? capacity - rng.int(1, Math.max(2, 2 * usual)) : installedBefore ? rng.int(0, capacity - 1) : rng.int(0, 15);
  let previous: number | null = installedBefore ? register : null;
  let estimatedSince = 0;
  const history: HistoryEntry[] = [];
  const reader = readerFor(a);
  const out: HistoryReading[] = [];
  for (const period of periods) {
    const first = previous === null;
    if (!first) {
      const month = Number(period.slice(5, 7));
      const noise = 1_000 + rng.int(-200, 200);
      const used = Math.min(max, Math.max(min, Math.round((usual * SEASON[month] * noise) / 1_000_000)));
      register = (register + used) % capacity;
    }
    const actualReadings = history.filter((h) => !h.estimated).length;
    const anomaly = !first && actualReadings >= 2 && rng.chance(0.02) ? rng.weighted([['MI', 60], ['SL', 40]] as const) : null;
    const current = anomaly ? null : register;
    const decision = readingDecision({ previous, current, anomalyCode: anomaly, history, meterDigits: a.meterDigits, estimatedSincePrevious: estimatedSince });
    if (!decision.ok) throw new Error(`Lectura de demostración no válida (${a.number} ${period}): ${decision.error}`);
    out.push({
      accountId: a.id,
      period,
      readingDate: readingDateIn(rng, period, a.startDate),
      value: current,
      consumption: decision.consumption,
      estimated: decision.estimated,
      anomalyCode: anomaly,
      readerName: reader,
      rolledOver: decision.rolledOver,
    });
    if (decision.estimated) estimatedSince += decision.consumption;
    else {
      previous = current;
      estimatedSince = 0;
    }
    // The meter's base reading (0 m³) is not a consumption to average, as in recordReading.
    if (!first) history.push({ consumption: decision.consumption, estimated: decision.estimated });
  }
  return out;
}

/**
 * The readings of all accounts, accounts in the order given. Every 25th account (the 8th, 33rd…)
 * starts its register just below capacity, so the history always shows roll-overs.
 */
export function generateReadings(accounts: readonly HistoryAccount[], seed: number): HistoryReading[] {
  const sorted = [...accounts].sort((x, y) => (x.number < y.number ? -1 : x.number > y.number ? 1 : 0));
  return sorted.flatMap((a, i) => accountReadings(a, seed, i % 25 === 7));
}

/**
 * USD and EUR rates for December 2025 (the demo's daily series starts on 2026-01-01; the first
 * history run is issued on 2025-12-01). A seeded walk ending near the series' first values;
 * weekends repeat Friday's rate. E.g. the last row is 2025-12-31.
 */
export function december2025Rates(seed: number): { date: string; currency: 'USD' | 'EUR'; rate: string }[] {
  const rng = createRng(seed ^ 0xdec_2025);
  const four = (v: number) => `${Math.floor(v / 10_000)}.${String(v % 10_000).padStart(4, '0')}`;
  const rows: { date: string; currency: 'USD' | 'EUR'; rate: string }[] = [];
  let usd = 598_800; // 59.8800
  let eur = 648_500; // 64.8500
  for (let date = '2025-12-01'; date <= '2025-12-31'; date = addDays(date, 1)) {
    const wd = weekday(date);
    if (date !== '2025-12-01' && wd !== 0 && wd !== 6) {
      usd = Math.min(603_000, Math.max(594_000, usd + 20 + rng.int(-400, 400)));
      eur = Math.min(656_000, Math.max(642_000, eur + 20 + rng.int(-500, 500)));
    }
    rows.push({ date, currency: 'USD', rate: four(usd) }, { date, currency: 'EUR', rate: four(eur) });
  }
  return rows;
}
