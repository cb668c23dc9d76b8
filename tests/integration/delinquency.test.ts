import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { accounts, agreements, auditLog, concepts, delinquencyActions, delinquencyHistory, delinquencyLevels, emailOutbox, invoices, workOrders } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { executeRun } from '@/lib/billing/engine';
import { createRun } from '@/lib/billing/runs';
import { recomputeAgreementDelinquency, runDelinquency } from '@/lib/collections/delinquency-run';
import { deliverOutbox, MAX_ATTEMPTS } from '@/lib/collections/mailer';
import { dueDate as addDays } from '@/lib/domain/billing/invoice-class';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { getAgreementDelinquency } from '@/lib/dal/delinquency';
import { getOutboxEmail, listOutboxForAdmin } from '@/lib/dal/email-outbox';
import { createDelinquencyLevel, listDelinquencyLevelsForAdmin, setDelinquencyLevelActive, updateDelinquencyLevel } from '@/lib/dal/delinquency-levels';
import { delinquencyLevelInputSchema } from '@/lib/validation/delinquency';
import { actorFor } from '../support/actors';
import { createTestDatabase } from '../support/db';

// The engine on a billed month: four DOP agreements with the same due date D and 5 grace days.
//   A: the main path (levels, actions, pay-off, reconnection) · B: debt under every minimum
//   C: no e-mail · E: exempt. Every other agreement is exempt, so only these take actions.
let h: DatabaseHandle;
let D: string;
let A: string, B: string, C: string, E: string;
const levels: Record<'aviso' | 'recargo' | 'corte', string> = { aviso: '', recargo: '', corte: '' };
let moraAmount: string;

const day = (n: number) => addDays(D, n);
const agreementRow = async (id: string) => (await h.db.select().from(agreements).where(eq(agreements.id, id)))[0];
const actionsOf = (id: string) => h.db.select().from(delinquencyActions).where(eq(delinquencyActions.agreementId, id)).orderBy(asc(delinquencyActions.id));
const historyOf = (id: string, date: string) => h.db.select().from(delinquencyHistory).where(and(eq(delinquencyHistory.agreementId, id), eq(delinquencyHistory.runDate, date)));
const ordersOf = (id: string, type: 'DISCONNECTION' | 'RECONNECTION') => h.db.select().from(workOrders).where(and(eq(workOrders.agreementId, id), eq(workOrders.type, type)));

