/**
 * The invoice PDF data of many stored invoices at once, for the batch renderer (a billing run's
 * ZIP, the benchmark). No session and no 'server-only': the batch was authorized when it was
 * requested (lib/dal/pdf-batches.ts), and the job and the scripts run outside Next. It builds the
 * same InvoicePdfData and format as the route's loader (lib/pdf/invoice-data.ts, which is tied to
 * an Actor), from what was stored at issue, in a handful of queries per batch instead of several
 * per invoice.
 */
import { and, asc, eq, gt, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { anyUuid } from '@/db/queries/billing-runs';
import { getCompany } from '@/db/queries/organization';
import { accountIdsOf } from '@/db/queries/print-formats';
import { agreements, branches, customers, invoiceItems, invoicePrintableItems, invoices, meterReadings, printFormatAssignments, printFormatDefaults, printFormats } from '@/db/schema';
import { shiftPeriod } from '@/lib/domain/billing/period';
import { BUILT_IN_PRINT_FORMAT, selectFormat, type PrintFormat } from '@/lib/domain/pdf/print-format';
import { toPrintFormat } from '../format-row';
import { companyPdfData, invoicePdfData } from '../invoice-pdf-data';
import type { InvoicePdfData, InvoicePdfLine } from '../types';

/** `formatKey` names the format within a batch (its row id, or 'built-in'): tasks send each format once. */
export type BatchInvoice = { id: string; data: InvoicePdfData; format: PrintFormat; formatKey: string };

type FormatRow = typeof printFormats.$inferSelect;

/**
 * Format selection for many agreements at once (selectFormat): the agreements' assignments and the
 * company defaults in two queries, each format row converted once (its logo becomes a data URI once
 * per batch). The route's loader (invoice-data.ts) goes through here too, for one invoice.
 */
async function formatChooser(db: DbOrTx, agreementIds: string[]) {
  const [assigned, defaults] = await Promise.all([
    agreementIds.length
      ? db
          .select({ agreementId: printFormatAssignments.agreementId, invoiceClass: printFormatAssignments.invoiceClass, type: printFormatAssignments.type, format: printFormats })
          .from(printFormatAssignments)
          .innerJoin(printFormats, eq(printFormats.id, printFormatAssignments.formatId))
          .where(inArray(printFormatAssignments.agreementId, agreementIds))
      : Promise.resolve([]),
    db.select({ invoiceClass: printFormatDefaults.invoiceClass, format: printFormats }).from(printFormatDefaults).innerJoin(printFormats, eq(printFormats.id, printFormatDefaults.formatId)),
  ]);
  const converted = new Map<PrintFormat, string>([[BUILT_IN_PRINT_FORMAT, 'built-in']]);
  const byRowId = new Map<string, PrintFormat>();
  const convert = (row: FormatRow) => {
    let f = byRowId.get(row.id);
    if (!f) {
      f = toPrintFormat(row);
      byRowId.set(row.id, f);
      converted.set(f, row.id);
    }
    return f;
  };
  const config = {
    assignments: assigned.map((a) => ({ agreementId: a.agreementId, invoiceClass: a.invoiceClass, type: a.type, format: convert(a.format) })),
    defaults: defaults.map((d) => ({ invoiceClass: d.invoiceClass, format: convert(d.format) })),
  };
  return (inv: { agreementId: string; invoiceClass: InvoicePdfData['document']['invoiceClass']; origin: InvoicePdfData['document']['origin'] }) => {
    const { format } = selectFormat(config, inv);
    return { format, formatKey: converted.get(format)! };
  };
}

type ChartInvoice = { id: string; agreementId: string; accountId: string | null; accountGroupId: string | null; period: string | null; issueDate: string | null; periods: number };

/**
 * The consumption chart's data of many invoices: the accounts
 * their lines name — else the account, group or agreement they bill — and those accounts' readings
 * over each invoice's window, summed per period.
 */
async function consumptionOfMany(db: DbOrTx, list: ChartInvoice[]): Promise<Map<string, { period: string; m3: number }[]>> {
  const out = new Map<string, { period: string; m3: number }[]>();
  const windows = list
    .map((inv) => {
      const end = inv.period ?? inv.issueDate?.slice(0, 7);
      return end ? { inv, end, from: shiftPeriod(end, 1 - (inv.period ? inv.periods : 2 * inv.periods)) } : null;
    })
    .filter((w): w is NonNullable<typeof w> => !!w);
  if (!windows.length) return out;
  const lineAccounts = await db
    .selectDistinct({ invoiceId: invoiceItems.invoiceId, accountId: invoiceItems.accountId })
    .from(invoiceItems)
    .where(and(inArray(invoiceItems.invoiceId, windows.map((w) => w.inv.id)), sql`${invoiceItems.accountId} is not null`));
  const accountsOf = new Map<string, string[]>();
  for (const r of lineAccounts) {
    let list = accountsOf.get(r.invoiceId);
    if (!list) accountsOf.set(r.invoiceId, (list = []));
    list.push(r.accountId!);
  }
  for (const w of windows) {
    // A manual invoice of one-off charges names no account: the ones it bills.
    if (!accountsOf.has(w.inv.id)) accountsOf.set(w.inv.id, w.inv.accountId ? [w.inv.accountId] : await accountIdsOf(db, { agreementId: w.inv.agreementId, accountGroupId: w.inv.accountGroupId }));
  }
  const allAccounts = [...new Set([...accountsOf.values()].flat())];
  if (!allAccounts.length) return out;
  const from = windows.reduce((m, w) => (w.from < m ? w.from : m), windows[0].from);
  const to = windows.reduce((m, w) => (w.end > m ? w.end : m), windows[0].end);
  const readings = await db
    .select({ accountId: meterReadings.accountId, period: meterReadings.period, m3: meterReadings.consumption })
    .from(meterReadings)
    .where(and(inArray(meterReadings.accountId, allAccounts), sql`${meterReadings.period} between ${from} and ${to}`));
  const readingsOf = new Map<string, { period: string; m3: number }[]>();
  for (const r of readings) {
    let list = readingsOf.get(r.accountId);
    if (!list) readingsOf.set(r.accountId, (list = []));
    list.push({ period: r.period, m3: r.m3 });
  }
  for (const w of windows) {
    const sums = new Map<string, number>();
    for (const a of accountsOf.get(w.inv.id) ?? []) {
      for (const r of readingsOf.get(a) ?? []) if (r.period >= w.from && r.period <= w.end) sums.set(r.period, (sums.get(r.period) ?? 0) + r.m3);
    }
    out.set(w.inv.id, [...sums].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, m3]) => ({ period, m3 })));
  }
  return out;
}

