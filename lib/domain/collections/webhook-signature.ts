/**
 * Signed webhooks (issue 6, payment gateway). A provider signs `${timestamp}.${rawBody}` with
 * HMAC-SHA256 and a shared secret and sends the header `t=<unix seconds>,v1=<hex digest>`; the
 * receiver recomputes the digest over the RAW body it got (never a re-serialised JSON) and accepts
 * it only when a v1 value matches (compared in constant time) and the timestamp is within the
 * tolerance of its own clock, in both directions (a replay of an old delivery, or a clock far
 * ahead, is refused). Several v1 values may be sent (secret rotation): any one matching is enough.
 *
 * Example: secret "s", body "{}", t=1700000000 → header "t=1700000000,v1=<hmac_sha256('s', '1700000000.{}')>";
 * verified at 1700000300 (300 s later) → ok; at 1700000301 → refused as too old.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const WEBHOOK_TOLERANCE_SECONDS = 300;

export type WebhookSignatureFailure = 'missing-header' | 'malformed-header' | 'bad-signature' | 'outside-tolerance';
export type WebhookSignatureCheck = { ok: true; timestamp: number } | { ok: false; reason: WebhookSignatureFailure };

const HEX_DIGEST = /^[0-9a-f]{64}$/;

/** The hex HMAC-SHA256 of `${timestamp}.${rawBody}`. */
export function webhookDigest(rawBody: string, secret: string, timestamp: number): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

/** The signature header for a body sent at `timestamp` (unix seconds). */
export function signWebhook(rawBody: string, secret: string, timestamp: number): string {
  return `t=${timestamp},v1=${webhookDigest(rawBody, secret, timestamp)}`;
}

/** Parses `t=…,v1=…[,v1=…]`; null when the timestamp is missing or not an integer. */
export function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value)) return null;
      timestamp = Number(value);
    } else if (key === 'v1') signatures.push(value.toLowerCase());
  }
  return timestamp === null ? null : { timestamp, signatures };
}

/**
 * Checks a delivery: the header, then the signature (constant-time), then the time. `now` is the
 * receiver's clock; |now − t| ≤ tolerance passes (300 s ok, 301 s refused).
 */
export function verifyWebhookSignature(
  rawBody: string,
  header: string | null | undefined,
  secret: string,
  now: Date,
  toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS,
): WebhookSignatureCheck {
  if (!header) return { ok: false, reason: 'missing-header' };
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { ok: false, reason: 'malformed-header' };
  const expected = Buffer.from(webhookDigest(rawBody, secret, parsed.timestamp), 'hex');
  const matches = parsed.signatures.some((sig) => HEX_DIGEST.test(sig) && timingSafeEqual(Buffer.from(sig, 'hex'), expected));
  if (!matches) return { ok: false, reason: 'bad-signature' };
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (Math.abs(nowSeconds - parsed.timestamp) > toleranceSeconds) return { ok: false, reason: 'outside-tolerance' };
  return { ok: true, timestamp: parsed.timestamp };
}
