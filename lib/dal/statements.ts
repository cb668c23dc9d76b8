import 'server-only';
import { and, asc, eq, gte, inArray, isNotNull, lt, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type DbOrTx } from '@/db/client';
import { findAgreement } from '@/db/queries/agreements';
import { getCompany } from '@/db/queries/organization';
import { invoices, payments } from '@/db/schema';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can } from '@/lib/auth/roles';
import { branchScope, type Actor } from '@/lib/auth/scope';
import { validDate } from '@/lib/domain/billing/period';
import { toLocalDateString } from '@/lib/domain/format';
import { buildStatement, daysBetween, MAX_STATEMENT_DAYS } from '@/lib/domain/pdf/statement';
import type { StatementPdfData } from '@/lib/pdf/statement-document';
import { isUuid } from './customers';

/**
 * Statement of account of an agreement for a date range (staff: 'agreements.read' and the agreement in the
 * actor's branches; otherwise "not found"). Documents count by issue date — issued, partially paid,
 * paid; never drafts nor voided ones — and payments by payment date, CONFIRMED only (a reversed
 * payment gave its allocations back, so it never counts). Queries here: nothing else reads them.
 */

const date = (label: string) =>
  z
    .string({ error: `Indique la fecha ${label} (AAAA-MM-DD).` })
    .trim()
    .refine(validDate, { error: `La fecha ${label} no es válida: use el formato AAAA-MM-DD.` });

export const statementRangeSchema = z
  .object({ desde: date('inicial'), hasta: date('final') })
  .refine((v) => v.desde <= v.hasta, { error: 'La fecha inicial no puede ser posterior a la final.', path: ['hasta'] })
  .refine((v) => daysBetween(v.desde, v.hasta) <= MAX_STATEMENT_DAYS, { error: 'El rango no puede superar los tres años.', path: ['hasta'] });

/** Parses ?desde=&hasta= or throws a UserError with the first Spanish message. */
export function parseStatementRange(input: { desde?: string | null; hasta?: string | null }): { from: string; to: string } {
  const parsed = statementRangeSchema.safeParse({ desde: input.desde ?? undefined, hasta: input.hasta ?? undefined });
  if (!parsed.success) throw new UserError(parsed.error.issues[0]?.message ?? 'Rango de fechas no válido.');
  return { from: parsed.data.desde, to: parsed.data.hasta };
}

const COUNTED = ['ISSUED', 'PARTIALLY_PAID', 'PAID'] as const;

// The signed sum of the documents issued before `from`, in SQL (an agreement may have years of them).
async function openingDocuments(db: DbOrTx, agreementId: string, from: string) {
  return db
    .select({ docType: invoices.docType, total: sql<string>`sum(${invoices.total})::numeric(18,2)::text` })
    .from(invoices)
    .where(and(eq(invoices.agreementId, agreementId), inArray(invoices.status, [...COUNTED]), isNotNull(invoices.issueDate), lt(invoices.issueDate, from)))
    .groupBy(invoices.docType);
}

async function openingPayments(db: DbOrTx, agreementId: string, from: string) {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${payments.amount}), 0)::numeric(18,2)::text` })
    .from(payments)
    .where(and(eq(payments.agreementId, agreementId), eq(payments.status, 'CONFIRMED'), lt(payments.paidOn, from)));
  return { docType: 'PAYMENT' as const, total: row.total };
}

async function rangePayments(db: DbOrTx, agreementId: string, from: string, to: string) {
  return db
    .select({ date: payments.paidOn, receiptNumber: payments.receiptNumber, total: payments.amount })
    .from(payments)
    .where(and(eq(payments.agreementId, agreementId), eq(payments.status, 'CONFIRMED'), gte(payments.paidOn, from), lte(payments.paidOn, to)));
}

async function rangeDocuments(db: DbOrTx, agreementId: string, from: string, to: string) {
  return db
    .select({ date: invoices.issueDate, docType: invoices.docType, fiscalNumber: invoices.fiscalNumber, total: invoices.total })
    .from(invoices)
    .where(and(eq(invoices.agreementId, agreementId), inArray(invoices.status, [...COUNTED]), gte(invoices.issueDate, from), lte(invoices.issueDate, to)))
    .orderBy(asc(invoices.issueDate), asc(invoices.fiscalNumber));
}

type StatementAgreement = NonNullable<Awaited<ReturnType<typeof findAgreement>>>;

/**
 * Finds the agreement the caller may read, or undefined: the authorization of a statement (staff by
 * branch here, the portal by the session's customer in lib/dal/portal-invoices.ts).
 */
export type StatementAgreementFinder = (db: DbOrTx, agreementId: string) => Promise<StatementAgreement | undefined>;

export async function getAgreementStatement(actor: Actor, agreementId: string, range: { from: string; to: string }, db = getDb(), now = new Date()): Promise<StatementPdfData> {
  if (!can(actor.role, 'agreements.read')) throw new ForbiddenError();
  return agreementStatement((d, id) => findAgreement(d, branchScope(actor), id), agreementId, range, db, now);
}

/** The statement of the agreement `find` authorizes; unknown, invalid or refused ids are all "not found". */
export async function agreementStatement(find: StatementAgreementFinder, agreementId: string, range: { from: string; to: string }, db: DbOrTx = getDb(), now = new Date()): Promise<StatementPdfData> {
  if (!isUuid(agreementId)) throw new NotFoundError('No se encontró el acuerdo.');
  const row = await find(db, agreementId);
  if (!row) throw new NotFoundError('No se encontró el acuerdo.');
  const [company, before, paidBefore, inRange, paidInRange] = await Promise.all([
    getCompany(db),
    openingDocuments(db, agreementId, range.from),
    openingPayments(db, agreementId, range.from),
    rangeDocuments(db, agreementId, range.from, range.to),
    rangePayments(db, agreementId, range.from, range.to),
  ]);
  if (!company) throw new Error('Falta la empresa (tabla company): cargue la semilla.');
  const statement = buildStatement(
    [...before, paidBefore],
    [
      ...inRange.map((d) => ({ date: d.date!, docType: d.docType, fiscalNumber: d.fiscalNumber ?? '—', total: d.total })),
      ...paidInRange.map((p) => ({ date: p.date, docType: 'PAYMENT' as const, fiscalNumber: p.receiptNumber ?? '—', total: p.total })),
    ],
  );
  const { agreement: a, customer: c } = row;
  return {
    company: { legalName: company.legalName, tradeName: company.tradeName, taxId: company.taxId, fiscalAddress: company.fiscalAddress, phone: company.phone, email: company.email, website: company.website },
    agreement: { code: a.code, name: a.name, branchName: row.branchName, currency: a.currency, billingAddress: a.billingAddress },
    customer: { name: c.legalName, code: c.code, documentType: c.documentType, documentNumber: c.documentNumber },
    from: range.from,
    to: range.to,
    issuedOn: toLocalDateString(now),
    statement,
  };
}
