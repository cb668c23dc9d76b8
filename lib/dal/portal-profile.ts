import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { getDb, type Db, type DbOrTx } from '@/db/client';
import { findUserWithEmail, insertUser, userSnapshot } from '@/db/queries/admin-users';
import { recordAudit } from '@/db/queries/audit';
import { getCompany } from '@/db/queries/organization';
import { accountGroups, agreements, customers, portalInvitations, users } from '@/db/schema';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { hashPassword, passwordProblems } from '@/lib/auth/password';
import type { Actor } from '@/lib/auth/scope';
import { enqueueEmail } from '@/lib/collections/mailer';
import { formatDateTime } from '@/lib/domain/format';
import { invitationExpiry, invitationState, isWellFormedToken } from '@/lib/domain/portal/invitation';
import type { AcceptInvitationInput, AgreementContactInput, GroupDeliveryInput, InvitationInput } from '@/lib/validation/portal-profile';
import { isUuid } from './customers';
import { portalCustomerId } from './portal';
import { uniqueViolation } from './unique-violation';

/**
 * The portal's "Perfil y usuarios" (issue 7), scoped to the session's customer:
 * - any CLIENT user updates the contact e-mail of the customer's agreements and where its account
 *   groups' invoices are delivered (audited with before and after);
 * - a client administrator (users.client_admin, read from the database, never from the request)
 *   sees the company's portal users and invites colleagues: a portal_invitations row whose random
 *   token is stored only as its SHA-256, valid 7 days, with its link shown once and queued in the
 *   e-mail outbox; pending invitations can be revoked;
 * - the invitee, without a session, accepts with a password: a CLIENT user of that customer is
 *   created and the invitation marked accepted, in one transaction that locks the invitation, so a
 *   link is used once.
 * Another customer's agreement, group or invitation is "not found", like one that does not exist.
 */

const agreementNotFound = () => new NotFoundError('No se encontró el acuerdo.');
const groupNotFound = () => new NotFoundError('No se encontró el grupo de cuentas.');
const invitationNotFound = () => new NotFoundError('No se encontró la invitación.');
const invalidLink = () => new NotFoundError('El enlace de invitación no es válido.');

const EMAIL_TAKEN = 'Ya existe un usuario con ese correo electrónico.';
const STATE_ERRORS = {
  ACCEPTED: 'Esta invitación ya fue usada. Inicie sesión con su correo y contraseña.',
  REVOKED: 'Esta invitación fue revocada por el administrador de su empresa. Pídale una nueva.',
  EXPIRED: 'Esta invitación venció. Pida al administrador de su empresa que le envíe una nueva.',
} as const;

export const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The CLIENT user behind the session, if it administers its customer's portal users; else Forbidden. */
async function assertClientAdmin(db: DbOrTx, actor: Actor) {
  const customerId = portalCustomerId(actor);
  const [me] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, actor.id), eq(users.customerId, customerId), eq(users.role, 'CLIENT'), eq(users.active, true), eq(users.clientAdmin, true)));
  if (!me) throw new ForbiddenError('Solo el administrador del portal de su empresa puede gestionar usuarios.');
  return customerId;
}

/** The profile page: who I am, the agreements (with their groups) and, for an administrator, users and invitations. */
export async function getPortalProfile(actor: Actor, db: Db = getDb(), now = new Date()) {
  const customerId = portalCustomerId(actor);
  const [[me], agreementRows, groupRows] = await Promise.all([
    db.select({ name: users.name, email: users.email, clientAdmin: users.clientAdmin }).from(users).where(and(eq(users.id, actor.id), eq(users.customerId, customerId))),
    db
      .select({ id: agreements.id, code: agreements.code, name: agreements.name, status: agreements.status, email: agreements.email })
      .from(agreements)
      .where(eq(agreements.customerId, customerId))
      .orderBy(sql`${agreements.status} = 'CLOSED'`, asc(agreements.code)),
    db
      .select({ id: accountGroups.id, agreementId: accountGroups.agreementId, code: accountGroups.code, name: accountGroups.name, status: accountGroups.status, email: accountGroups.email, deliveryAddress: accountGroups.deliveryAddress })
      .from(accountGroups)
      .innerJoin(agreements, eq(agreements.id, accountGroups.agreementId))
      .where(eq(agreements.customerId, customerId))
      .orderBy(asc(accountGroups.code)),
  ]);
  if (!me) throw new ForbiddenError();
  const withGroups = agreementRows.map((a) => ({ ...a, groups: groupRows.filter((g) => g.agreementId === a.id) }));
  return { me, agreements: withGroups, admin: me.clientAdmin ? await adminView(db, customerId, now) : null };
}

