import { createHash } from 'node:crypto';

/**
 * The sandbox provider's webhook secret: CAUCE_WEBHOOK_SECRET (≥ 16 characters) when set, otherwise
 * derived from AUTH_SECRET (as lib/instrument-secret.ts does), so every node of one installation
 * signs and verifies with the same key and the sessions' key itself is never used directly.
 */
export function webhookSecret(): string {
  const explicit = process.env.CAUCE_WEBHOOK_SECRET;
  if (explicit && explicit.length >= 16) return explicit;
  const auth = process.env.AUTH_SECRET;
  if (!auth) throw new Error('Falta AUTH_SECRET (o CAUCE_WEBHOOK_SECRET) para firmar los webhooks de la pasarela.');
  return createHash('sha256').update(`cauce-webhook:${auth}`).digest('hex');
}
