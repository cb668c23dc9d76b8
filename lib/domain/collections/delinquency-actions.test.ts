import { describe, expect, it } from 'vitest';
import { lateFeeAmount, nextStatus, pendingActions, proposesReconnection } from './delinquency-actions';

describe('pendingActions', () => {
  it('takes every action of the level the first time', () => {
    expect(pendingActions('L1', ['LATE_FEE', 'NOTICE_EMAIL'], '2026-01-10', [])).toEqual(['LATE_FEE', 'NOTICE_EMAIL']);
  });
  it('drops what was already taken for the same level and episode', () => {
    const taken = [{ levelId: 'L1', action: 'NOTICE_EMAIL', episode: '2026-01-10' }];
    expect(pendingActions('L1', ['LATE_FEE', 'NOTICE_EMAIL'], '2026-01-10', taken)).toEqual(['LATE_FEE']);
  });
  it('a new episode (new oldest due date) takes them again', () => {
    const taken = [{ levelId: 'L1', action: 'NOTICE_EMAIL', episode: '2026-01-10' }];
    expect(pendingActions('L1', ['NOTICE_EMAIL'], '2026-03-10', taken)).toEqual(['NOTICE_EMAIL']);
  });
  it('actions of another level do not count for this one', () => {
    const taken = [{ levelId: 'L1', action: 'NOTICE_EMAIL', episode: '2026-01-10' }];
    expect(pendingActions('L2', ['NOTICE_EMAIL'], '2026-01-10', taken)).toEqual(['NOTICE_EMAIL']);
  });
  it('repeated actions in the policy are taken once', () => {
    expect(pendingActions('L1', ['LATE_FEE', 'LATE_FEE'], '2026-01-10', [])).toEqual(['LATE_FEE']);
  });
});

describe('nextStatus', () => {
  it('keeps since when nothing changes', () => {
    expect(nextStatus({ status: 'IN_GRACE', levelId: null, since: '2026-02-01' }, { status: 'IN_GRACE', levelId: null }, '2026-02-03')).toEqual({ status: 'IN_GRACE', levelId: null, since: '2026-02-01', changed: false });
  });
  it('a new status starts on the run date', () => {
    expect(nextStatus({ status: 'CURRENT', levelId: null, since: '2026-01-01' }, { status: 'IN_GRACE', levelId: null }, '2026-02-03')).toMatchObject({ status: 'IN_GRACE', since: '2026-02-03', changed: true });
  });
  it('a new level of the same status starts on the run date', () => {
    expect(nextStatus({ status: 'DELINQUENT', levelId: 'L1', since: '2026-01-01' }, { status: 'DELINQUENT', levelId: 'L2' }, '2026-02-03')).toMatchObject({ levelId: 'L2', since: '2026-02-03', changed: true });
  });
  it('a missing since is filled in', () => {
    expect(nextStatus({ status: 'CURRENT', levelId: null, since: null }, { status: 'CURRENT', levelId: null }, '2026-02-03')).toMatchObject({ since: '2026-02-03', changed: true });
  });
});

describe('proposesReconnection', () => {
  it('only when returning to CURRENT with disconnected accounts', () => {
    expect(proposesReconnection('DELINQUENT', 'CURRENT', 1)).toBe(true);
    expect(proposesReconnection('IN_GRACE', 'CURRENT', 2)).toBe(true);
    expect(proposesReconnection('DELINQUENT', 'CURRENT', 0)).toBe(false);
    expect(proposesReconnection('CURRENT', 'CURRENT', 1)).toBe(false);
    expect(proposesReconnection('DELINQUENT', 'IN_GRACE', 1)).toBe(false);
  });
});

describe('lateFeeAmount', () => {
  it('a fixed amount in pesos', () => {
    expect(lateFeeAmount({ amount: '150.00', percentage: null }, '5000.00')).toBe('150.00');
  });
  it('a fixed amount converted for a foreign currency: 150 / 58.75 = 2.553… → 2.55', () => {
    expect(lateFeeAmount({ amount: '150.00', percentage: null }, '100.00', '58.75')).toBe('2.55');
  });
  it('a percentage of the overdue debt: 5 % of 1,234.50 = 61.725 → 61.73', () => {
    expect(lateFeeAmount({ amount: '150.00', percentage: '5' }, '1234.50')).toBe('61.73');
  });
  it('nothing to charge → null', () => {
    expect(lateFeeAmount({ amount: '0.00', percentage: null }, '100')).toBeNull();
    expect(lateFeeAmount({ amount: null, percentage: null }, '100')).toBeNull();
    expect(lateFeeAmount({ amount: null, percentage: '1' }, '0.40')).toBeNull();
  });
});