async function adminView(db: Db, customerId: string, now: Date) {
  const inviter = sql<string>`(select u.name from ${users} u where u.id = ${portalInvitations.invitedBy})`;
  const [userRows, invitationRows] = await Promise.all([
    db
      .select({ id: users.id, name: users.name, email: users.email, active: users.active, clientAdmin: users.clientAdmin, lastLoginAt: users.lastLoginAt })
      .from(users)
      .where(and(eq(users.customerId, customerId), eq(users.role, 'CLIENT')))
      .orderBy(desc(users.clientAdmin), asc(users.name)),
    db
      .select({ id: portalInvitations.id, name: portalInvitations.name, email: portalInvitations.email, invitedByName: inviter, createdAt: portalInvitations.createdAt, expiresAt: portalInvitations.expiresAt, acceptedAt: portalInvitations.acceptedAt, revokedAt: portalInvitations.revokedAt })
      .from(portalInvitations)
      .where(eq(portalInvitations.customerId, customerId))
      .orderBy(desc(portalInvitations.createdAt))
      .limit(100),
  ]);
  return { users: userRows, invitations: invitationRows.map((i) => ({ ...i, state: invitationState(i, now) })) };
}

/** Sets the contact e-mail of one of the customer's agreements (not a closed one). */
export async function updatePortalAgreementContact(actor: Actor, agreementId: string, input: AgreementContactInput, db: Db = getDb()) {
  const customerId = portalCustomerId(actor);
  if (!isUuid(agreementId)) throw agreementNotFound();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: agreements.id, status: agreements.status, email: agreements.email })
      .from(agreements)
      .where(and(eq(agreements.id, agreementId), eq(agreements.customerId, customerId)))
      .for('update');
    if (!current) throw agreementNotFound();
    if (current.status === 'CLOSED') throw new UserError('El acuerdo está cerrado: ya no se modifican sus datos.');
    if (current.email === input.email) return { id: current.id, changed: false };
    await tx.update(agreements).set({ email: input.email, updatedAt: new Date() }).where(eq(agreements.id, current.id));
    await recordAudit(tx, actor, { entity: 'agreement', entityId: current.id, action: 'UPDATE', before: { email: current.email }, after: { email: input.email, via: 'portal' } });
    return { id: current.id, changed: true };
  });
}

/** Sets where one of the customer's account groups receives its invoices (e-mail, delivery address). */
export async function updatePortalGroupDelivery(actor: Actor, groupId: string, input: GroupDeliveryInput, db: Db = getDb()) {
  const customerId = portalCustomerId(actor);
  if (!isUuid(groupId)) throw groupNotFound();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: accountGroups.id, status: accountGroups.status, email: accountGroups.email, deliveryAddress: accountGroups.deliveryAddress })
      .from(accountGroups)
      .innerJoin(agreements, eq(agreements.id, accountGroups.agreementId))
      .where(and(eq(accountGroups.id, groupId), eq(agreements.customerId, customerId)))
      .for('update', { of: accountGroups });
    if (!current) throw groupNotFound();
    if (current.status === 'CLOSED') throw new UserError('El grupo de cuentas está cerrado: ya no se modifican sus datos.');
    if (current.email === input.email && current.deliveryAddress === input.deliveryAddress) return { id: current.id, changed: false };
    await tx.update(accountGroups).set({ email: input.email, deliveryAddress: input.deliveryAddress, updatedAt: new Date() }).where(eq(accountGroups.id, current.id));
    await recordAudit(tx, actor, {
      entity: 'account_group',
      entityId: current.id,
      action: 'UPDATE',
      before: { email: current.email, deliveryAddress: current.deliveryAddress },
      after: { email: input.email, deliveryAddress: input.deliveryAddress, via: 'portal' },
    });
    return { id: current.id, changed: true };
  });
}