beforeAll(async () => {
  h = await createTestDatabase();
  await seedDemo(h);
  const run = await createRun(h.db, null, { mode: 'RUN', period: '2027-01', issueDate: '2027-01-15' });
  expect((await executeRun(h.db, run.id)).status).toBe('DONE');
  // A due date shared by at least four ACTIVE DOP agreements, each with an ACTIVE account and no seeded disconnection/reconnection order.
  const rows = await h.db
    .select({ id: agreements.id, due: sql<string>`min(${invoices.dueDate})::text` })
    .from(agreements)
    .innerJoin(invoices, eq(invoices.agreementId, agreements.id))
    .where(and(eq(agreements.status, 'ACTIVE'), eq(agreements.currency, 'DOP'), sql`exists (select 1 from accounts ac where ac.agreement_id = ${agreements.id} and ac.status = 'ACTIVE')`,
        // No seeded disconnection/reconnection orders: the orders checked below are the engine's.
        sql`not exists (select 1 from work_orders w where w.agreement_id = ${agreements.id} and w.type in ('DISCONNECTION', 'RECONNECTION'))`))
    .groupBy(agreements.id)
    .having(sql`count(distinct ${invoices.dueDate}) = 1 and bool_and(${invoices.total} > 10)`)
    .orderBy(asc(agreements.id));
  const byDue = new Map<string, string[]>();
  for (const r of rows) byDue.set(r.due, [...(byDue.get(r.due) ?? []), r.id]);
  const [due, ids] = [...byDue.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  expect(ids.length).toBeGreaterThanOrEqual(4);
  D = due;
  [A, B, C, E] = ids;
  await h.db.update(agreements).set({ delinquencyExempt: true }).where(sql`${agreements.id} not in (${A}, ${B}, ${C})`);
  await h.db.update(agreements).set({ graceDays: 5 }).where(inArray(agreements.id, [A, B, C, E]));
  await h.db.update(agreements).set({ email: 'cobros-a@cliente.example' }).where(eq(agreements.id, A));
  await h.db.update(agreements).set({ email: null }).where(eq(agreements.id, C));
  // B owes 0.50: under every level's minimum (1.00).
  const [firstOfB, ...restOfB] = await h.db.select({ id: invoices.id }).from(invoices).where(eq(invoices.agreementId, B)).orderBy(asc(invoices.id));
  await h.db.update(invoices).set({ balance: '0.50', status: 'PARTIALLY_PAID' }).where(eq(invoices.id, firstOfB.id));
  if (restOfB.length) await h.db.update(invoices).set({ balance: '0.00', status: 'PAID' }).where(inArray(invoices.id, restOfB.map((i) => i.id)));
  // The test policy replaces the demo one.
  await h.db.update(delinquencyLevels).set({ active: false });
  const [mora] = await h.db.select().from(concepts).where(eq(concepts.code, 'MORA'));
  moraAmount = mora.amount!;
  const inserted = await h.db
    .insert(delinquencyLevels)
    .values([
      { name: 'T1 Aviso', daysPastGrace: 1, minDebt: '1.00', actions: ['NOTICE_EMAIL', 'PORTAL_BANNER'], bannerText: 'Tiene facturas vencidas.' },
      { name: 'T2 Recargo', daysPastGrace: 10, minDebt: '1.00', actions: ['LATE_FEE'], lateFeeConceptId: mora.id },
      { name: 'T3 Corte', daysPastGrace: 20, minDebt: '1.00', actions: ['DISCONNECTION_ORDER'] },
    ])
    .returning();
  [levels.aviso, levels.recargo, levels.corte] = inserted.map((l) => l.id);
}, 180_000);

afterAll(async () => {
  await h?.close();
});

describe('statuses at the boundaries', () => {
  it('due today → CURRENT', async () => {
    await runDelinquency(h.db, D);
    expect(await agreementRow(A)).toMatchObject({ delinquencyStatus: 'CURRENT', delinquencyLevelId: null });
    expect((await historyOf(A, D))[0]).toMatchObject({ status: 'CURRENT', daysOverdue: 0 });
  });

  it('the last grace day → IN_GRACE, since that day', async () => {
    const r = await runDelinquency(h.db, day(5));
    expect(await agreementRow(A)).toMatchObject({ delinquencyStatus: 'IN_GRACE', delinquencyLevelId: null, delinquencySince: day(5) });
    expect(r.byStatus.IN_GRACE).toBeGreaterThanOrEqual(4);
    expect(await actionsOf(A)).toHaveLength(0);
  });

  it('the first delinquent day → the first level and its actions: an e-mail in the outbox and the banner', async () => {
    const r = await runDelinquency(h.db, day(6));
    expect(await agreementRow(A)).toMatchObject({ delinquencyStatus: 'DELINQUENT', delinquencyLevelId: levels.aviso, delinquencySince: day(6) });
    const taken = await actionsOf(A);
    expect(taken.map((t) => t.action).sort()).toEqual(['NOTICE_EMAIL', 'PORTAL_BANNER']);
    expect(taken.every((t) => t.episode === D && t.runDate === day(6) && t.levelId === levels.aviso)).toBe(true);
    const mail = taken.find((t) => t.action === 'NOTICE_EMAIL')!;
    expect(mail.refEntity).toBe('email_outbox');
    const [email] = await h.db.select().from(emailOutbox).where(eq(emailOutbox.id, mail.refId!));
    expect(email).toMatchObject({ to: 'cobros-a@cliente.example', status: 'PENDING', attempts: 0, relatedEntity: 'agreement', relatedId: A });
    expect(email.subject).toContain((await agreementRow(A)).code);
    expect(email.text).toContain('Tiene facturas vencidas.');
    expect(r.errors).toEqual([]);
  });

  it('an agreement without e-mail records the notice as skipped, with no outbox row', async () => {
    const [notice] = (await actionsOf(C)).filter((t) => t.action === 'NOTICE_EMAIL');
    expect(notice).toMatchObject({ refEntity: 'skipped:no_email', refId: null });
    const [{ n }] = await h.db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.relatedId, C));
    expect(n).toBe(0);
  });

  it('debt under every minimum → DELINQUENT without a level and without actions', async () => {
    expect(await agreementRow(B)).toMatchObject({ delinquencyStatus: 'DELINQUENT', delinquencyLevelId: null });
    expect((await historyOf(B, day(6)))[0]).toMatchObject({ overdueDebt: '0.50', daysOverdue: 6 });
    expect(await actionsOf(B)).toHaveLength(0);
  });

  it('an exempt agreement gets its status but no actions', async () => {
    expect(await agreementRow(E)).toMatchObject({ delinquencyStatus: 'DELINQUENT', delinquencyLevelId: levels.aviso });
    expect(await actionsOf(E)).toHaveLength(0);
  });
});

