/**
 * Portal invitations: a client administrator invites a colleague with a link that carries a random
 * token (only its SHA-256 is stored) and expires after INVITATION_TTL_DAYS. Pure rules, no I/O.
 */

export const INVITATION_TTL_DAYS = 7;

export const INVITATION_STATES = ['PENDING', 'ACCEPTED', 'REVOKED', 'EXPIRED'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

export const INVITATION_STATE_LABELS: Record<InvitationState, string> = {
  PENDING: 'Pendiente',
  ACCEPTED: 'Aceptada',
  REVOKED: 'Revocada',
  EXPIRED: 'Vencida',
};

// Seven days later to the millisecond; e.g. 2026-11-23T12:00Z → 2026-11-30T12:00Z.
export function invitationExpiry(now: Date): Date {
  return new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
}

/**
 * Accepted and revoked are final (in that order of precedence); otherwise the invitation is
 * expired from its expiry instant on, pending before. E.g. expires 12:00 → at 11:59 PENDING, at 12:00 EXPIRED.
 */
export function invitationState(inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now: Date): InvitationState {
  if (inv.acceptedAt) return 'ACCEPTED';
  if (inv.revokedAt) return 'REVOKED';
  return now.getTime() >= inv.expiresAt.getTime() ? 'EXPIRED' : 'PENDING';
}

/** A token as we issue it: 32 random bytes in base64url, 43 characters. Anything else is not looked up. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
