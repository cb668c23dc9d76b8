import 'server-only';
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { listAgreementPaymentMethods } from '@/db/queries/payment-methods';
import { accountGroups, accounts, agreements, branches, customers, delinquencyLevels, invoices, localities, provinces, tariffCategories } from '@/db/schema';
import { NotFoundError } from '@/lib/auth/errors';
import type { Actor } from '@/lib/auth/scope';
import { portalBanner } from '@/lib/domain/portal/home';
import { isUuid } from './customers';
import { portalCustomerId } from './portal';

/**
 * The customer's agreements, account groups and accounts as the portal shows them: read-only, the
 * seed manual's fields a client may see, listed explicitly (never whole rows) so internal columns —
 * status reasons, notes, dynamic attributes, work orders, audit — and any column added later stay
 * out. Everything is filtered by the session's customer; another customer's agreement is "not
 * found", exactly as one that does not exist.
 */

const agreementNotFound = () => new NotFoundError('No se encontró el acuerdo.');

const openBalance = sql<string>`coalesce((select sum(i.balance) from ${invoices} i where i.agreement_id = ${agreements.id} and i.status in ('ISSUED', 'PARTIALLY_PAID') and i.doc_type in ('INVOICE', 'DEBIT_NOTE') and i.balance > 0 and i.currency = ${agreements.currency}), 0)::numeric(14,2)::text`;

/** The customer's agreements, active ones first, with how many groups and accounts each has and what it owes. */
export async function listPortalAgreements(actor: Actor, db: Db = getDb()) {
  const customerId = portalCustomerId(actor);
  return db
    .select({
      id: agreements.id,
      code: agreements.code,
      name: agreements.name,
      status: agreements.status,
      currency: agreements.currency,
      billingMode: agreements.billingMode,
      delinquencyStatus: agreements.delinquencyStatus,
      billingAddress: agreements.billingAddress,
      branchName: branches.name,
      groupCount: sql<number>`(select count(*)::int from ${accountGroups} g where g.agreement_id = ${agreements.id})`,
      accountCount: sql<number>`(select count(*)::int from ${accounts} a where a.agreement_id = ${agreements.id})`,
      balanceDue: openBalance,
    })
    .from(agreements)
    .innerJoin(branches, eq(branches.id, agreements.branchId))
    .where(eq(agreements.customerId, customerId))
    .orderBy(sql`case ${agreements.status} when 'ACTIVE' then 0 when 'SUSPENDED' then 1 when 'NEW' then 2 else 3 end`, asc(agreements.code));
}

