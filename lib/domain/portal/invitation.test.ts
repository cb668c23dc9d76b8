import { describe, expect, it } from 'vitest';
import { invitationExpiry, invitationState, isWellFormedToken } from './invitation';

describe('invitations', () => {
  const now = new Date('2026-11-23T12:00:00Z');

  it('expire seven days after they are sent', () => {
    expect(invitationExpiry(now).toISOString()).toBe('2026-11-30T12:00:00.000Z');
  });

  it('are pending until the expiry instant, expired from it on', () => {
    const inv = { acceptedAt: null, revokedAt: null, expiresAt: new Date('2026-11-30T12:00:00Z') };
    expect(invitationState(inv, new Date('2026-11-30T11:59:59.999Z'))).toBe('PENDING');
    expect(invitationState(inv, new Date('2026-11-30T12:00:00Z'))).toBe('EXPIRED');
  });

  it('accepted and revoked are final, whatever the clock says', () => {
    const past = new Date('2026-11-01T00:00:00Z');
    expect(invitationState({ acceptedAt: now, revokedAt: null, expiresAt: past }, now)).toBe('ACCEPTED');
    expect(invitationState({ acceptedAt: null, revokedAt: now, expiresAt: past }, now)).toBe('REVOKED');
    expect(invitationState({ acceptedAt: now, revokedAt: now, expiresAt: past }, now)).toBe('ACCEPTED');
  });

  it('tokens are 43 base64url characters; anything else is not looked up', () => {
    expect(isWellFormedToken('A'.repeat(42) + '_')).toBe(true);
    expect(isWellFormedToken('A'.repeat(42))).toBe(false);
    expect(isWellFormedToken('A'.repeat(42) + '=')).toBe(false);
    expect(isWellFormedToken('../' + 'A'.repeat(40))).toBe(false);
  });
});
