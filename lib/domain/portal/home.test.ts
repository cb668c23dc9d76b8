import { describe, expect, it } from 'vitest';
import { consumptionSeries, homeFigures, portalBanner } from './home';

describe('homeFigures', () => {
  it('splits the balance into overdue (due before today) and not yet due, per currency', () => {
    // DOP: 100.00 (overdue) + 50.25 (due later) = 150.25, overdue 100.00; USD: 10.10 due today → not overdue.
    const f = homeFigures(
      [
        { currency: 'DOP', dueDate: '2026-10-31', balance: '100.00', count: 2 },
        { currency: 'DOP', dueDate: '2026-11-30', balance: '50.25', count: 1 },
        { currency: 'USD', dueDate: '2026-11-10', balance: '10.10', count: 1 },
      ],
      '2026-11-10',
    );
    expect(f.byCurrency).toEqual([
      { currency: 'DOP', balanceDue: '150.25', overdue: '100.00', openCount: 3, overdueCount: 2 },
      { currency: 'USD', balanceDue: '10.10', overdue: '0.00', openCount: 1, overdueCount: 0 },
    ]);
    expect(f.oldestOverdueDate).toBe('2026-10-31');
  });

  it('next due date is the earliest from today on, with what falls due that day in each currency', () => {
    // 2026-11-15 has DOP 1.10 + 2.20 = 3.30 and EUR 5.00; 2026-12-01 is later; 2026-11-01 is past.
    const f = homeFigures(
      [
        { currency: 'EUR', dueDate: '2026-11-15', balance: '5.00', count: 1 },
        { currency: 'DOP', dueDate: '2026-12-01', balance: '9.00', count: 1 },
        { currency: 'DOP', dueDate: '2026-11-15', balance: '1.10', count: 1 },
        { currency: 'DOP', dueDate: '2026-11-15', balance: '2.20', count: 1 },
        { currency: 'DOP', dueDate: '2026-11-01', balance: '7.00', count: 1 },
      ],
      '2026-11-10',
    );
    expect(f.nextDue).toEqual({ date: '2026-11-15', amounts: [{ currency: 'DOP', amount: '3.30' }, { currency: 'EUR', amount: '5.00' }] });
  });

  it('a document without due date is owed but neither overdue nor next due; nothing open → empty figures', () => {
    const f = homeFigures([{ currency: 'DOP', dueDate: null, balance: '0.10', count: 1 }], '2026-11-10');
    expect(f.byCurrency).toEqual([{ currency: 'DOP', balanceDue: '0.10', overdue: '0.00', openCount: 1, overdueCount: 0 }]);
    expect(f.nextDue).toBeNull();
    expect(homeFigures([], '2026-11-10')).toEqual({ byCurrency: [], nextDue: null, oldestOverdueDate: null });
  });

  it('adds cents exactly (0.10 + 0.20 = 0.30, not 0.30000000000000004)', () => {
    const f = homeFigures(
      [
        { currency: 'DOP', dueDate: '2026-01-01', balance: '0.10', count: 1 },
        { currency: 'DOP', dueDate: '2026-01-02', balance: '0.20', count: 1 },
      ],
      '2026-12-31',
    );
    expect(f.byCurrency[0].overdue).toBe('0.30');
  });
});

describe('consumptionSeries', () => {
  it('gives count consecutive periods ending at end, summing rows and leaving gaps as null', () => {
    // 2026-03: 5 + 7 = 12 (one estimated); 2026-02 has nothing; 2025-12 is outside the window.
    const s = consumptionSeries(
      [
        { period: '2026-01', m3: 10, estimated: false },
        { period: '2026-03', m3: 5, estimated: false },
        { period: '2026-03', m3: 7, estimated: true },
        { period: '2025-12', m3: 99, estimated: false },
      ],
      '2026-03',
      3,
    );
    expect(s).toEqual([
      { period: '2026-01', m3: 10, estimated: false },
      { period: '2026-02', m3: null, estimated: false },
      { period: '2026-03', m3: 12, estimated: true },
    ]);
  });

  it('twelve periods by default, crossing the year', () => {
    const s = consumptionSeries([], '2026-02');
    expect(s).toHaveLength(12);
    expect(s[0].period).toBe('2025-03');
    expect(s[11].period).toBe('2026-02');
  });
});

describe('portalBanner', () => {
  const level = { actions: ['NOTICE_EMAIL', 'PORTAL_BANNER'], bannerText: ' Regularice su deuda. ', active: true };
  const delinquent = { delinquencyStatus: 'DELINQUENT', delinquencyExempt: false };

  it('shows the level text for a delinquent agreement at a level with PORTAL_BANNER', () => {
    expect(portalBanner(delinquent, level)).toBe('Regularice su deuda.');
  });

  it('nothing when current, in grace, exempt, without the action, with an inactive level or no level', () => {
    expect(portalBanner({ ...delinquent, delinquencyStatus: 'IN_GRACE' }, level)).toBeNull();
    expect(portalBanner({ ...delinquent, delinquencyStatus: 'CURRENT' }, level)).toBeNull();
    expect(portalBanner({ ...delinquent, delinquencyExempt: true }, level)).toBeNull();
    expect(portalBanner(delinquent, { ...level, actions: ['NOTICE_EMAIL'] })).toBeNull();
    expect(portalBanner(delinquent, { ...level, active: false })).toBeNull();
    expect(portalBanner(delinquent, { ...level, bannerText: '  ' })).toBeNull();
    expect(portalBanner(delinquent, null)).toBeNull();
  });
});
