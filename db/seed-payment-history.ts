/**
 * The demo's payment history (db/seed-data/payments.ts) over the billed history: one payment per
 * paid invoice, allocated to it, with receipts numbered per branch in date order, and the invoices'
 * balances and statuses following — written in bulk in ONE transaction with one marker audit row
 * ('system' / 'seed-payments'), as the billing history is. Idempotent: with the marker, or when the
 * database already has payments of its own, nothing is added.
 */
import { and, count, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { bulkInsertTx, rawQuery, type BulkColumn } from '@/lib/billing/bulk';
import { toLocalDateString } from '@/lib/domain/format';
import type { DatabaseHandle } from './client';
import { recordAudit } from './queries/audit';
import { agreements, auditLog, branches, invoices, payments } from './schema';
import { generatePayments } from './seed-data/payments';

const MARKER = { entity: 'system', entityId: 'seed-payments' } as const;

const PAYMENT_COLUMNS: BulkColumn[] = [
  ['id', 'uuid'], ['receipt_number', 'text'], ['idempotency_key', 'text'], ['agreement_id', 'uuid'], ['customer_id', 'uuid'], ['branch_id', 'uuid'],
  ['amount', 'numeric'], ['currency', 'text'], ['applied', 'numeric'], ['unapplied', 'numeric'], ['method', 'payment_method'], ['channel', 'payment_channel'],
  ['status', 'payment_status'], ['reference', 'text'], ['paid_on', 'date'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
];
const ALLOCATION_COLUMNS: BulkColumn[] = [['payment_id', 'uuid'], ['invoice_id', 'uuid'], ['amount', 'numeric'], ['created_at', 'timestamptz']];

export async function seedPaymentHistory(handle: DatabaseHandle, seed: number, log: (msg: string) => void = () => {}, today = toLocalDateString(new Date())) {
  const { db } = handle;
  const [[marker], [own]] = await Promise.all([
    db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.entity, MARKER.entity), eq(auditLog.entityId, MARKER.entityId))),
    db.select({ n: count() }).from(payments),
  ]);
  if (marker.n > 0 || own.n > 0) return null;
  const rows = await db
    .select({
      id: invoices.id,
      agreementId: invoices.agreementId,
      agreementCode: agreements.code,
      customerId: invoices.customerId,
      branchId: invoices.branchId,
      branchCode: branches.code,
      period: invoices.period,
      dueDate: invoices.dueDate,
      issueDate: invoices.issueDate,
      total: invoices.total,
      currency: invoices.currency,
    })
    .from(invoices)
    .innerJoin(agreements, eq(agreements.id, invoices.agreementId))
    .innerJoin(branches, eq(branches.id, invoices.branchId))
    .where(and(eq(invoices.origin, 'AUTOMATIC'), eq(invoices.docType, 'INVOICE'), eq(invoices.status, 'ISSUED')));
  if (rows.length === 0) return null;
  const started = Date.now();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const generated = generatePayments(
    rows.map((r) => ({ id: r.id, agreementId: r.agreementId, agreementCode: r.agreementCode, period: r.period!, dueDate: r.dueDate!, issueDate: r.issueDate!, total: r.total, currency: r.currency })),
    seed,
    today,
  ).sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : a.invoiceId < b.invoiceId ? -1 : 1));
  const counters = new Map<string, number>();
  const paymentRows: (string | number | null)[][] = [];
  const allocationRows: (string | number | null)[][] = [];
  for (const p of generated) {
    const inv = byId.get(p.invoiceId)!;
    const n = (counters.get(inv.branchId) ?? 0) + 1;
    counters.set(inv.branchId, n);
    const id = randomUUID();
    const at = `${p.paidOn}T10:00:00-04:00`;
    paymentRows.push([id, `${inv.branchCode}-${String(n).padStart(8, '0')}`, `seed:${p.invoiceId}`, inv.agreementId, inv.customerId, inv.branchId, p.amount, p.currency, p.amount, '0', p.method, p.channel, 'CONFIRMED', p.reference, p.paidOn, at, at]);
    allocationRows.push([id, p.invoiceId, p.amount, at]);
  }
  await db.transaction(async (tx) => {
    for (let i = 0; i < paymentRows.length; i += 5_000) {
      await bulkInsertTx(tx, 'payments', PAYMENT_COLUMNS, paymentRows.slice(i, i + 5_000));
      await bulkInsertTx(tx, 'payment_allocations', ALLOCATION_COLUMNS, allocationRows.slice(i, i + 5_000));
    }
    // Balances and statuses follow the allocations.
    await rawQuery(
      tx,
      `update invoices i set balance = i.total - a.paid,
         status = (case when i.total - a.paid = 0 then 'PAID' else 'PARTIALLY_PAID' end)::invoice_status, updated_at = now()
       from (select invoice_id, sum(amount) as paid from payment_allocations group by invoice_id) a
       where a.invoice_id = i.id`,
      [],
    );
    for (const [branchId, n] of counters) {
      await tx.execute(sql`insert into receipt_sequences (branch_id, last_number) values (${branchId}, ${n}) on conflict (branch_id) do update set last_number = excluded.last_number`);
    }
    await recordAudit(tx, null, { ...MARKER, action: 'CREATE', after: { payments: paymentRows.length, asOf: today } });
  });
  const result = { payments: paymentRows.length, invoices: rows.length, seconds: (Date.now() - started) / 1000 };
  log(`Historial de cobros: ${result.payments.toLocaleString('es-DO')} pagos sobre ${result.invoices.toLocaleString('es-DO')} facturas en ${result.seconds.toFixed(1)} s.`);
  return result;
}
