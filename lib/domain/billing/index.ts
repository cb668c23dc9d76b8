/**
 * Billing rules of Cauce — pure functions, no I/O, no database, no Next. The billing engine
 * (lib/dal, db/queries, the run worker) loads rows, calls these and writes what they return.
 *
 *   period.ts         'YYYY-MM' periods and date-only values: validPeriod, periodBounds,
 *                     shiftPeriod, validDate, dueDate (issue date + due days)
 *   lines.ts          line arithmetic (gross, discount, net, tax, total; half-up to cents),
 *                     sumLines (totals = exact sums of lines), convert (DOP → invoice currency)
 *   tariff.ts         block tariffs: blocks cover (from, to], validateBlocks (Spanish messages),
 *                     consumptionCharge (per-block lines), tariffInForce (in force on the last day)
 *   compute.ts        computeBilling: one agreement, one period → billing units (AG/GR/AC) with
 *                     items and totals, or a typed BillingError recorded by the run
 *   printable.ts      printableItems: items → printed lines by grouping (SIMPLE, CONCEPT,
 *                     CONCEPT_GROUP, ACCOUNT), sums equal to the item totals
 *   invoice-class.ts  invoiceClass (A/B/E from tax condition and currency), taxIncluded
 *   labels.ts         billing enums (mirrored by db/schema/billing.ts) with Spanish labels
 *
 * Money is decimal.js through lib/domain/money.ts, never floats; amounts cross this boundary as
 * decimal strings in the scale of their column (money 2, unit price 4, quantity 3, rate 2).
 * readings.ts (consumption, roll-over, estimation) and fiscal-number.ts (numbering formats) live
 * here too and are imported by their own paths.
 */
export * from './period';
export * from './lines';
export * from './tariff';
export * from './compute';
export * from './printable';
export { INVOICE_CLASSES, INVOICE_CLASS_LABELS, CUSTOMER_TAX_CONDITIONS, LOCAL_CURRENCY, invoiceClass, taxIncluded } from './invoice-class';
export type { InvoiceClass, CustomerTaxCondition } from './invoice-class';
export * from './labels';
