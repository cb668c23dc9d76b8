import { describe, expect, it } from 'vitest';
import { agingBucket, daysBetween, delinquencyState, type DelinquencyInput, type DelinquencyLevel } from './delinquency';

const levels: DelinquencyLevel[] = [
  { id: 'l2', name: 'Corte', daysPastGrace: 30, minDebt: '1000.00', actions: ['DISCONNECTION_ORDER', 'PORTAL_BANNER'] },
  { id: 'l1', name: 'Aviso', daysPastGrace: 1, minDebt: '100.00', actions: ['LATE_FEE', 'NOTICE_EMAIL'] },
];
const base: DelinquencyInput = { oldestUnpaidDueDate: '2026-03-10', overdueDebt: '5000.00', graceDays: 10, exempt: false };
const on = (today: string, over: Partial<typeof base> = {}) => delinquencyState({ ...base, ...over }, levels, today);

describe('daysBetween', () => {
  it('counts calendar days across months, leap years and time changes', () => {
    expect(daysBetween('2026-01-31', '2026-02-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-11-01')).toBe(245);
    expect(daysBetween('2026-03-10', '2026-03-10')).toBe(0);
    expect(daysBetween('2026-03-11', '2026-03-10')).toBe(-1);
  });
});

describe('delinquencyState', () => {
  it('is CURRENT with nothing unpaid, before the due date and on it', () => {
    expect(on('2026-05-01', { oldestUnpaidDueDate: null })).toMatchObject({ status: 'CURRENT', daysOverdue: 0 });
    expect(on('2026-03-09')).toMatchObject({ status: 'CURRENT', daysOverdue: 0 });
    expect(on('2026-03-10')).toMatchObject({ status: 'CURRENT', daysOverdue: 0 });
  });

  it('is IN_GRACE from the first day past due to the last grace day', () => {
    expect(on('2026-03-11')).toMatchObject({ status: 'IN_GRACE', daysOverdue: 1, level: null, actionable: false });
    expect(on('2026-03-20')).toMatchObject({ status: 'IN_GRACE', daysOverdue: 10 });
    // No grace days: delinquent on the first day past due.
    expect(on('2026-03-11', { graceDays: 0 })).toMatchObject({ status: 'DELINQUENT', level: { id: 'l1' } });
  });

  it('enters each level on its first day and stays until the next', () => {
    expect(on('2026-03-21')).toMatchObject({ status: 'DELINQUENT', daysOverdue: 11, level: { id: 'l1' }, actionable: true });
    expect(on('2026-04-18')).toMatchObject({ level: { id: 'l1' } }); // 29 days past grace
    expect(on('2026-04-19')).toMatchObject({ level: { id: 'l2' } }); // 30 days past grace
    expect(on('2027-01-01')).toMatchObject({ level: { id: 'l2' } });
  });

  it('applies a level only when the overdue debt reaches its minimum', () => {
    expect(on('2026-04-19', { overdueDebt: '999.99' })).toMatchObject({ level: { id: 'l1' } });
    expect(on('2026-04-19', { overdueDebt: '1000.00' })).toMatchObject({ level: { id: 'l2' } });
    expect(on('2026-04-19', { overdueDebt: '99.99' })).toMatchObject({ status: 'DELINQUENT', level: null, actionable: false });
  });

  it('computes an exempt agreement’s status but takes no action', () => {
    expect(on('2026-04-19', { exempt: true })).toMatchObject({ status: 'DELINQUENT', level: { id: 'l2' }, actionable: false });
  });
});

describe('agingBucket', () => {
  it('puts each edge in its bucket', () => {
    const due = '2026-01-01';
    const at = (days: number) => agingBucket(due, new Date(Date.UTC(2026, 0, 1 + days)).toISOString().slice(0, 10));
    expect([at(-5), at(0), at(30)]).toEqual(['0-30', '0-30', '0-30']);
    expect([at(31), at(60)]).toEqual(['31-60', '31-60']);
    expect([at(61), at(90)]).toEqual(['61-90', '61-90']);
    expect([at(91), at(180)]).toEqual(['91-180', '91-180']);
    expect([at(181), at(1000)]).toEqual(['180+', '180+']);
  });
});