describe('idempotency', () => {
  it('the run twice on one date takes each action once and does not duplicate history', async () => {
    const before = { actions: (await actionsOf(A)).length, emails: (await h.db.select({ n: count() }).from(emailOutbox))[0].n };
    const r = await runDelinquency(h.db, day(6));
    expect(Object.values(r.actions).reduce((a, b) => a + b, 0)).toBe(0);
    expect(r.changed).toBe(0);
    expect((await actionsOf(A)).length).toBe(before.actions);
    expect((await h.db.select({ n: count() }).from(emailOutbox))[0].n).toBe(before.emails);
    expect(await historyOf(A, day(6))).toHaveLength(1);
  });

  it('the next day repeats nothing', async () => {
    const before = (await actionsOf(A)).length;
    await runDelinquency(h.db, day(7));
    expect((await actionsOf(A)).length).toBe(before);
    expect((await agreementRow(A)).delinquencySince).toBe(day(6));
  });

  it('the late-fee level issues one debit note with the concept, once', async () => {
    await runDelinquency(h.db, day(15));
    await runDelinquency(h.db, day(15));
    expect((await agreementRow(A)).delinquencyLevelId).toBe(levels.recargo);
    const fees = (await actionsOf(A)).filter((t) => t.action === 'LATE_FEE');
    expect(fees).toHaveLength(1);
    expect(fees[0].refEntity).toBe('invoice');
    const [note] = await h.db.select().from(invoices).where(eq(invoices.id, fees[0].refId!));
    expect(note).toMatchObject({ docType: 'DEBIT_NOTE', status: 'ISSUED', agreementId: A, issueDate: day(15), total: moraAmount, balance: moraAmount });
    expect(note.fiscalNumber).toBeTruthy();
    expect(note.relatedInvoiceId).toBeTruthy();
  });

  it('the disconnection level orders one PENDING disconnection per ACTIVE account, once', async () => {
    const active = await h.db.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.agreementId, A), eq(accounts.status, 'ACTIVE')));
    await runDelinquency(h.db, day(25));
    await runDelinquency(h.db, day(26));
    const orders = await ordersOf(A, 'DISCONNECTION');
    expect(orders.map((o) => o.accountId).sort()).toEqual(active.map((a) => a.id).sort());
    expect(orders.every((o) => o.status === 'PENDING' && o.createdBy === null)).toBe(true);
    expect((await actionsOf(A)).filter((t) => t.action === 'DISCONNECTION_ORDER')).toHaveLength(1);
  });
});

describe('paying off', () => {
  it('returns to CURRENT and proposes one reconnection order per disconnected account, once', async () => {
    // The field crew disconnected the accounts; then every document is paid.
    const orders = await ordersOf(A, 'DISCONNECTION');
    await h.db.update(workOrders).set({ status: 'DONE', completedAt: new Date() }).where(inArray(workOrders.id, orders.map((o) => o.id)));
    await h.db.update(accounts).set({ status: 'DISCONNECTED' }).where(inArray(accounts.id, orders.map((o) => o.accountId!)));
    await h.db.update(invoices).set({ balance: '0.00', status: 'PAID' }).where(and(eq(invoices.agreementId, A), sql`${invoices.status} in ('ISSUED', 'PARTIALLY_PAID')`));

    const r = await recomputeAgreementDelinquency(h.db, A, day(27));
    expect(r.agreements).toBe(1);
    expect(await agreementRow(A)).toMatchObject({ delinquencyStatus: 'CURRENT', delinquencyLevelId: null, delinquencySince: day(27) });
    await runDelinquency(h.db, day(27));
    await runDelinquency(h.db, day(28));
    const reconnections = await ordersOf(A, 'RECONNECTION');
    expect(reconnections).toHaveLength(orders.length);
    expect(reconnections.every((o) => o.status === 'PENDING')).toBe(true);
    const recorded = (await actionsOf(A)).filter((t) => t.action === 'RECONNECTION_ORDER');
    expect(recorded).toHaveLength(1);
    expect(recorded[0].episode).toBe(D);
  });
});

