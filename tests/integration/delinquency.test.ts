import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { accounts, agreements, auditLog, concepts, delinquencyActions, delinquencyHistory, delinquencyLevels, emailOutbox, invoices, workOrders } from '@/db/schema';
import { seedDemo } from '@/db/seed';
import { executeRun } from '@/lib/billing/engine';
import { createRun } from '@/lib/billing/runs';
import { activePolicyLevels } from '@/db/queries/delinquency-run';
import { recomputeAgreementDelinquency, runDelinquency } from '@/lib/collections/delinquency-run';
import { delinquencyState } from '@/lib/domain/collections/delinquency';
import { nextStatus } from '@/lib/domain/collections/delinquency-actions';
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

// The engine judges agreements in SQL (db/queries/delinquency-run.ts); delinquencyState and
// nextStatus (lib/domain/collections) are the rules it must follow, checked here agreement by agreement.
/** D plus n days, any n (the test's `day` stops at a year). */
const at = (n: number) => new Date(Date.parse(`${D}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('the set-based judgement', () => {
  it('agrees with delinquencyState and nextStatus for every agreement, over small concurrent batches and many dates', async () => {
    // Varied grace days and small debts; a level tied on days with T3 Corte (the later name wins the tie).
    await h.db.execute(sql`update agreements set grace_days = (array[0, 3, 10, 30])[1 + abs(hashtext(id::text)) % 4]`);
    await h.db.execute(sql`update invoices set balance = 0.99, status = 'PARTIALLY_PAID' where status = 'ISSUED' and abs(hashtext(id::text)) % 5 = 0 and total >= 0.99`);
    await h.db.insert(delinquencyLevels).values({ name: 'T3 Corte bis', daysPastGrace: 20, minDebt: '100.00', actions: [] });
    await h.db.update(agreements).set({ status: 'SUSPENDED' }).where(eq(agreements.id, B));
    const levels = await activePolicyLevels(h.db);
    expect(levels.map((l) => l.name)).toEqual(expect.arrayContaining(['T3 Corte', 'T3 Corte bis']));
    const seen = new Set<string>();

    for (const date of [at(-1), D, at(2), at(4), at(11), at(23), at(40), at(95), at(400)]) {
      const before = new Map((await h.db.select().from(agreements)).map((a) => [a.id, a]));
      const debts = new Map(
        (
          await h.db
            .select({ id: invoices.agreementId, oldest: sql<string>`min(${invoices.dueDate})::text`, debt: sql<string>`sum(${invoices.balance})::text` })
            .from(invoices)
            .where(sql`${invoices.docType} in ('INVOICE', 'DEBIT_NOTE') and ${invoices.status} in ('ISSUED', 'PARTIALLY_PAID') and ${invoices.balance} > 0 and ${invoices.dueDate} < ${date}`)
            .groupBy(invoices.agreementId)
        ).map((r) => [r.id, r]),
      );
      const r = await runDelinquency(h.db, date, { actions: false, batchSize: 7, concurrency: 3 });
      const after = new Map((await h.db.select().from(agreements)).map((a) => [a.id, a]));
      const history = new Map((await h.db.select().from(delinquencyHistory).where(eq(delinquencyHistory.runDate, date))).map((x) => [x.agreementId, x]));
      const judged = [...before.values()].filter((a) => a.status === 'ACTIVE' || a.status === 'SUSPENDED');
      expect(r.agreements).toBe(judged.length);
      expect(history.size).toBe(judged.length);
      let changed = 0;
      for (const a of judged) {
        const d = debts.get(a.id);
        const state = delinquencyState({ oldestUnpaidDueDate: d?.oldest ?? null, overdueDebt: d?.debt ?? '0', graceDays: a.graceDays, exempt: a.delinquencyExempt }, levels, date);
        const next = nextStatus({ status: a.delinquencyStatus, levelId: a.delinquencyLevelId, since: a.delinquencySince }, { status: state.status, levelId: state.level?.id ?? null }, date);
        if (next.changed) changed++;
        const got = after.get(a.id)!;
        expect({ id: a.id, status: got.delinquencyStatus, levelId: got.delinquencyLevelId, since: got.delinquencySince }).toEqual({ id: a.id, status: next.status, levelId: next.levelId, since: next.since });
        expect(history.get(a.id)).toMatchObject({ status: state.status, levelId: state.level?.id ?? null, daysOverdue: state.daysOverdue, overdueDebt: Number(d?.debt ?? 0).toFixed(2) });
        seen.add(`${state.status}:${state.level?.name ?? '-'}`);
      }
      expect(r.changed).toBe(changed);
    }
    // The dates cover every status, levels, the tie and "no level".
    expect([...seen]).toEqual(expect.arrayContaining(['CURRENT:-', 'IN_GRACE:-', 'DELINQUENT:-', 'DELINQUENT:T1 Aviso', 'DELINQUENT:T3 Corte bis']));
    // Agreements that are neither ACTIVE nor SUSPENDED are left alone.
    const [closed] = await h.db.select({ id: agreements.id }).from(agreements).where(sql`${agreements.status} not in ('ACTIVE', 'SUSPENDED')`).limit(1);
    if (closed) expect(await historyOf(closed.id, at(400))).toHaveLength(0);
  });
});

describe('actions in chunks', () => {
  let level: string;

  beforeAll(async () => {
    // Every agreement takes part now, at a new top level with e-mail and disconnection orders.
    await h.db.update(agreements).set({ delinquencyExempt: false, email: sql`coalesce(${agreements.email}, 'cobros+' || ${agreements.code} || '@cliente.example')` });
    await h.db.update(agreements).set({ email: null }).where(eq(agreements.id, C));
    const [l] = await h.db.insert(delinquencyLevels).values({ name: 'T9 Cartera', daysPastGrace: 500, minDebt: '1.00', actions: ['NOTICE_EMAIL', 'DISCONNECTION_ORDER'] }).returning();
    level = l.id;
  });

  it('two runs at once take each action once: one e-mail per agreement, one open order per account', async () => {
    const date = at(600);
    const runs = await Promise.all([runDelinquency(h.db, date, { actionChunk: 3 }), runDelinquency(h.db, date, { actionChunk: 5, concurrency: 1 })]);
    expect(runs.flatMap((r) => r.errors)).toEqual([]);
    const taken = await h.db.select().from(delinquencyActions).where(eq(delinquencyActions.levelId, level));
    const agreementsAtLevel = await h.db.select({ id: agreements.id }).from(agreements).where(eq(agreements.delinquencyLevelId, level));
    expect(agreementsAtLevel.length).toBeGreaterThan(5);
    expect(taken).toHaveLength(agreementsAtLevel.length * 2);
    // What both runs counted is exactly what was recorded.
    expect(runs[0].actions.NOTICE_EMAIL + runs[1].actions.NOTICE_EMAIL).toBe(agreementsAtLevel.length);
    expect(runs[0].actions.DISCONNECTION_ORDER + runs[1].actions.DISCONNECTION_ORDER).toBe(agreementsAtLevel.length);
    const notices = taken.filter((t) => t.action === 'NOTICE_EMAIL' && t.refEntity === 'email_outbox');
    const mails = await h.db.select().from(emailOutbox).where(inArray(emailOutbox.id, notices.map((t) => t.refId!)));
    expect(mails).toHaveLength(notices.length);
    expect(new Set(mails.map((m) => m.relatedId)).size).toBe(mails.length);
    for (const m of mails) expect(notices.find((t) => t.refId === m.id)!.agreementId).toBe(m.relatedId);
    expect(taken.find((t) => t.agreementId === C && t.action === 'NOTICE_EMAIL')).toMatchObject({ refEntity: 'skipped:no_email' });
    // Orders: one per ACTIVE account of each agreement whose claim made orders, one open per account, each audited once.
    const open = await h.db.select().from(workOrders).where(and(eq(workOrders.type, 'DISCONNECTION'), eq(workOrders.status, 'PENDING')));
    expect(new Set(open.map((o) => o.accountId)).size).toBe(open.length);
    const withOrders = taken.filter((t) => t.action === 'DISCONNECTION_ORDER' && t.refEntity === 'work_order').map((t) => t.agreementId);
    expect(withOrders.length).toBeGreaterThan(0);
    const orders = await h.db.select().from(workOrders).where(sql`${workOrders.description} like 'Corte por morosidad (T9 Cartera)%'`);
    const activeAccounts = await h.db.select({ id: accounts.id, agreementId: accounts.agreementId }).from(accounts).where(and(inArray(accounts.agreementId, withOrders), eq(accounts.status, 'ACTIVE')));
    expect(orders.map((o) => o.accountId).sort()).toEqual(activeAccounts.map((a) => a.id).sort());
    expect(new Set(orders.map((o) => o.number)).size).toBe(orders.length);
    const audited = await h.db.select().from(auditLog).where(and(eq(auditLog.entity, 'work_order'), inArray(auditLog.entityId, orders.map((o) => o.id))));
    expect(audited).toHaveLength(orders.length);
    expect(audited[0].after).toMatchObject({ origin: 'delinquency', type: 'DISCONNECTION', status: 'PENDING', createdBy: null });
  });

  it('a chunk that fails is retried one action at a time: only the failing action is an error, and a rerun takes it', async () => {
    const [l] = await h.db.insert(delinquencyLevels).values({ name: 'T10 Final', daysPastGrace: 700, minDebt: '1.00', actions: ['NOTICE_EMAIL', 'PORTAL_BANNER'] }).returning();
    const victim = (await h.db.select({ id: agreements.id, code: agreements.code }).from(agreements).where(and(eq(agreements.delinquencyLevelId, level), sql`${agreements.id} <> ${C}`)).limit(1))[0];
    // The outbox refuses this agreement's e-mail (as a full disk or a constraint would).
    await h.db.execute(sql.raw(`create function h2_refuse() returns trigger language plpgsql as $$ begin if new.related_id = '${victim.id}' then raise exception 'bandeja llena'; end if; return new; end $$`));
    await h.db.execute(sql.raw(`create trigger h2_refuse before insert on email_outbox for each row execute function h2_refuse()`));
    const r = await runDelinquency(h.db, at(800), { actionChunk: 50 });
    expect(r.errors).toEqual([{ agreementId: victim.id, code: victim.code, action: 'NOTICE_EMAIL', message: expect.stringContaining('bandeja llena') }]);
    const taken = await h.db.select().from(delinquencyActions).where(eq(delinquencyActions.levelId, l.id));
    const atLevel = await h.db.select({ id: agreements.id }).from(agreements).where(eq(agreements.delinquencyLevelId, l.id));
    expect(atLevel.length).toBeGreaterThan(2);
    // Everything but the refused e-mail: the victim's banner too.
    expect(taken).toHaveLength(atLevel.length * 2 - 1);
    expect(taken.filter((t) => t.agreementId === victim.id).map((t) => t.action)).toEqual(['PORTAL_BANNER']);

    await h.db.execute(sql.raw('drop trigger h2_refuse on email_outbox'));
    const again = await runDelinquency(h.db, at(800));
    expect(again.errors).toEqual([]);
    expect(again.actions).toMatchObject({ NOTICE_EMAIL: 1, PORTAL_BANNER: 0 });
    expect((await h.db.select().from(delinquencyActions).where(eq(delinquencyActions.levelId, l.id))).length).toBe(atLevel.length * 2);
  });
});
