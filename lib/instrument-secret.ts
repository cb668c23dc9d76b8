import { createHash } from 'node:crypto';

/**
 * The secret that keys payment-instrument tokens (tokenizeInstrument). CAUCE_TOKEN_SECRET when set,
 * otherwise derived from AUTH_SECRET (always present: scripts/env.ts writes one on first start), so
 * the same card gives the same token across restarts and nodes, and never the raw number.
 */
export function instrumentSecret(): string {
  const explicit = process.env.CAUCE_TOKEN_SECRET;
  if (explicit && explicit.length >= 16) return explicit;
  const auth = process.env.AUTH_SECRET;
  if (!auth) throw new Error('Falta AUTH_SECRET (o CAUCE_TOKEN_SECRET) para tokenizar medios de pago.');
  return createHash('sha256').update(`cauce-instrument-token:${auth}`).digest('hex');
}