/** Printable (issued, numbered) invoices only: drafts have no PDF. */
const printable = and(isNotNull(invoices.fiscalNumber), ne(invoices.status, 'DRAFT'));

/**
 * The PDF data of `ids`, in the order given; ids that are unknown or drafts are left out.
 * Amounts are the stored strings; nothing is recomputed.
 */
export async function loadInvoicePdfBatch(db: DbOrTx, ids: readonly string[]): Promise<BatchInvoice[]> {
  if (!ids.length) return [];
  const [company, rows, lineRows] = await Promise.all([
    getCompany(db),
    db
      .select({
        invoice: invoices,
        customerCode: customers.code,
        customerName: customers.legalName,
        agreementCode: agreements.code,
        agreementName: agreements.name,
        branchName: branches.name,
      })
      .from(invoices)
      .innerJoin(customers, eq(customers.id, invoices.customerId))
      .innerJoin(agreements, eq(agreements.id, invoices.agreementId))
      .innerJoin(branches, eq(branches.id, invoices.branchId))
      .where(and(inArray(invoices.id, [...ids]), printable)),
    db
      .select()
      .from(invoicePrintableItems)
      .where(inArray(invoicePrintableItems.invoiceId, [...ids]))
      .orderBy(asc(invoicePrintableItems.invoiceId), asc(invoicePrintableItems.lineNo)),
  ]);
  if (!company) throw new Error('Falta la empresa (tabla company): cargue la semilla.');

  const parentIds = [...new Set(rows.map((r) => r.invoice.relatedInvoiceId).filter((v): v is string => !!v))];
  const parents = parentIds.length
    ? await db.select({ id: invoices.id, fiscalNumber: invoices.fiscalNumber }).from(invoices).where(inArray(invoices.id, parentIds))
    : [];
  const parentNumber = new Map(parents.map((p) => [p.id, p.fiscalNumber]));

  const linesOf = new Map<string, InvoicePdfLine[]>();
  for (const p of lineRows) {
    let list = linesOf.get(p.invoiceId);
    if (!list) linesOf.set(p.invoiceId, (list = []));
    list.push({ lineNo: p.lineNo, description: p.description, quantity: p.quantity, unitPrice: p.unitPrice, net: p.net, tax: p.tax, total: p.total });
  }

  const companyData = companyPdfData(company);
  const chooseFormat = await formatChooser(db, [...new Set(rows.map((r) => r.invoice.agreementId))]);
  const byId = new Map<string, BatchInvoice>();
  const charted: ChartInvoice[] = [];
  for (const r of rows) {
    const inv = r.invoice;
    const data = invoicePdfData({
      company: companyData,
      invoice: inv,
      relatedFiscalNumber: inv.relatedInvoiceId ? (parentNumber.get(inv.relatedInvoiceId) ?? null) : null,
      agreementCode: r.agreementCode,
      agreementName: r.agreementName,
      branchName: r.branchName,
      customerName: r.customerName,
      customerCode: r.customerCode,
      lines: linesOf.get(inv.id) ?? [],
    });
    const { format, formatKey } = chooseFormat(inv);
    if (format.showConsumptionChart) charted.push({ ...inv, periods: format.chartPeriods });
    byId.set(inv.id, { id: inv.id, data, format, formatKey });
  }
  const consumption = await consumptionOfMany(db, charted);
  for (const [id, series] of consumption) byId.get(id)!.data.consumption = series;
  return ids.map((id) => byId.get(id)).filter((v): v is BatchInvoice => !!v);
}

/** The printable invoices of a billing run, `limit` ids after `afterId` (keyset by id). */
export async function runInvoiceIds(db: DbOrTx, runId: string, afterId: string | null, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.billingRunId, runId), printable, afterId ? gt(invoices.id, afterId) : undefined))
    .orderBy(asc(invoices.id))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** How many printable invoices a billing run has. */
export async function countRunInvoices(db: DbOrTx, runId: string): Promise<number> {
  return db.$count(invoices, and(eq(invoices.billingRunId, runId), printable));
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Of `ids`, the printable invoices that belong to `customerId`, in the order given (duplicates,
 * malformed ids and anything of another customer are left out): a portal batch renders only these,
 * whatever its stored selection says.
 */
export async function customerInvoiceIds(db: DbOrTx, customerId: string, ids: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(ids.filter((id) => UUID_RE.test(id)).map((id) => id.toLowerCase()))];
  if (!wanted.length) return [];
  const rows = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(anyUuid(invoices.id, wanted), eq(invoices.customerId, customerId), printable));
  const owned = new Set(rows.map((r) => r.id));
  return wanted.filter((id) => owned.has(id));
}
