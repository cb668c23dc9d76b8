import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { seedDemo } from '@/db/seed';
import { ForbiddenError } from '@/lib/auth/errors';
import { portalCustomer } from '@/lib/dal/portal';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

let h: DatabaseHandle;
beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
});
afterAll(() => h.close());

describe('portal data', () => {
  it('gives each client user only its own customer', async () => {
    const one = await portalCustomer(await actorFor('cliente@cauce.example'));
    const two = await portalCustomer(await actorFor('cliente2@cauce.example'));
    expect(one.customer.legalName).toBe('Industrias Alimenticias del Cibao, S.A.');
    expect(two.customer.legalName).toBe('Cervecería Nacional del Este, S.R.L.');
  });

  it('ignores any customer id but the session one', async () => {
    const actor = await actorFor('cliente@cauce.example');
    const other = await actorFor('cliente2@cauce.example');
    // Even a tampered actor object cannot widen scope for a non-client role.
    await expect(portalCustomer({ ...other, role: 'BRANCH_STAFF' })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await portalCustomer(actor)).customer.id).toBe(actor.customerId);
  });

  it('refuses staff roles', async () => {
    await expect(portalCustomer(await actorFor('admin@cauce.example'))).rejects.toBeInstanceOf(ForbiddenError);
  });
});
