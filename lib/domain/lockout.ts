/** Five wrong passwords in a row lock an account for fifteen minutes. */
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

/** isLocked(12:10, now 12:00) → true; isLocked(null, now) → false */
export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/**
 * State after one more failed login. The 5th failure at 12:00 → locked until 12:15 and the
 * counter restarts, so after the lock expires the user has five fresh attempts.
 */
export function afterFailedLogin(failedLogins: number, now: Date): { failedLogins: number; lockedUntil: Date | null } {
  const failed = failedLogins + 1;
  if (failed >= MAX_FAILED_LOGINS) {
    return { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOCK_MINUTES * 60_000) };
  }
  return { failedLogins: failed, lockedUntil: null };
}