describe('e-mail delivery', () => {
  it('without SMTP nothing is sent and the rows stay PENDING', async () => {
    const r = await deliverOutbox(h.db, { transport: null });
    expect(r).toEqual({ configured: false, sent: 0, failed: 0 });
    const [{ n }] = await h.db.select({ n: count() }).from(emailOutbox).where(eq(emailOutbox.status, 'PENDING'));
    expect(n).toBeGreaterThan(0);
  });

  it('a failing transport marks FAILED with the error, retried up to the limit', async () => {
    const failing = { sendMail: async () => Promise.reject(new Error('535 autenticación rechazada')) } as unknown as nodemailer.Transporter;
    const [one] = await h.db.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.status, 'PENDING')).orderBy(asc(emailOutbox.createdAt)).limit(1);
    const r = await deliverOutbox(h.db, { transport: failing, limit: 1 });
    expect(r).toEqual({ configured: true, sent: 0, failed: 1 });
    const [row] = await h.db.select().from(emailOutbox).where(eq(emailOutbox.id, one.id));
    expect(row).toMatchObject({ status: 'FAILED', attempts: 1, lastError: '535 autenticación rechazada' });
    for (let i = 2; i <= MAX_ATTEMPTS + 2; i++) await deliverOutbox(h.db, { transport: failing });
    const [after] = await h.db.select().from(emailOutbox).where(eq(emailOutbox.id, one.id));
    expect(after).toMatchObject({ status: 'FAILED', attempts: MAX_ATTEMPTS });
  });

  it('delivers through nodemailer (jsonTransport) and marks SENT', async () => {
    await h.db.insert(emailOutbox).values({ to: 'prueba@cliente.example', subject: 'Aviso', text: 'Hola' });
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sentMessages: string[] = [];
    const original = transport.sendMail.bind(transport);
    transport.sendMail = (async (mail: nodemailer.SendMailOptions) => {
      const info = await original(mail);
      sentMessages.push(String((info as { message: string }).message));
      return info;
    }) as typeof transport.sendMail;
    const r = await deliverOutbox(h.db, { transport, from: 'Cobros <cobros@cauce.example>' });
    expect(r.sent).toBeGreaterThanOrEqual(1);
    const [row] = await h.db.select().from(emailOutbox).where(eq(emailOutbox.to, 'prueba@cliente.example'));
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    const json = sentMessages.map((m) => JSON.parse(m) as { to: { address: string }[]; subject: string; text: string; from: { address: string } });
    expect(json.find((m) => m.subject === 'Aviso')).toMatchObject({ to: [{ address: 'prueba@cliente.example' }], text: 'Hola', from: { address: 'cobros@cauce.example' } });
    // Nothing due is left: the exhausted FAILED row is not retried.
    expect((await deliverOutbox(h.db, { transport })).sent).toBe(0);
  });
});

