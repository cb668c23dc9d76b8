import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { accounts, printFormatAssignments, printFormatDefaults, printFormats } from '../schema';

export type PrintFormatRow = typeof printFormats.$inferSelect;
export type NewPrintFormatRow = typeof printFormats.$inferInsert;
export type PrintAssignmentRow = typeof printFormatAssignments.$inferSelect;
type InvoiceClass = PrintAssignmentRow['invoiceClass'];

/** Every column but the logo bytes (lists and forms say only whether there is one). */
const formatSummary = {
  id: printFormats.id,
  code: printFormats.code,
  name: printFormats.name,
  paperSize: printFormats.paperSize,
  accentColor: printFormats.accentColor,
  logoMime: printFormats.logoMime,
  logoBytes: sql<number | null>`octet_length(${printFormats.logo})`,
  showConsumptionChart: printFormats.showConsumptionChart,
  chartPeriods: printFormats.chartPeriods,
  showPaymentQr: printFormats.showPaymentQr,
  showBarcode: printFormats.showBarcode,
  showNotes: printFormats.showNotes,
  legalFooter: printFormats.legalFooter,
  columns: printFormats.columns,
  active: printFormats.active,
  createdAt: printFormats.createdAt,
  updatedAt: printFormats.updatedAt,
};

/** Every format with how many assignments use it and the classes it is the company default of. */
export async function listPrintFormats(db: DbOrTx) {
  return db
    .select({
      ...formatSummary,
      assignments: sql<number>`(select count(*)::int from ${printFormatAssignments} a where a.format_id = "print_formats"."id")`,
      defaultFor: sql<InvoiceClass[]>`coalesce((select array_agg(d.invoice_class::text order by d.invoice_class) from ${printFormatDefaults} d where d.format_id = "print_formats"."id"), '{}')`,
    })
    .from(printFormats)
    .orderBy(asc(printFormats.name), asc(printFormats.code));
}

export async function findPrintFormat(db: DbOrTx, id: string) {
  const [row] = await db.select(formatSummary).from(printFormats).where(eq(printFormats.id, id)).limit(1);
  return row;
}

/** The stored logo of a format, or undefined. */
export async function findPrintFormatLogo(db: DbOrTx, id: string) {
  const [row] = await db.select({ logo: printFormats.logo, logoMime: printFormats.logoMime }).from(printFormats).where(eq(printFormats.id, id)).limit(1);
  return row?.logo && row.logoMime ? { bytes: row.logo, mime: row.logoMime } : undefined;
}

export async function lockPrintFormat(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(printFormats).where(eq(printFormats.id, id)).for('update');
  return row;
}

export async function findPrintFormatByCode(db: DbOrTx, code: string, exceptId?: string) {
  const [row] = await db
    .select({ id: printFormats.id, name: printFormats.name })
    .from(printFormats)
    .where(and(eq(printFormats.code, code), exceptId ? ne(printFormats.id, exceptId) : undefined))
    .limit(1);
  return row;
}

export async function insertPrintFormat(tx: DbOrTx, values: NewPrintFormatRow) {
  const [row] = await tx.insert(printFormats).values(values).returning();
  return row;
}

export async function updatePrintFormatRow(tx: DbOrTx, id: string, patch: Partial<NewPrintFormatRow>) {
  const [row] = await tx
    .update(printFormats)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(printFormats.id, id))
    .returning();
  return row;
}

/** How many assignments and company defaults point at the format. */
export async function printFormatUses(db: DbOrTx, id: string) {
  const [assignments, defaults] = await Promise.all([db.$count(printFormatAssignments, eq(printFormatAssignments.formatId, id)), db.$count(printFormatDefaults, eq(printFormatDefaults.formatId, id))]);
  return { assignments, defaults };
}

// Company defaults

