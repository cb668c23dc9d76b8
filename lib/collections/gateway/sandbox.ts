/**
 * The sandbox provider: a hosted payment page inside Cauce (/pasarela/sandbox/<checkout>) that
 * approves or declines on a button and then behaves like a real provider: it builds an event,
 * signs it (lib/domain/collections/webhook-signature.ts) and POSTs it to /api/webhooks/sandbox.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { signWebhook, verifyWebhookSignature } from '@/lib/domain/collections/webhook-signature';
import { webhookSecret } from './secret';
import { WebhookVerificationError, type CheckoutForProvider, type GatewayEvent, type PaymentProvider, type WebhookOutcome } from './types';

export const SANDBOX_SIGNATURE_HEADER = 'cauce-signature';

export const SANDBOX_EVENT_TYPES = { APPROVED: 'checkout.approved', DECLINED: 'checkout.declined' } as const;

const eventSchema = z.object({
  id: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  data: z.object({ checkoutId: z.uuid(), amount: z.string().optional(), currency: z.string().optional() }),
});

export type SandboxEvent = z.infer<typeof eventSchema>;

function outcomeOf(type: string): WebhookOutcome {
  if (type === SANDBOX_EVENT_TYPES.APPROVED) return 'APPROVED';
  if (type === SANDBOX_EVENT_TYPES.DECLINED) return 'DECLINED';
  return 'PENDING';
}

export function sandboxHostedPagePath(checkoutId: string) {
  return `/pasarela/sandbox/${checkoutId}`;
}

/** The event the sandbox sends for a decision on a checkout (a fresh event id each time). */
export function buildSandboxEvent(checkout: { id: string; amount: string; currency: string }, decision: 'APPROVED' | 'DECLINED'): SandboxEvent {
  return { id: `evt_${randomUUID()}`, type: SANDBOX_EVENT_TYPES[decision], data: { checkoutId: checkout.id, amount: checkout.amount, currency: checkout.currency } };
}

/** The body and headers of a signed delivery, as the sandbox sends it (tests use it too). */
export function signedSandboxDelivery(event: SandboxEvent, now = new Date(), secret = webhookSecret()) {
  const body = JSON.stringify(event);
  const signature = signWebhook(body, secret, Math.floor(now.getTime() / 1000));
  return { body, headers: { 'content-type': 'application/json', [SANDBOX_SIGNATURE_HEADER]: signature } };
}

/** Delivers a signed event to the app's webhook URL through fetch, like a real provider. */
export async function deliverSandboxEvent(origin: string, event: SandboxEvent): Promise<number> {
  const { body, headers } = signedSandboxDelivery(event);
  const res = await fetch(`${origin}/api/webhooks/sandbox`, { method: 'POST', body, headers, cache: 'no-store' });
  return res.status;
}

const SIGNATURE_MESSAGES = {
  'missing-header': 'Falta la firma del webhook.',
  'malformed-header': 'La firma del webhook no tiene el formato esperado.',
  'bad-signature': 'La firma del webhook no es válida.',
  'outside-tolerance': 'El webhook está fuera del margen de 5 minutos.',
} as const;

export function createSandboxProvider(secret: () => string = webhookSecret): PaymentProvider {
  return {
    name: 'sandbox',
    async startCheckout(checkout: CheckoutForProvider) {
      // Nothing leaves the app: the hosted page reads the checkout from the database.
      return { redirectUrl: `${checkout.origin}${sandboxHostedPagePath(checkout.id)}`, providerRef: `sbx_${checkout.id}` };
    },
    parseWebhook(rawBody: string, headers: Headers, now: Date): GatewayEvent {
      const check = verifyWebhookSignature(rawBody, headers.get(SANDBOX_SIGNATURE_HEADER), secret(), now);
      if (!check.ok) throw new WebhookVerificationError(SIGNATURE_MESSAGES[check.reason]);
      let json: unknown;
      try {
        json = JSON.parse(rawBody);
      } catch {
        throw new WebhookVerificationError('El cuerpo del webhook no es JSON.');
      }
      const parsed = eventSchema.safeParse(json);
      if (!parsed.success) throw new WebhookVerificationError('El evento del webhook no tiene el formato esperado.');
      const event = parsed.data;
      return { id: event.id, type: event.type, checkoutId: event.data.checkoutId, providerRef: null, outcome: outcomeOf(event.type), payload: event as Record<string, unknown> };
    },
  };
}
