import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { recordAudit } from '@/db/queries/audit';
import * as q from '@/db/queries/customers';
import { customers } from '@/db/schema';
import { can } from '@/lib/auth/roles';
import { assertBranchInScope, branchScope, type Actor } from '@/lib/auth/scope';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import type { CustomerInput, CustomerListParams } from '@/lib/validation/customer';
import { DOCUMENT_TYPE_LABELS } from '@/lib/domain/documents';
import { listBranches, listLocalities, listProvinces } from '@/db/queries/organization';
import { uniqueViolation } from './unique-violation';

export const CUSTOMERS_PAGE_SIZE = 25;

function assertCan(actor: Actor, permission: 'customers.read' | 'customers.write') {
  if (!can(actor.role, permission)) throw new ForbiddenError();
}

export async function listCustomers(actor: Actor, params: CustomerListParams, db = getDb()) {
  assertCan(actor, 'customers.read');
  const page = params.page ?? 1;
  const result = await q.listCustomers(db, branchScope(actor), params, {
    limit: CUSTOMERS_PAGE_SIZE,
    offset: (page - 1) * CUSTOMERS_PAGE_SIZE,
  });
  return { ...result, page, pageSize: CUSTOMERS_PAGE_SIZE, pageCount: Math.max(1, Math.ceil(result.total / CUSTOMERS_PAGE_SIZE)) };
}

/** One customer within the actor's branches; another branch's customer is "not found". */
export async function getCustomer(actor: Actor, id: string, db = getDb()) {
  assertCan(actor, 'customers.read');
  if (!isUuid(id)) throw new NotFoundError('No se encontró el cliente.');
  const row = await q.findCustomer(db, branchScope(actor), id);
  if (!row) throw new NotFoundError('No se encontró el cliente.');
  return row;
}

export async function createCustomer(actor: Actor, input: CustomerInput, db = getDb()) {
  assertCan(actor, 'customers.write');
  assertBranchInScope(branchScope(actor), input.branchId);
  // Two creations at once can draw the same next code; the unique index refuses one, which retries.
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        await assertDocumentFree(tx, input);
        const code = await q.nextCustomerCode(tx);
        const [created] = await tx.insert(customers).values({ ...input, code }).returning();
        await recordAudit(tx, actor, { entity: 'customer', entityId: created.id, action: 'CREATE', after: created });
        return created;
      });
    } catch (err) {
      if (uniqueViolation(err) === 'customers_code_unique' && attempt < 5) continue;
      translateUniqueViolation(err);
    }
  }
}

export async function updateCustomer(actor: Actor, id: string, input: CustomerInput, db = getDb()) {
  assertCan(actor, 'customers.write');
  const scope = branchScope(actor);
  return db.transaction(async (tx) => {
    const existing = await q.findCustomer(tx, scope, id);
    if (!existing) throw new NotFoundError('No se encontró el cliente.');
    // Moving a customer to a branch one does not serve is a write to that branch too.
    assertBranchInScope(scope, input.branchId);
    await assertDocumentFree(tx, input, id);
    const [updated] = await tx
      .update(customers)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(customers.id, id))
      .returning();
    await recordAudit(tx, actor, { entity: 'customer', entityId: id, action: 'UPDATE', before: existing.customer, after: updated });
    return updated;
  }).catch(translateUniqueViolation);
}

export async function* exportCustomers(actor: Actor, params: CustomerListParams, db = getDb()) {
  assertCan(actor, 'customers.read');
  yield* q.iterateCustomers(db, branchScope(actor), params);
}

async function assertDocumentFree(tx: Parameters<typeof q.findCustomerByDocument>[0], input: CustomerInput, exceptId?: string) {
  const dup = await q.findCustomerByDocument(tx, input.documentType, input.documentNumber);
  if (dup && dup.id !== exceptId) {
    throw new UserError('Ya existe un cliente con ese documento.', {
      documentNumber: [`Ya registrado: ${dup.code} — ${dup.legalName} (${DOCUMENT_TYPE_LABELS[input.documentType]}).`],
    });
  }
}

// Two concurrent creations with one document: the unique index decides, the user gets words.
function translateUniqueViolation(err: unknown): never {
  if (uniqueViolation(err) === 'customers_document_uq') {
    throw new UserError('Ya existe un cliente con ese documento.', { documentNumber: ['Documento ya registrado.'] });
  }
  throw err;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(s: string) {
  return UUID_RE.test(s);
}

/** Choices for the customer form: only branches the actor may write to. */
export async function customerFormOptions(actor: Actor, db = getDb()) {
  assertCan(actor, 'customers.read');
  const scope = branchScope(actor);
  const [branchRows, provinceRows, localityRows] = await Promise.all([
    listBranches(db, scope.all ? undefined : scope.branchIds),
    listProvinces(db),
    listLocalities(db),
  ]);
  return {
    branches: branchRows.filter((b) => b.active).map((b) => ({ id: b.id, name: b.name })),
    provinces: provinceRows.map((p) => ({ id: p.id, name: p.name })),
    localities: localityRows,
  };
}
