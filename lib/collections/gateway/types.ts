/**
 * The payment-gateway provider interface (issue 6). A provider takes a checkout to its hosted
 * payment page and later confirms the outcome with a signed webhook. Cauce keeps the checkout
 * (payment_checkouts) and records the payment only from a verified webhook
 * (lib/dal/checkouts.ts, processWebhook). Sandbox (in-app page) and Stripe implement it.
 */

export const PROVIDER_NAMES = ['sandbox', 'stripe'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

/** What a provider needs to start a checkout. Amounts are decimal strings in major units. */
export type CheckoutForProvider = {
  id: string;
  amount: string;
  currency: string;
  /** The invoices' fiscal numbers, for the line the payer sees. */
  invoiceNumbers: string[];
  /** Absolute URLs back to Cauce after paying / giving up. */
  returnUrl: string;
  cancelUrl: string;
  expiresAt: Date;
  /** The app's own origin (scheme://host[:port]) as the request that started it saw it. */
  origin: string;
};

export type StartedCheckout = { redirectUrl: string; providerRef: string };

export type WebhookOutcome = 'APPROVED' | 'DECLINED' | 'PENDING';

/** A verified event: who it is about (our checkout id, or the provider's reference) and what it says. */
export type GatewayEvent = {
  id: string;
  type: string;
  checkoutId: string | null;
  providerRef: string | null;
  outcome: WebhookOutcome;
  payload: Record<string, unknown>;
};

export interface PaymentProvider {
  readonly name: ProviderName;
  startCheckout(checkout: CheckoutForProvider): Promise<StartedCheckout>;
  /** Verifies the signature and time of a delivery and reads it; throws WebhookVerificationError otherwise. */
  parseWebhook(rawBody: string, headers: Headers, now: Date): GatewayEvent | Promise<GatewayEvent>;
}

/** A delivery that is not from the provider, is too old or cannot be read: answered 400, recorded nowhere. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
  }
}

/** The provider is not configured (e.g. Stripe without its keys). */
export class ProviderNotConfiguredError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProviderNotConfiguredError';
  }
}
