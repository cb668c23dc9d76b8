import { describe, expect, it } from 'vitest';
import { consumption } from '@/lib/domain/billing/readings';
import { accountReadings, CONSUMPTION_BANDS, december2025Rates, generateReadings, HISTORY_PERIODS, issueDateFor, readPeriods, type HistoryAccount } from './history';

const account = (n: number, over: Partial<HistoryAccount> = {}): HistoryAccount => ({
  id: `id-${n}`,
  number: `CT-${String(n).padStart(6, '0')}`,
  startDate: '2024-03-10',
  meterDigits: 5,
  category: ['RES', 'RES-SOC', 'COM', 'IND', 'GOB'][n % 5],
  agreementStatus: 'ACTIVE',
  validTo: null,
  branchCode: 'SDC',
  route: `SDC-R${String(n % 7).padStart(2, '0')}`,
  cutDate: null,
  ...over,
});

describe('history periods and issue dates', () => {
  it('covers 2025-11 … 2026-10 and issues on the first business day of the next month', () => {
    expect(HISTORY_PERIODS).toHaveLength(12);
    expect([HISTORY_PERIODS[0], HISTORY_PERIODS.at(-1)]).toEqual(['2025-11', '2026-10']);
    expect(issueDateFor('2025-11')).toBe('2025-12-01'); // Monday
    expect(issueDateFor('2025-12')).toBe('2026-01-02'); // 1 January is a holiday
    expect(issueDateFor('2026-01')).toBe('2026-02-02'); // 1 February is a Sunday
    expect(issueDateFor('2026-04')).toBe('2026-05-04'); // Friday 1 May, then the weekend
    expect(issueDateFor('2026-07')).toBe('2026-08-03'); // 1 August is a Saturday
  });
});

describe('generated readings', () => {
  const accounts = Array.from({ length: 120 }, (_, i) => account(i + 1));
  const readings = generateReadings(accounts, 42);

  it('are deterministic and independent of the other accounts', () => {
    expect(generateReadings(accounts, 42)).toEqual(readings);
    expect(accountReadings(accounts[10], 42)).toEqual(readings.filter((r) => r.accountId === accounts[10].id));
  });

  it('give every account a reading per period, near month end, with its category band', () => {
    expect(readings).toHaveLength(accounts.length * 12);
    for (const r of readings) {
      expect(r.readingDate.slice(0, 7)).toBe(r.period);
      expect(Number(r.readingDate.slice(8))).toBeGreaterThanOrEqual(23);
    }
    for (const a of accounts) {
      const [, , min, max] = CONSUMPTION_BANDS[a.category as keyof typeof CONSUMPTION_BANDS];
      const own = readings.filter((r) => r.accountId === a.id);
      // A reading right after an estimate may bill more (what the estimate missed); the others stay in band.
      own.forEach((r, i) => {
        if (!r.estimated && !own[i - 1]?.estimated) {
          expect(r.consumption, `${a.number} ${r.period}`).toBeGreaterThanOrEqual(min);
          expect(r.consumption, `${a.number} ${r.period}`).toBeLessThanOrEqual(max);
        }
      });
    }
  });

  it('climb the register with roll-overs, and store anomalies as estimates without a value', () => {
    expect(readings.filter((r) => r.rolledOver).length).toBeGreaterThanOrEqual(4);
    const anomalies = readings.filter((r) => r.anomalyCode);
    expect(anomalies.length).toBeGreaterThan(0);
    for (const r of anomalies) expect(r).toMatchObject({ estimated: true, value: null });
    for (const a of accounts) {
      const actual = readings.filter((r) => r.accountId === a.id && r.value !== null);
      for (let i = 1; i < actual.length; i++) expect(consumption(actual[i - 1].value!, actual[i].value!, 5).ok).toBe(true);
    }
  });

  it('start with a base reading of 0 m³ for a meter installed during the history, and skip what was not in service', () => {
    const fresh = accountReadings(account(3, { startDate: '2026-04-30' }), 42);
    expect(fresh.map((r) => r.period)).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(fresh[0]).toMatchObject({ consumption: 0, estimated: false, readingDate: '2026-04-30' });
    expect(fresh[1].consumption).toBeGreaterThan(0);
    expect(readPeriods(account(4, { agreementStatus: 'NEW' }))).toEqual([]);
    expect(readPeriods(account(5, { cutDate: '2026-03-14' })).at(-1)).toBe('2026-03');
    expect(readPeriods(account(6, { agreementStatus: 'CLOSED', validTo: '2026-01-31' })).at(-1)).toBe('2026-01');
  });

  it('read a route with one reader', () => {
    const byRoute = new Map<string, Set<string>>();
    for (const a of accounts) {
      const names = byRoute.get(a.route!) ?? new Set();
      for (const r of readings.filter((x) => x.accountId === a.id)) names.add(r.readerName);
      byRoute.set(a.route!, names);
    }
    for (const names of byRoute.values()) expect(names.size).toBe(1);
  });
});

describe('December 2025 rates', () => {
  it('cover every day of the month for USD and EUR within realistic ranges', () => {
    const rows = december2025Rates(7);
    expect(rows).toHaveLength(62);
    expect(rows[0]).toEqual({ date: '2025-12-01', currency: 'USD', rate: '59.8800' });
    for (const r of rows) expect(Number(r.rate)).toBeGreaterThan(r.currency === 'USD' ? 58.5 : 63);
  });
});
