import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { DEMO_PASSWORD, seedDemo } from '@/db/seed';
import { verifyCredentials } from '@/lib/auth/credentials';
import { hashPassword } from '@/lib/auth/password';
import { createTestDatabase } from '../support/db';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
});
afterAll(() => h.close());

describe('verifyCredentials', () => {
  it('accepts the demo password and records the login', async () => {
    const res = await verifyCredentials(h.db, 'Admin@Cauce.example ', DEMO_PASSWORD);
    expect(res).toMatchObject({ ok: true, user: { email: 'admin@cauce.example', role: 'ADMIN', customerId: null, branchIds: [] } });
    const rows = await h.db.select().from(auditLog).where(eq(auditLog.action, 'LOGIN'));
    expect(rows.some((r) => r.userEmail === 'admin@cauce.example')).toBe(true);
  });

  it('stores passwords as argon2id hashes, never in clear', async () => {
    const [u] = await h.db.select().from(users).where(eq(users.email, 'admin@cauce.example'));
    expect(u.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect(u.passwordHash).not.toContain(DEMO_PASSWORD);
  });

  it('refuses unknown e-mails like wrong passwords', async () => {
    expect(await verifyCredentials(h.db, 'nadie@cauce.example', DEMO_PASSWORD)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('locks after five failures for 15 minutes, refusing even the right password', async () => {
    const t0 = new Date('2030-01-01T12:00:00Z');
    for (let i = 1; i <= 4; i++) {
      expect(await verifyCredentials(h.db, 'auditor@cauce.example', 'mala-clave', t0)).toEqual({ ok: false, reason: 'invalid' });
    }
    // 5th failure → locked
    expect(await verifyCredentials(h.db, 'auditor@cauce.example', 'mala-clave', t0)).toEqual({ ok: false, reason: 'locked' });
    const t14 = new Date(t0.getTime() + 14 * 60_000);
    expect(await verifyCredentials(h.db, 'auditor@cauce.example', DEMO_PASSWORD, t14)).toEqual({ ok: false, reason: 'locked' });
    const t15 = new Date(t0.getTime() + 15 * 60_000 + 1);
    expect((await verifyCredentials(h.db, 'auditor@cauce.example', DEMO_PASSWORD, t15)).ok).toBe(true);
    const locks = await h.db.select().from(auditLog).where(eq(auditLog.action, 'LOCK'));
    expect(locks).toHaveLength(1);
  });

  it('refuses a deactivated user', async () => {
    await h.db.update(users).set({ active: false, passwordHash: await hashPassword('Otra.Clave2026') }).where(eq(users.email, 'inspector@cauce.example'));
    expect(await verifyCredentials(h.db, 'inspector@cauce.example', 'Otra.Clave2026')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('audit log', () => {
  it('is append-only in the database', async () => {
    await expect(h.db.update(auditLog).set({ entity: 'x' })).rejects.toThrow();
    await expect(h.db.delete(auditLog)).rejects.toThrow();
    expect(await h.db.$count(auditLog)).toBeGreaterThan(0);
  });
});

describe('session scopes', () => {
  it('carries the branches of branch staff and the customer of a client', async () => {
    const staff = await verifyCredentials(h.db, 'sucursal@cauce.example', DEMO_PASSWORD);
    const client = await verifyCredentials(h.db, 'cliente@cauce.example', DEMO_PASSWORD);
    expect(staff.ok && staff.user.branchIds).toHaveLength(1);
    expect(client.ok && client.user.customerId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
