import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import { branchIdsOfUser, findUserByEmail } from '@/db/queries/users';
import { users } from '@/db/schema';
import { afterFailedLogin, isLocked } from '@/lib/domain/lockout';
import { getDummyHash, verifyPassword } from './password';

export type CredentialsResult =
  | { ok: true; user: { id: string; email: string; name: string; role: typeof users.$inferSelect.role; customerId: string | null; branchIds: string[] } }
  | { ok: false; reason: 'invalid' | 'locked' };

/**
 * Checks an e-mail and password, counting failures: the fifth wrong password in a row locks the
 * account for 15 minutes, and while locked even the right password is refused. Unknown e-mails
 * and inactive users answer like a wrong password, after the same hashing work.
 */
export async function verifyCredentials(db: Db, email: string, password: string, now = new Date()): Promise<CredentialsResult> {
  const user = await findUserByEmail(db, email);
  if (!user || !user.active) {
    await verifyPassword(await getDummyHash(), password);
    return { ok: false, reason: 'invalid' };
  }
  if (isLocked(user.lockedUntil, now)) {
    await verifyPassword(await getDummyHash(), password);
    return { ok: false, reason: 'locked' };
  }
  const actor = { id: user.id, email: user.email };
  if (await verifyPassword(user.passwordHash, password)) {
    await db.transaction(async (tx) => {
      await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
      await recordAudit(tx, actor, { entity: 'session', entityId: user.id, action: 'LOGIN' });
    });
    return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, customerId: user.customerId, branchIds: await branchIdsOfUser(db, user.id) } };
  }
  const locked = await db.transaction(async (tx) => {
    // Re-read under a row lock so concurrent wrong passwords are all counted.
    const [current] = await tx.select().from(users).where(eq(users.id, user.id)).for('update');
    const next = afterFailedLogin(current.failedLogins, now);
    await tx.update(users).set(next).where(eq(users.id, user.id));
    await recordAudit(tx, actor, {
      entity: 'session',
      entityId: user.id,
      action: next.lockedUntil ? 'LOCK' : 'LOGIN_FAILED',
      after: next.lockedUntil ? { lockedUntil: next.lockedUntil } : { failedLogins: next.failedLogins },
    });
    return next.lockedUntil !== null;
  });
  return { ok: false, reason: locked ? 'locked' : 'invalid' };
}
