/**
 * Stripe Checkout behind the PaymentProvider interface, through the official SDK. Configured by
 * STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET (the endpoint's `whsec_…`); the webhook endpoint to
 * register in Stripe is `<origin>/api/webhooks/stripe`. The SDK checks the signature and its
 * 5-minute tolerance (constructEvent); events map to outcomes:
 *   checkout.session.completed with payment_status "paid" → APPROVED (unpaid: an asynchronous
 *   method still running → PENDING), checkout.session.async_payment_succeeded → APPROVED,
 *   checkout.session.async_payment_failed and checkout.session.expired → DECLINED.
 * Amounts go in cents: DOP, USD and EUR all have two decimals in Stripe.
 */
import Stripe from 'stripe';
import { toCents } from '@/lib/domain/money';
import { ProviderNotConfiguredError, WebhookVerificationError, type CheckoutForProvider, type GatewayEvent, type PaymentProvider, type WebhookOutcome } from './types';

export type StripeProviderConfig = {
  secretKey?: string;
  webhookSecret?: string;
  /** Tests pass an SDK instance whose HTTP client is replaced; no network is touched then. */
  client?: Stripe;
};

// Stripe refuses a session that expires in under 30 minutes; ours expires in 30, so Stripe's gets 2 more.
const STRIPE_EXPIRY_MARGIN_S = 120;

function outcomeOf(event: Stripe.Event): WebhookOutcome | null {
  switch (event.type) {
    case 'checkout.session.completed':
      return event.data.object.payment_status === 'paid' ? 'APPROVED' : 'PENDING';
    case 'checkout.session.async_payment_succeeded':
      return 'APPROVED';
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired':
      return 'DECLINED';
    default:
      return null;
  }
}

export function createStripeProvider(config: StripeProviderConfig = {}): PaymentProvider {
  const secretKey = config.secretKey ?? process.env.STRIPE_SECRET_KEY;
  const endpointSecret = config.webhookSecret ?? process.env.STRIPE_WEBHOOK_SECRET;
  let client = config.client;
  const stripe = () => {
    if (client) return client;
    if (!secretKey) throw new ProviderNotConfiguredError('Falta STRIPE_SECRET_KEY para usar la pasarela Stripe.');
    client = new Stripe(secretKey);
    return client;
  };

  return {
    name: 'stripe',
    async startCheckout(checkout: CheckoutForProvider) {
      const session = await stripe().checkout.sessions.create({
        mode: 'payment',
        client_reference_id: checkout.id,
        metadata: { checkoutId: checkout.id },
        payment_intent_data: { metadata: { checkoutId: checkout.id } },
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: checkout.currency.toLowerCase(),
              unit_amount: Number(toCents(checkout.amount)),
              product_data: { name: `Facturas ${checkout.invoiceNumbers.join(', ')}`.slice(0, 250) },
            },
          },
        ],
        success_url: checkout.returnUrl,
        cancel_url: checkout.cancelUrl,
        expires_at: Math.floor(checkout.expiresAt.getTime() / 1000) + STRIPE_EXPIRY_MARGIN_S,
      }, { idempotencyKey: `cauce-checkout-${checkout.id}` });
      if (!session.url) throw new Error('Stripe no devolvió la dirección de la página de pago.');
      return { redirectUrl: session.url, providerRef: session.id };
    },
    parseWebhook(rawBody: string, headers: Headers, now: Date): GatewayEvent {
      if (!endpointSecret) throw new ProviderNotConfiguredError('Falta STRIPE_WEBHOOK_SECRET para recibir los webhooks de Stripe.');
      const signature = headers.get('stripe-signature');
      if (!signature) throw new WebhookVerificationError('Falta la firma del webhook (Stripe-Signature).');
      let event: Stripe.Event;
      try {
        // Tolerance 300 s (the SDK's default) measured against our clock (receivedAt is in ms).
        // The SDK refuses old deliveries only; a timestamp from the future is its own call.
        event = Stripe.webhooks.constructEvent(rawBody, signature, endpointSecret, 300, undefined, now.getTime());
      } catch (err) {
        throw new WebhookVerificationError(`Webhook de Stripe rechazado: ${err instanceof Error ? err.message : String(err)}`);
      }
      const outcome = outcomeOf(event);
      const object = (event.data?.object ?? {}) as { id?: string; object?: string; metadata?: Record<string, string> | null; client_reference_id?: string | null };
      const isSession = object.object === 'checkout.session';
      return {
        id: event.id,
        type: event.type,
        checkoutId: isSession ? (object.metadata?.checkoutId ?? object.client_reference_id ?? null) : null,
        providerRef: isSession ? (object.id ?? null) : null,
        // Events Cauce does not act on are recorded and answered 200 so Stripe stops resending them.
        outcome: outcome ?? 'PENDING',
        payload: JSON.parse(rawBody) as Record<string, unknown>,
      };
    },
  };
}