export type CreatedInvitation = { id: string; email: string; link: string; expiresAt: Date };

/**
 * Invites a colleague (client administrators only). A pending invitation to the same e-mail is
 * revoked and replaced (its link was shown once and may be lost). Someone who already uses the
 * company's portal is refused; whether the e-mail belongs to a user of another company is not
 * told here (it would reveal other companies' users) — the invitee learns it on accepting.
 */
export async function invitePortalUser(actor: Actor, input: InvitationInput, opts: { origin: string }, db: Db = getDb(), now = new Date()): Promise<CreatedInvitation> {
  const customerId = await assertClientAdmin(db, actor);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = invitationExpiry(now);
  const link = `${opts.origin}/invitacion/${token}`;
  const by = { id: actor.id, email: actor.email };
  return db.transaction(async (tx) => {
    const [colleague] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.customerId, customerId), sql`lower(${users.email}) = ${input.email}`));
    if (colleague) throw new UserError('Esa persona ya es usuaria del portal de su empresa.', { email: ['Ya tiene acceso al portal.'] });
    const replaced = await tx
      .update(portalInvitations)
      .set({ revokedAt: now, updatedAt: now })
      .where(and(eq(portalInvitations.customerId, customerId), eq(portalInvitations.email, input.email), isNull(portalInvitations.acceptedAt), isNull(portalInvitations.revokedAt), gt(portalInvitations.expiresAt, now)))
      .returning({ id: portalInvitations.id });
    for (const r of replaced) await recordAudit(tx, by, { entity: 'portal_invitation', entityId: r.id, action: 'STATUS_CHANGE', before: { state: 'PENDING' }, after: { state: 'REVOKED', reason: 'reemplazada por una nueva invitación' } });
    const [created] = await tx
      .insert(portalInvitations)
      .values({ customerId, email: input.email, name: input.name, tokenHash: hashInvitationToken(token), invitedBy: actor.id, expiresAt, createdAt: now, updatedAt: now })
      .returning({ id: portalInvitations.id });
    await recordAudit(tx, by, { entity: 'portal_invitation', entityId: created.id, action: 'CREATE', after: { customerId, email: input.email, name: input.name, expiresAt } });
    const [company, [customer]] = await Promise.all([getCompany(tx), tx.select({ legalName: customers.legalName }).from(customers).where(eq(customers.id, customerId))]);
    const utility = company?.tradeName ?? company?.legalName ?? 'Cauce';
    await enqueueEmail(tx, {
      to: input.email,
      subject: `Invitación al portal de clientes de ${utility}`,
      text: [
        `Hola, ${input.name}:`,
        '',
        `${actor.name} le invita a consultar las facturas de ${customer?.legalName ?? 'su empresa'} en el portal de clientes de ${utility}.`,
        '',
        `Para crear su contraseña abra este enlace (vence el ${formatDateTime(expiresAt)}):`,
        link,
        '',
        'Si no esperaba esta invitación, ignore este mensaje.',
      ].join('\n'),
      relatedEntity: 'portal_invitation',
      relatedId: created.id,
    });
    return { id: created.id, email: input.email, link, expiresAt };
  });
}

