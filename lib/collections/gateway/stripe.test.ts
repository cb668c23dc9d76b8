import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { createStripeProvider } from './stripe';
import { WebhookVerificationError } from './types';

// No network: webhooks are signed with the SDK's own test helper and the API client's fetch is a fake.
const WHSEC = 'whsec_test_cauce_0123456789';
const NOW = new Date('2027-03-15T12:00:00Z');
const nowS = Math.floor(NOW.getTime() / 1000);
const CHECKOUT_ID = '0b7c6a52-5a44-4a3e-9f0e-4d2a8f1c9e11';

function sessionEvent(type: string, session: Record<string, unknown>) {
  return JSON.stringify({ id: `evt_${type.replace(/\W/g, '_')}`, object: 'event', type, api_version: '2025-01-01', created: nowS, data: { object: { id: 'cs_test_123', object: 'checkout.session', client_reference_id: CHECKOUT_ID, metadata: { checkoutId: CHECKOUT_ID }, ...session } } });
}
const headers = (signature: string) => new Headers({ 'stripe-signature': signature });
const sign = (payload: string, timestamp = nowS) => Stripe.webhooks.generateTestHeaderString({ payload, secret: WHSEC, timestamp });

describe('Stripe webhooks', () => {
  const provider = createStripeProvider({ secretKey: 'sk_test_x', webhookSecret: WHSEC });

  it('a paid checkout.session.completed is APPROVED for our checkout and the session id', () => {
    const payload = sessionEvent('checkout.session.completed', { payment_status: 'paid' });
    const event = provider.parseWebhook(payload, headers(sign(payload)), NOW) as Awaited<ReturnType<typeof provider.parseWebhook>>;
    expect(event).toMatchObject({ id: 'evt_checkout_session_completed', type: 'checkout.session.completed', checkoutId: CHECKOUT_ID, providerRef: 'cs_test_123', outcome: 'APPROVED' });
  });

  it('completed but unpaid (an asynchronous method) is PENDING; async failure and expiry are DECLINED', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['checkout.session.completed', { payment_status: 'unpaid' }, 'PENDING'],
      ['checkout.session.async_payment_succeeded', { payment_status: 'paid' }, 'APPROVED'],
      ['checkout.session.async_payment_failed', { payment_status: 'unpaid' }, 'DECLINED'],
      ['checkout.session.expired', { payment_status: 'unpaid', status: 'expired' }, 'DECLINED'],
    ];
    for (const [type, session, outcome] of cases) {
      const payload = sessionEvent(type, session);
      expect(provider.parseWebhook(payload, headers(sign(payload)), NOW)).toMatchObject({ type, outcome });
    }
  });

  it('refuses a tampered payload', () => {
    const payload = sessionEvent('checkout.session.completed', { payment_status: 'paid' });
    const signature = sign(payload);
    expect(() => provider.parseWebhook(payload.replace('"paid"', '"PAID"'), headers(signature), NOW)).toThrow(WebhookVerificationError);
  });

  it('refuses a timestamp older than 5 minutes and accepts one exactly 5 minutes old', () => {
    const payload = sessionEvent('checkout.session.completed', { payment_status: 'paid' });
    expect(() => provider.parseWebhook(payload, headers(sign(payload, nowS - 301)), NOW)).toThrow(WebhookVerificationError);
    expect(provider.parseWebhook(payload, headers(sign(payload, nowS - 300)), NOW)).toMatchObject({ outcome: 'APPROVED' });
  });

  it('refuses another endpoint secret and a missing header', () => {
    const payload = sessionEvent('checkout.session.completed', { payment_status: 'paid' });
    const other = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other', timestamp: nowS });
    expect(() => provider.parseWebhook(payload, headers(other), NOW)).toThrow(WebhookVerificationError);
    expect(() => provider.parseWebhook(payload, new Headers(), NOW)).toThrow(WebhookVerificationError);
  });
});

describe('Stripe checkout', () => {
  it('creates a Checkout Session in cents with one line, our id in metadata and the return URLs', async () => {
    const requests: { url: string; method: string; body: URLSearchParams; headers: Headers }[] = [];
    const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
      requests.push({ url: String(input), method: init?.method ?? 'GET', body: new URLSearchParams(String(init?.body ?? '')), headers: new Headers(init?.headers as HeadersInit) });
      return new Response(JSON.stringify({ id: 'cs_test_abc', object: 'checkout.session', url: 'https://checkout.stripe.com/c/pay/cs_test_abc' }), { status: 200, headers: { 'content-type': 'application/json', 'request-id': 'req_1' } });
    }) as typeof fetch;
    const client = new Stripe('sk_test_fake', { httpClient: Stripe.createFetchHttpClient(fakeFetch), maxNetworkRetries: 0 });
    const provider = createStripeProvider({ client, webhookSecret: WHSEC });
    const expiresAt = new Date(NOW.getTime() + 30 * 60_000);
    const started = await provider.startCheckout({
      id: CHECKOUT_ID,
      amount: '1234.56',
      currency: 'DOP',
      invoiceNumbers: ['B0100000001', 'B0100000002'],
      returnUrl: 'https://cauce.example/cobros/pasarela/resultado?checkout=x',
      cancelUrl: 'https://cauce.example/cobros/pasarela/resultado?checkout=x&cancelado=1',
      expiresAt,
      origin: 'https://cauce.example',
    });
    expect(started).toEqual({ redirectUrl: 'https://checkout.stripe.com/c/pay/cs_test_abc', providerRef: 'cs_test_abc' });
    expect(requests).toHaveLength(1);
    const [req] = requests;
    expect(req.method).toBe('POST');
    expect(new URL(req.url).pathname).toBe('/v1/checkout/sessions');
    expect(req.headers.get('idempotency-key')).toBe(`cauce-checkout-${CHECKOUT_ID}`);
    const b = req.body;
    expect(b.get('mode')).toBe('payment');
    expect(b.get('client_reference_id')).toBe(CHECKOUT_ID);
    expect(b.get('metadata[checkoutId]')).toBe(CHECKOUT_ID);
    expect(b.get('line_items[0][quantity]')).toBe('1');
    // 1,234.56 DOP → 123456 cents, currency lower-cased.
    expect(b.get('line_items[0][price_data][unit_amount]')).toBe('123456');
    expect(b.get('line_items[0][price_data][currency]')).toBe('dop');
    expect(b.get('line_items[0][price_data][product_data][name]')).toBe('Facturas B0100000001, B0100000002');
    expect(b.get('success_url')).toBe('https://cauce.example/cobros/pasarela/resultado?checkout=x');
    expect(b.get('cancel_url')).toContain('cancelado=1');
    expect(Number(b.get('expires_at'))).toBe(Math.floor(expiresAt.getTime() / 1000) + 120);
  });
});
