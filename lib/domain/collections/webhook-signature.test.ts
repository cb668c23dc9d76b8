import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSignatureHeader, signWebhook, verifyWebhookSignature, webhookDigest } from './webhook-signature';

const SECRET = 'whsec-test-0123456789abcdef';
const BODY = '{"id":"evt_1","type":"checkout.approved","data":{"checkoutId":"c1","amount":"150.00","currency":"DOP"}}';
const T = 1_800_000_000; // unix seconds of the delivery
const at = (seconds: number) => new Date(seconds * 1000);

describe('signing', () => {
  it('is HMAC-SHA256 over "<t>.<raw body>" in hex, sent as t=…,v1=…', () => {
    const expected = createHmac('sha256', SECRET).update(`${T}.${BODY}`).digest('hex');
    expect(webhookDigest(BODY, SECRET, T)).toBe(expected);
    expect(signWebhook(BODY, SECRET, T)).toBe(`t=${T},v1=${expected}`);
  });

  it('parses several v1 values (secret rotation) and refuses a header without a timestamp', () => {
    expect(parseSignatureHeader('t=5,v1=AA,v0=zz,v1=bb')).toEqual({ timestamp: 5, signatures: ['aa', 'bb'] });
    expect(parseSignatureHeader('v1=aa')).toBeNull();
    expect(parseSignatureHeader('t=abc,v1=aa')).toBeNull();
  });
});

describe('verifying', () => {
  const header = signWebhook(BODY, SECRET, T);

  it('accepts the same second and up to 300 s either way', () => {
    expect(verifyWebhookSignature(BODY, header, SECRET, at(T))).toEqual({ ok: true, timestamp: T });
    expect(verifyWebhookSignature(BODY, header, SECRET, at(T + 300)).ok).toBe(true);
    expect(verifyWebhookSignature(BODY, header, SECRET, at(T - 300)).ok).toBe(true);
  });

  it('refuses 301 s late (a replay) and 301 s early (a clock ahead)', () => {
    expect(verifyWebhookSignature(BODY, header, SECRET, at(T + 301))).toEqual({ ok: false, reason: 'outside-tolerance' });
    expect(verifyWebhookSignature(BODY, header, SECRET, at(T - 301))).toEqual({ ok: false, reason: 'outside-tolerance' });
  });

  it('the milliseconds of the clock do not widen the window: t + 300.999 s is still second 300', () => {
    expect(verifyWebhookSignature(BODY, header, SECRET, new Date((T + 300) * 1000 + 999)).ok).toBe(true);
    expect(verifyWebhookSignature(BODY, header, SECRET, new Date((T + 301) * 1000)).ok).toBe(false);
  });

  it('refuses a tampered body (one amount digit changed)', () => {
    expect(verifyWebhookSignature(BODY.replace('150.00', '950.00'), header, SECRET, at(T))).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses another secret', () => {
    expect(verifyWebhookSignature(BODY, header, `${SECRET}x`, at(T))).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses a moved timestamp: the signature covers it', () => {
    const v1 = header.split('v1=')[1];
    expect(verifyWebhookSignature(BODY, `t=${T + 1},v1=${v1}`, SECRET, at(T))).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('refuses bad hex, a short digest and a missing v1 without throwing', () => {
    const v1 = header.split('v1=')[1];
    expect(verifyWebhookSignature(BODY, `t=${T},v1=${'zz'.repeat(32)}`, SECRET, at(T))).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyWebhookSignature(BODY, `t=${T},v1=${v1.slice(0, 62)}`, SECRET, at(T))).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyWebhookSignature(BODY, `t=${T}`, SECRET, at(T))).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('accepts when any one of several v1 values matches (rotation)', () => {
    const v1 = header.split('v1=')[1];
    expect(verifyWebhookSignature(BODY, `t=${T},v1=${'0'.repeat(64)},v1=${v1}`, SECRET, at(T)).ok).toBe(true);
  });

  it('refuses a missing or malformed header', () => {
    expect(verifyWebhookSignature(BODY, null, SECRET, at(T))).toEqual({ ok: false, reason: 'missing-header' });
    expect(verifyWebhookSignature(BODY, '', SECRET, at(T))).toEqual({ ok: false, reason: 'missing-header' });
    expect(verifyWebhookSignature(BODY, 'garbage', SECRET, at(T))).toEqual({ ok: false, reason: 'malformed-header' });
  });
});