/** Revokes a pending invitation of the customer (client administrators only). */
export async function revokePortalInvitation(actor: Actor, invitationId: string, db: Db = getDb(), now = new Date()) {
  const customerId = await assertClientAdmin(db, actor);
  if (!isUuid(invitationId)) throw invitationNotFound();
  return db.transaction(async (tx) => {
    const [inv] = await tx
      .select()
      .from(portalInvitations)
      .where(and(eq(portalInvitations.id, invitationId), eq(portalInvitations.customerId, customerId)))
      .for('update');
    if (!inv) throw invitationNotFound();
    const state = invitationState(inv, now);
    if (state !== 'PENDING') throw new UserError(state === 'ACCEPTED' ? 'La invitación ya fue aceptada.' : state === 'REVOKED' ? 'La invitación ya estaba revocada.' : 'La invitación ya venció.');
    await tx.update(portalInvitations).set({ revokedAt: now, updatedAt: now }).where(eq(portalInvitations.id, inv.id));
    await recordAudit(tx, { id: actor.id, email: actor.email }, { entity: 'portal_invitation', entityId: inv.id, action: 'STATUS_CHANGE', before: { state: 'PENDING' }, after: { state: 'REVOKED' } });
    return { id: inv.id };
  });
}

/** What the public invitation page shows for a token: null when no invitation has it. */
export async function getInvitationForToken(token: string, db: Db = getDb(), now = new Date()) {
  if (!isWellFormedToken(token)) return null;
  const [row] = await db
    .select({ invitation: portalInvitations, customerName: customers.legalName })
    .from(portalInvitations)
    .innerJoin(customers, eq(customers.id, portalInvitations.customerId))
    .where(eq(portalInvitations.tokenHash, hashInvitationToken(token)));
  if (!row) return null;
  const inv = row.invitation;
  const state = invitationState(inv, now);
  return { state, name: inv.name, email: inv.email, customerName: row.customerName, expiresAt: inv.expiresAt, problem: state === 'PENDING' ? null : STATE_ERRORS[state] };
}

/**
 * Accepts an invitation with the invitee's password: creates the CLIENT user of the invitation's
 * customer with its name and e-mail and marks the invitation accepted, or changes nothing. Unknown
 * token → NotFoundError; used, revoked or expired → UserError saying which; an e-mail already
 * registered (checked, and backed by the unique index) → UserError.
 */
export async function acceptPortalInvitation(token: string, input: AcceptInvitationInput, db: Db = getDb(), now = new Date()) {
  if (!isWellFormedToken(token)) throw invalidLink();
  const problem = passwordProblems(input.password);
  if (problem) throw new UserError(problem, { password: [problem] });
  // Hashing takes a moment; do it before the transaction opens.
  const passwordHash = await hashPassword(input.password);
  return db
    .transaction(async (tx) => {
      const [inv] = await tx.select().from(portalInvitations).where(eq(portalInvitations.tokenHash, hashInvitationToken(token))).for('update');
      if (!inv) throw invalidLink();
      const state = invitationState(inv, now);
      if (state !== 'PENDING') throw new UserError(STATE_ERRORS[state]);
      if (await findUserWithEmail(tx, inv.email)) throw emailTaken();
      const created = await insertUser(tx, { email: inv.email, name: inv.name, role: 'CLIENT', customerId: inv.customerId, clientAdmin: false, passwordHash });
      await tx.update(portalInvitations).set({ acceptedAt: now, acceptedUserId: created.id, updatedAt: now }).where(eq(portalInvitations.id, inv.id));
      const self = { id: created.id, email: created.email };
      await recordAudit(tx, self, { entity: 'user', entityId: created.id, action: 'CREATE', after: { ...(await userSnapshot(tx, created)), invitationId: inv.id } });
      await recordAudit(tx, self, { entity: 'portal_invitation', entityId: inv.id, action: 'STATUS_CHANGE', before: { state: 'PENDING' }, after: { state: 'ACCEPTED', userId: created.id } });
      return { userId: created.id, email: created.email };
    })
    .catch((err) => {
      if (uniqueViolation(err) !== null) throw emailTaken();
      throw err;
    });
}

function emailTaken() {
  return new UserError(`${EMAIL_TAKEN} Pida al administrador de su empresa que le invite con otro correo, o inicie sesión si ya tiene una cuenta.`);
}