export async function listPrintFormatDefaults(db: DbOrTx) {
  return db
    .select({ invoiceClass: printFormatDefaults.invoiceClass, formatId: printFormatDefaults.formatId, code: printFormats.code, name: printFormats.name })
    .from(printFormatDefaults)
    .innerJoin(printFormats, eq(printFormats.id, printFormatDefaults.formatId))
    .orderBy(asc(printFormatDefaults.invoiceClass));
}

export async function lockPrintFormatDefault(tx: DbOrTx, invoiceClass: InvoiceClass) {
  const [row] = await tx.select().from(printFormatDefaults).where(eq(printFormatDefaults.invoiceClass, invoiceClass)).for('update');
  return row;
}

export async function upsertPrintFormatDefault(tx: DbOrTx, invoiceClass: InvoiceClass, formatId: string, userId: string | null) {
  const [row] = await tx
    .insert(printFormatDefaults)
    .values({ invoiceClass, formatId, updatedBy: userId })
    .onConflictDoUpdate({ target: printFormatDefaults.invoiceClass, set: { formatId, updatedBy: userId, updatedAt: new Date() } })
    .returning();
  return row;
}

export async function deletePrintFormatDefault(tx: DbOrTx, invoiceClass: InvoiceClass) {
  await tx.delete(printFormatDefaults).where(eq(printFormatDefaults.invoiceClass, invoiceClass));
}

// Assignments (per agreement)

export async function listAgreementPrintAssignments(db: DbOrTx, agreementId: string) {
  return db
    .select({
      id: printFormatAssignments.id,
      code: printFormatAssignments.code,
      invoiceClass: printFormatAssignments.invoiceClass,
      type: printFormatAssignments.type,
      formatId: printFormatAssignments.formatId,
      formatCode: printFormats.code,
      formatName: printFormats.name,
      formatActive: printFormats.active,
      createdAt: printFormatAssignments.createdAt,
    })
    .from(printFormatAssignments)
    .innerJoin(printFormats, eq(printFormats.id, printFormatAssignments.formatId))
    .where(eq(printFormatAssignments.agreementId, agreementId))
    .orderBy(asc(printFormatAssignments.invoiceClass), asc(printFormatAssignments.type));
}

export async function findPrintAssignment(db: DbOrTx, id: string) {
  const [row] = await db.select().from(printFormatAssignments).where(eq(printFormatAssignments.id, id)).limit(1);
  return row;
}

export async function findPrintAssignmentFor(db: DbOrTx, key: { agreementId: string; invoiceClass: InvoiceClass; type: PrintAssignmentRow['type'] }) {
  const [row] = await db
    .select({ code: printFormatAssignments.code, formatName: printFormats.name })
    .from(printFormatAssignments)
    .innerJoin(printFormats, eq(printFormats.id, printFormatAssignments.formatId))
    .where(and(eq(printFormatAssignments.agreementId, key.agreementId), eq(printFormatAssignments.invoiceClass, key.invoiceClass), eq(printFormatAssignments.type, key.type)))
    .limit(1);
  return row;
}

export async function insertPrintAssignment(tx: DbOrTx, values: typeof printFormatAssignments.$inferInsert) {
  const [row] = await tx.insert(printFormatAssignments).values(values).returning();
  return row;
}

export async function deletePrintAssignmentRow(tx: DbOrTx, id: string) {
  const [row] = await tx.delete(printFormatAssignments).where(eq(printFormatAssignments.id, id)).returning();
  return row;
}

/** Active formats to choose from in an assignment or a default. */
export async function listActivePrintFormatOptions(db: DbOrTx) {
  return db.select({ id: printFormats.id, code: printFormats.code, name: printFormats.name }).from(printFormats).where(eq(printFormats.active, true)).orderBy(asc(printFormats.name));
}

// What an invoice prints with

/** The accounts of an agreement (or of one of its groups). */
export async function accountIdsOf(db: DbOrTx, by: { agreementId: string; accountGroupId?: string | null }) {
  const rows = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(by.accountGroupId ? eq(accounts.groupId, by.accountGroupId) : eq(accounts.agreementId, by.agreementId));
  return rows.map((r) => r.id);
}