/** One agreement of the customer with its groups, accounts and (masked) payment methods. */
export async function getPortalAgreement(actor: Actor, id: string, db: Db = getDb()) {
  const customerId = portalCustomerId(actor);
  if (!isUuid(id)) throw agreementNotFound();
  const [row] = await db
    .select({
      agreement: {
        id: agreements.id,
        code: agreements.code,
        name: agreements.name,
        status: agreements.status,
        billingAddress: agreements.billingAddress,
        billingMode: agreements.billingMode,
        billingOpportunity: agreements.billingOpportunity,
        currency: agreements.currency,
        itemGrouping: agreements.itemGrouping,
        graceDays: agreements.graceDays,
        dueDays: agreements.dueDays,
        delinquencyStatus: agreements.delinquencyStatus,
        delinquencyExempt: agreements.delinquencyExempt,
        delinquencySince: agreements.delinquencySince,
        email: agreements.email,
        discountPct: agreements.discountPct,
        slaHours: agreements.slaHours,
        billingFrequency: agreements.billingFrequency,
        anchorMonth: agreements.anchorMonth,
        validFrom: agreements.validFrom,
        validTo: agreements.validTo,
      },
      customer: { legalName: customers.legalName, documentType: customers.documentType, documentNumber: customers.documentNumber },
      branchName: branches.name,
      localityName: localities.name,
      provinceName: provinces.name,
      level: { name: delinquencyLevels.name, actions: delinquencyLevels.actions, bannerText: delinquencyLevels.bannerText, active: delinquencyLevels.active },
      balanceDue: openBalance,
    })
    .from(agreements)
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .innerJoin(branches, eq(branches.id, agreements.branchId))
    .innerJoin(localities, eq(localities.id, agreements.localityId))
    .innerJoin(provinces, eq(provinces.id, localities.provinceId))
    .leftJoin(delinquencyLevels, eq(delinquencyLevels.id, agreements.delinquencyLevelId))
    .where(and(eq(agreements.id, id), eq(agreements.customerId, customerId)));
  if (!row) throw agreementNotFound();
  const [groups, accountRows, methods] = await Promise.all([
    db
      .select({
        id: accountGroups.id,
        code: accountGroups.code,
        name: accountGroups.name,
        status: accountGroups.status,
        branchName: branches.name,
        billingAddress: accountGroups.billingAddress,
        deliveryAddress: accountGroups.deliveryAddress,
        email: accountGroups.email,
      })
      .from(accountGroups)
      .innerJoin(branches, eq(branches.id, accountGroups.branchId))
      .where(eq(accountGroups.agreementId, row.agreement.id))
      .orderBy(asc(accountGroups.code)),
    portalAccounts(db, and(eq(accounts.agreementId, row.agreement.id), eq(agreements.customerId, customerId))),
    listAgreementPaymentMethods(db, row.agreement.id),
  ]);
  const a = row.agreement;
  const level = row.level?.actions ? { name: row.level.name, actions: row.level.actions, bannerText: row.level.bannerText, active: row.level.active } : null;
  return {
    agreement: a,
    customer: row.customer,
    branchName: row.branchName,
    localityName: row.localityName,
    provinceName: row.provinceName,
    balanceDue: row.balanceDue,
    levelName: a.delinquencyStatus === 'DELINQUENT' ? (level?.name ?? null) : null,
    banner: portalBanner(a, level),
    groups,
    accounts: accountRows,
    paymentMethods: methods
      .filter((m) => m.active)
      .map((m) => ({ id: m.id, method: m.method, entityName: m.entityName, instrumentLast4: m.instrumentLast4, expiryMonth: m.expiryMonth, expiryYear: m.expiryYear, isDefault: m.isDefault })),
  };
}

export const ACCOUNT_SEARCH_LIMIT = 50;

/**
 * The customer's accounts matching a number, meter, description or service address (at most
 * ACCOUNT_SEARCH_LIMIT, by number). Another customer's account never matches.
 */
export async function searchPortalAccounts(actor: Actor, q: string, db: Db = getDb()) {
  const customerId = portalCustomerId(actor);
  const term = q.trim().slice(0, 100);
  if (!term) return [];
  const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return portalAccounts(
    db,
    and(eq(agreements.customerId, customerId), or(ilike(accounts.number, like), ilike(accounts.meterNumber, like), ilike(accounts.description, like), ilike(accounts.serviceAddress, like))),
    ACCOUNT_SEARCH_LIMIT,
  );
}

function portalAccounts(db: Db, where: ReturnType<typeof and>, limit?: number) {
  const query = db
    .select({
      id: accounts.id,
      number: accounts.number,
      description: accounts.description,
      serviceAddress: accounts.serviceAddress,
      localityName: localities.name,
      tariffCategory: tariffCategories.name,
      meterNumber: accounts.meterNumber,
      status: accounts.status,
      startDate: accounts.startDate,
      groupId: accounts.groupId,
      groupName: accountGroups.name,
      agreementId: agreements.id,
      agreementCode: agreements.code,
    })
    .from(accounts)
    .innerJoin(agreements, eq(agreements.id, accounts.agreementId))
    .innerJoin(tariffCategories, eq(tariffCategories.id, accounts.tariffCategoryId))
    .leftJoin(localities, eq(localities.id, accounts.localityId))
    .leftJoin(accountGroups, eq(accountGroups.id, accounts.groupId))
    .where(where)
    .orderBy(asc(accounts.number))
    .$dynamic();
  return limit ? query.limit(limit) : query;
}
