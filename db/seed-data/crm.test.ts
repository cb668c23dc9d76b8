import { describe, expect, it } from 'vitest';
import { cardBrand, luhnValid } from '@/lib/domain/payment-instrument';
import { addDays, assignCodes, exchangeRateSeries, generateCrm, meterNumber, shortName, TEST_CARDS, type CrmCustomer, type CrmRefs } from './crm';

const refs: CrmRefs = {
  adminId: 'admin',
  staffId: 'staff',
  staffBranchIds: new Set(['b1']),
  inspectorId: 'inspector',
  branches: new Map([
    ['b1', { code: 'SDC', provinceCode: '01', localities: [{ id: 'l1', name: 'Santo Domingo de Guzmán' }] }],
    ['b2', { code: 'STI', provinceCode: '25', localities: [{ id: 'l2', name: 'Santiago de los Caballeros' }, { id: 'l3', name: 'Tamboril' }, { id: 'l4', name: 'Licey al Medio' }, { id: 'l5', name: 'Villa González' }] }],
  ]),
  tariffIds: { RES: 'res', 'RES-SOC': 'res-soc', COM: 'com', IND: 'ind', GOB: 'gob' },
  entityIds: { VISA: 'visa', MASTERCARD: 'mc', AMEX: 'amex', 'BPD-DA': 'bpd-da', 'BPD-TR': 'bpd-tr' },
  secret: 'unit-test-secret',
};

const segments = ['RESIDENTIAL', 'COMMERCIAL', 'INDUSTRIAL', 'GOVERNMENT'] as const;
const customers: CrmCustomer[] = [
  { id: 'gc1', code: 'GC-000001', legalName: 'Industrias Alimenticias del Cibao, S.A.', segment: 'INDUSTRIAL', isLargeAccount: true, taxCondition: 'REGISTERED', email: 'cxp@alimenticias.example', branchId: 'b2' },
  ...Array.from({ length: 60 }, (_, i): CrmCustomer => ({ id: `c${i}`, code: `CL-${String(i + 1).padStart(6, '0')}`, legalName: `Cliente ${i}, S.R.L.`, segment: segments[i % 4], isLargeAccount: i % 15 === 0, taxCondition: i % 20 === 3 ? 'FOREIGN' : 'REGISTERED', email: `c${i}@correo.example`, branchId: i % 2 ? 'b1' : 'b2' })),
];

// Everything but the random UUIDs, with ids replaced by codes so two runs compare equal.
function comparable(seed: number) {
  const { rows, metered } = generateCrm(customers, refs, seed, 'demo');
  assignCodes(rows, { AC: 0, GR: 0, CT: 0, OT: 0 }, metered);
  const codeOf = new Map<string, string>([...rows.agreements.map((a) => [a.id, a.code] as const), ...rows.groups.map((g) => [g.id, g.code] as const), ...rows.accounts.map((a) => [a.id, a.number] as const)]);
  const strip = <T extends object>(r: T) => JSON.stringify(r, (k, v) => (k === 'id' ? undefined : typeof v === 'string' && codeOf.has(v) ? codeOf.get(v) : v));
  return { rows, text: [rows.agreements, rows.groups, rows.accounts, rows.orders, rows.methods].map((list) => list.map(strip).join('\n')).join('\n--\n') };
}

describe('CRM seed generator', () => {
  it('is deterministic for a seed and changes with it', () => {
    expect(comparable(7).text).toBe(comparable(7).text);
    expect(comparable(7).text).not.toBe(comparable(8).text);
  });

  it('numbers codes in creation order and continues the given counters', () => {
    const { rows, metered } = generateCrm(customers, refs, 7, 'demo');
    const counters = { AC: 41, GR: 0, CT: 9, OT: 0 };
    assignCodes(rows, counters, metered);
    expect(rows.agreements[0].code).toBe('AC-000042');
    expect(counters.AC).toBe(41 + rows.agreements.length);
    expect(rows.accounts[0].number).toBe('CT-000010');
    const times = rows.agreements.map((a) => a.createdAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(rows.orders.every((o) => !/\{(AC|GR|CT)\}/.test(o.description ?? ''))).toBe(true);
  });

  it('has decisions by someone other than the creator, and only the last four digits of instruments', () => {
    const { rows } = comparable(7);
    expect(rows.orders.every((o) => o.decidedBy == null || o.decidedBy !== o.createdBy)).toBe(true);
    expect(rows.orders.filter((o) => o.branchId !== 'b1').every((o) => o.createdBy === 'staff')).toBe(true);
    expect(rows.methods.every((m) => m.instrumentLast4 == null || /^\d{4}$/.test(m.instrumentLast4))).toBe(true);
    expect(JSON.stringify(rows.methods)).not.toMatch(/4242424242424242|5555555555554444|378282246310005/);
  });

  it('gives the GC-000001 fixture its fixed portfolio', () => {
    const { rows } = comparable(7);
    const own = rows.agreements.filter((a) => a.customerId === 'gc1');
    expect(own.map((a) => a.name)).toContain('Acuerdo Industrias Alimenticias del Cibao — Exportaciones (USD)');
    expect(own.filter((a) => a.status === 'ACTIVE').length).toBeGreaterThanOrEqual(2);
    const big = own.find((a) => a.name.endsWith('Planta Santiago'))!;
    expect(rows.accounts.filter((a) => a.agreementId === big.id)).toHaveLength(40);
    expect(rows.groups.filter((g) => g.agreementId === big.id)).toHaveLength(4);
  });
});

describe('seed helpers', () => {
  it('uses Luhn-valid public test cards of the stated brand', () => {
    for (const [number, brand] of TEST_CARDS) {
      expect(luhnValid(number)).toBe(true);
      expect(cardBrand(number)).toBe(brand);
    }
  });

  it('gives distinct meter numbers to distinct accounts', () => {
    const meters = new Set(Array.from({ length: 50_000 }, (_, i) => meterNumber(i + 1)));
    expect(meters.size).toBe(50_000);
    expect(meterNumber(1)).toMatch(/^MED-\d{8}$/);
  });

  it('drops the company type from legal names', () => {
    expect(shortName('Industrias Alimenticias del Cibao, S.A.')).toBe('Industrias Alimenticias del Cibao');
    expect(shortName('Tienda El Sol International, LLC')).toBe('Tienda El Sol');
    expect(shortName('Ana Pérez Díaz')).toBe('Ana Pérez Díaz');
  });

  it('adds calendar days across month ends and leap days', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('builds daily USD and EUR rates in range, repeating Friday on weekends, independent of the end date', () => {
    const series = exchangeRateSeries('2026-11-23', 1);
    expect(series).toHaveLength(2 * 327); // 2026-01-01 … 2026-11-23 inclusive
    expect(series[0]).toEqual({ date: '2026-01-01', currency: 'USD', rate: '60.3500' });
    for (const r of series) {
      expect(r.rate).toMatch(/^\d{2}\.\d{4}$/);
      const v = Number(r.rate);
      if (r.currency === 'USD') expect(v >= 58.5 && v <= 63).toBe(true);
      else expect(v >= 63 && v <= 70).toBe(true);
    }
    const usd = (date: string) => series.find((r) => r.date === date && r.currency === 'USD')!.rate;
    expect(usd('2026-11-21')).toBe(usd('2026-11-20')); // Saturday = Friday
    expect(usd('2026-11-22')).toBe(usd('2026-11-20')); // Sunday = Friday
    expect(exchangeRateSeries('2026-06-30', 1)).toEqual(series.filter((r) => r.date <= '2026-06-30'));
  });
});
