import { describe, it, expect } from 'vitest';
import { dueDate, periodBounds, shiftPeriod, validDate, validPeriod } from './period';

describe('validPeriod', () => {
  it.each(['2026-01', '2026-10', '2026-12', '2000-01'])('accepts %s', (p) => {
    expect(validPeriod(p)).toBe(true);
  });
  it.each(['2026-00', '2026-13', '2026-1', '26-10', '2026/10', ' 2026-10', '2026-10-01', '1999-12', ''])('refuses %j', (p) => {
    expect(validPeriod(p)).toBe(false);
  });
});

describe('periodBounds', () => {
  it('October has 31 days', () => {
    expect(periodBounds('2026-10')).toEqual({ first: '2026-10-01', last: '2026-10-31' });
  });
  it('April has 30 days', () => {
    expect(periodBounds('2026-04').last).toBe('2026-04-30');
  });
  it('February has 28 days in a common year and 29 in a leap year (2028, 2000) but not 2100', () => {
    expect(periodBounds('2026-02').last).toBe('2026-02-28');
    expect(periodBounds('2028-02').last).toBe('2028-02-29');
    expect(periodBounds('2000-02').last).toBe('2000-02-29');
    expect(periodBounds('2100-02').last).toBe('2100-02-28');
  });
  it('December ends on the 31st (no spill into next year)', () => {
    expect(periodBounds('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
  });
  it('throws on an invalid period (a bug, not user input)', () => {
    expect(() => periodBounds('2026-13')).toThrow(RangeError);
  });
});

describe('shiftPeriod', () => {
  it('goes back across a year: 2026-01 − 1 → 2025-12', () => {
    expect(shiftPeriod('2026-01', -1)).toBe('2025-12');
  });
  it('goes forward across a year: 2026-11 + 3 → 2027-02', () => {
    expect(shiftPeriod('2026-11', 3)).toBe('2027-02');
  });
  it('six months back from 2026-03 → 2025-09; zero is identity', () => {
    expect(shiftPeriod('2026-03', -6)).toBe('2025-09');
    expect(shiftPeriod('2026-03', 0)).toBe('2026-03');
  });
});

describe('validDate', () => {
  it('accepts real days and refuses impossible ones', () => {
    expect(validDate('2028-02-29')).toBe(true);
    expect(validDate('2026-02-29')).toBe(false);
    expect(validDate('2026-04-31')).toBe(false);
    expect(validDate('2026-4-01')).toBe(false);
  });
});

describe('dueDate', () => {
  it('adds due days: 2026-10-31 + 30 → 2026-11-30', () => {
    expect(dueDate('2026-10-31', 30)).toBe('2026-11-30');
  });
  it('0 days → same day', () => {
    expect(dueDate('2026-10-05', 0)).toBe('2026-10-05');
  });
  it('crosses a year and a leap day: 2027-12-31 + 60 → 2028-02-29', () => {
    // 31 days of January → 2028-01-31, 29 more → 2028-02-29
    expect(dueDate('2027-12-31', 60)).toBe('2028-02-29');
  });
  it('refuses invalid dates and due days', () => {
    expect(() => dueDate('2026-02-30', 10)).toThrow(RangeError);
    expect(() => dueDate('2026-02-01', -1)).toThrow(RangeError);
    expect(() => dueDate('2026-02-01', 1.5)).toThrow(RangeError);
    expect(() => dueDate('2026-02-01', 366)).toThrow(RangeError);
  });
});
