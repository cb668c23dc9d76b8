import { describe, expect, it } from 'vitest';
import { DEFAULT_DELINQUENCY_CRON, delinquencyCron } from './delinquency-schedule';

describe('delinquencyCron', () => {
  it('is off unless set', () => {
    expect(delinquencyCron(undefined)).toBeNull();
    expect(delinquencyCron('')).toBeNull();
    expect(delinquencyCron('0')).toBeNull();
    expect(delinquencyCron('false')).toBeNull();
  });
  it('1 / true → every day at 05:00; an expression is taken as is', () => {
    expect(delinquencyCron('1')).toBe(DEFAULT_DELINQUENCY_CRON);
    expect(delinquencyCron('true')).toBe('0 5 * * *');
    expect(delinquencyCron(' 30 4 * * * ')).toBe('30 4 * * *');
  });
});
