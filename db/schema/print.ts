import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { billingRuns, invoiceClassEnum, invoiceOriginEnum } from './billing';
import { agreements } from './crm';
import { customers } from './customers';
import { timestamps } from './organization';
import { users } from './users';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const PAPER_SIZES = ['LETTER', 'A4'] as const;
export const paperSizeEnum = pgEnum('paper_size', PAPER_SIZES);

/** Columns an invoice's lines table may show, in print order. */
export const PRINT_COLUMNS = ['quantity', 'unitPrice', 'net', 'tax', 'total'] as const;
export type PrintColumn = (typeof PRINT_COLUMNS)[number];

/** An administrator's invoice format (plantilla): paper, logo, colour, blocks, columns. */
export const printFormats = pgTable('print_formats', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: varchar('code', { length: 20 }).notNull().unique(),
  name: varchar('name', { length: 120 }).notNull(),
  paperSize: paperSizeEnum('paper_size').notNull().default('LETTER'),
  accentColor: varchar('accent_color', { length: 7 }).notNull().default('#0f4c81'),
  // PNG or JPEG, checked by content and size when uploaded.
  logo: bytea('logo'),
  logoMime: varchar('logo_mime', { length: 20 }),
  showConsumptionChart: boolean('show_consumption_chart').notNull().default(true),
  chartPeriods: smallint('chart_periods').notNull().default(12),
  showPaymentQr: boolean('show_payment_qr').notNull().default(true),
  showBarcode: boolean('show_barcode').notNull().default(true),
  showNotes: boolean('show_notes').notNull().default(true),
  legalFooter: text('legal_footer').notNull().default(''),
  // A subset of PRINT_COLUMNS; the description column always prints.
  columns: jsonb('columns').$type<PrintColumn[]>().notNull().default(['quantity', 'unitPrice', 'net', 'tax', 'total']),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by').references(() => users.id),
  ...timestamps,
}, (t) => [
  check('print_formats_accent', sql`${t.accentColor} ~ '^#[0-9a-fA-F]{6}$'`),
  check('print_formats_chart_periods', sql`${t.chartPeriods} between 6 and 12`),
  check('print_formats_logo', sql`(${t.logo} is null) = (${t.logoMime} is null) and (${t.logoMime} is null or ${t.logoMime} in ('image/png', 'image/jpeg'))`),
]);

/** The company's default format per invoice class (when an agreement has no assignment). */
export const printFormatDefaults = pgTable('print_format_defaults', {
  invoiceClass: invoiceClassEnum('invoice_class').primaryKey(),
  formatId: uuid('format_id').notNull().references(() => printFormats.id),
  updatedBy: uuid('updated_by').references(() => users.id),
  ...timestamps,
});

/**
 * Print format assignment (the seed's "Formato de impresión"): identifier, class, agreement, format
 * and type AUTOMATIC (invoices from billing runs) or MANUAL (invoices typed by staff); one per
 * agreement, class and type.
 */
export const printFormatAssignments = pgTable('print_format_assignments', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: varchar('code', { length: 20 }).notNull().unique(),
  invoiceClass: invoiceClassEnum('invoice_class').notNull(),
  agreementId: uuid('agreement_id').notNull().references(() => agreements.id),
  formatId: uuid('format_id').notNull().references(() => printFormats.id),
  type: invoiceOriginEnum('type').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  ...timestamps,
}, (t) => [uniqueIndex('print_format_assignments_uq').on(t.agreementId, t.invoiceClass, t.type)]);

export const PDF_BATCH_STATUSES = ['QUEUED', 'RUNNING', 'DONE', 'FAILED'] as const;
export const pdfBatchStatusEnum = pgEnum('pdf_batch_status', PDF_BATCH_STATUSES);

/** A background batch of invoice PDFs (e.g. all of a billing run's) packed into one ZIP. */
export const pdfBatches = pgTable('pdf_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  billingRunId: uuid('billing_run_id').references(() => billingRuns.id),
  // What the batch covers when it is not a whole run, e.g. { invoiceIds } or a portal filter.
  selection: jsonb('selection').$type<Record<string, unknown>>().notNull().default({}),
  // Set for a portal client's batch: only that customer's user may see or download it.
  customerId: uuid('customer_id').references(() => customers.id),
  status: pdfBatchStatusEnum('status').notNull().default('QUEUED'),
  total: integer('total').notNull().default(0),
  done: integer('done').notNull().default(0),
  pages: integer('pages').notNull().default(0),
  // Where the finished ZIP lies (under the data folder) and its size.
  filePath: text('file_path'),
  bytes: bigint('bytes', { mode: 'number' }),
  message: text('message'),
  requestedBy: uuid('requested_by').references(() => users.id),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  ...timestamps,
});
