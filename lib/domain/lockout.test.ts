import { describe, expect, it } from 'vitest';
import { afterFailedLogin, isLocked } from './lockout';

const noon = new Date('2026-11-23T12:00:00Z');

describe('login lockout', () => {
  it('counts failures below the limit without locking', () => {
    // 3 previous failures + 1 = 4 < 5
    expect(afterFailedLogin(3, noon)).toEqual({ failedLogins: 4, lockedUntil: null });
  });

  it('locks for 15 minutes on the fifth failure and restarts the counter', () => {
    // 4 + 1 = 5 → locked until 12:00 + 15 min
    expect(afterFailedLogin(4, noon)).toEqual({ failedLogins: 0, lockedUntil: new Date('2026-11-23T12:15:00Z') });
  });

  it('is locked only until the lock time passes', () => {
    const until = new Date('2026-11-23T12:15:00Z');
    expect(isLocked(until, new Date('2026-11-23T12:14:59Z'))).toBe(true);
    expect(isLocked(until, new Date('2026-11-23T12:15:00Z'))).toBe(false);
    expect(isLocked(null, noon)).toBe(false);
  });
});