describe('policy admin', () => {
  const form = (over: Record<string, unknown> = {}) => ({ name: 'Prueba', daysPastGrace: '30', minDebt: '1,500.50', actions: ['NOTICE_EMAIL'], active: 'on', ...over });

  it('validates: days, debt, late-fee concept with LATE_FEE, banner text with PORTAL_BANNER (Spanish messages)', () => {
    const errorsOf = (over: Record<string, unknown>) => {
      const r = delinquencyLevelInputSchema.safeParse(form(over));
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
    };
    expect(errorsOf({ daysPastGrace: '0' }).daysPastGrace).toMatch(/1 a 3650/);
    expect(errorsOf({ minDebt: '-1' }).minDebt).toMatch(/importe/);
    expect(errorsOf({ actions: ['LATE_FEE'] }).lateFeeConceptId).toMatch(/concepto/);
    expect(errorsOf({ actions: ['PORTAL_BANNER'] }).bannerText).toMatch(/aviso/);
    expect(errorsOf({ actions: ['NOPE'] }).actions).toBeTruthy();
    const ok = delinquencyLevelInputSchema.parse(form({ actions: 'NOTICE_EMAIL', bannerText: 'ignorado' }));
    expect(ok).toMatchObject({ daysPastGrace: 30, minDebt: '1500.50', actions: ['NOTICE_EMAIL'], bannerText: null, lateFeeConceptId: null, active: true });
  });

  it('an admin creates, edits and deactivates a level, each audited; a duplicate name is a field error', async () => {
    const admin = await actorFor('admin@cauce.example');
    const [mora] = await h.db.select().from(concepts).where(eq(concepts.code, 'MORA'));
    const created = await createDelinquencyLevel(admin, delinquencyLevelInputSchema.parse(form({ name: 'Prueba admin', actions: ['LATE_FEE', 'NOTICE_EMAIL'], lateFeeConceptId: mora.id })));
    expect(created).toMatchObject({ daysPastGrace: 30, minDebt: '1500.50', actions: ['LATE_FEE', 'NOTICE_EMAIL'], lateFeeConceptId: mora.id });
    const updated = await updateDelinquencyLevel(admin, created.id, delinquencyLevelInputSchema.parse(form({ name: 'Prueba admin', daysPastGrace: '40', actions: ['PORTAL_BANNER'], bannerText: 'Aviso' })));
    expect(updated).toMatchObject({ daysPastGrace: 40, actions: ['PORTAL_BANNER'], bannerText: 'Aviso', lateFeeConceptId: null });
    expect((await setDelinquencyLevelActive(admin, created.id, false)).active).toBe(false);
    const audit = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'delinquency_level'), eq(auditLog.entityId, created.id))).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['CREATE', 'UPDATE', 'UPDATE']);
    expect(audit.every((a) => a.userId === admin.id)).toBe(true);
    const dup = createDelinquencyLevel(admin, delinquencyLevelInputSchema.parse(form({ name: 'prueba ADMIN' })));
    await expect(dup).rejects.toBeInstanceOf(UserError);
    await expect(dup).rejects.toMatchObject({ fieldErrors: { name: [expect.stringMatching(/Ya existe/)] } });
    // A concept that is not a late fee is refused.
    const [water] = await h.db.select().from(concepts).where(eq(concepts.code, 'AGUA-FIJO'));
    await expect(createDelinquencyLevel(admin, delinquencyLevelInputSchema.parse(form({ name: 'Otro', actions: ['LATE_FEE'], lateFeeConceptId: water.id })))).rejects.toMatchObject({ fieldErrors: { lateFeeConceptId: [expect.any(String)] } });
  });

  it('non-admins are refused', async () => {
    for (const email of ['sucursal@cauce.example', 'auditor@cauce.example', 'cajero@cauce.example']) {
      const actor = await actorFor(email);
      await expect(listDelinquencyLevelsForAdmin(actor)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createDelinquencyLevel(actor, delinquencyLevelInputSchema.parse(form({ name: `X ${email}` })))).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setDelinquencyLevelActive(actor, levels.aviso, false)).rejects.toBeInstanceOf(ForbiddenError);
    }
  });
});

describe('the outbox screen', () => {
  it('lists newest first with a status filter and pagination, shows the text; admins only', async () => {
    const admin = await actorFor('admin@cauce.example');
    const all = await listOutboxForAdmin(admin, {});
    expect(all.total).toBeGreaterThan(1);
    const times = all.rows.map((r) => r.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const sent = await listOutboxForAdmin(admin, { status: 'SENT' });
    expect(sent.rows.length).toBeGreaterThan(0);
    expect(sent.rows.every((r) => r.status === 'SENT')).toBe(true);
    expect(sent.total).toBe(all.counts.SENT);
    expect((await listOutboxForAdmin(admin, { page: 1000 })).rows).toHaveLength(0);
    const detail = await getOutboxEmail(admin, all.rows[0].id);
    expect(detail.text.length).toBeGreaterThan(0);
    const staff = await actorFor('sucursal@cauce.example');
    await expect(listOutboxForAdmin(staff, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getOutboxEmail(staff, all.rows[0].id)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('the agreement page section', () => {
  it('shows status, level, since, the last history rows (newest first) and the actions; other branches get not found', async () => {
    const admin = await actorFor('admin@cauce.example');
    const d = await getAgreementDelinquency(admin, C);
    expect(d).toMatchObject({ status: 'DELINQUENT', levelName: 'T3 Corte', exempt: false });
    expect(d.history[0].runDate > d.history[1].runDate).toBe(true);
    expect(d.history.length).toBeLessThanOrEqual(24);
    expect(d.actions.map((a) => a.action)).toEqual(expect.arrayContaining(['NOTICE_EMAIL', 'LATE_FEE', 'DISCONNECTION_ORDER']));
    const [row] = await h.db.select({ branchId: agreements.branchId }).from(agreements).where(eq(agreements.id, C));
    const staff = await actorFor('sucursal@cauce.example');
    const outsider = { ...staff, branchIds: staff.branchIds.includes(row.branchId) ? [] : staff.branchIds };
    await expect(getAgreementDelinquency(outsider, C)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAgreementDelinquency({ ...staff, branchIds: [row.branchId] }, C)).resolves.toMatchObject({ status: 'DELINQUENT' });
    await expect(getAgreementDelinquency(await actorFor('cajero@cauce.example'), C)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
