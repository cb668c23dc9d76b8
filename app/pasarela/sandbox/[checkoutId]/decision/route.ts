import { after } from 'next/server';
import { buildSandboxEvent, deliverSandboxEvent } from '@/lib/collections/gateway/sandbox';
import { getSandboxCheckout } from '@/lib/dal/checkouts';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const DELAY_MS = 5_000;
const DECISIONS = { approve: 'APPROVED', 'approve-delayed': 'APPROVED', decline: 'DECLINED' } as const;

/**
 * The sandbox page's buttons: acts as the provider would. It builds the event, signs it and POSTs
 * it to this app's webhook URL through fetch (never by calling the handler directly), then sends
 * the browser back to the checkout's return URL. "approve-delayed" returns at once and delivers
 * the webhook ~5 s later, as a provider confirming asynchronously does.
 */
export async function POST(request: Request, { params }: { params: Promise<{ checkoutId: string }> }) {
  const { checkoutId } = await params;
  const checkout = await getSandboxCheckout(checkoutId);
  if (!checkout) return new Response('No encontrado', { status: 404 });
  const form = await request.formData().catch(() => null);
  const decision = String(form?.get('decision') ?? '');
  if (!(decision in DECISIONS)) return new Response('Decisión no válida', { status: 400 });
  const origin = new URL(request.url).origin;
  const event = buildSandboxEvent(checkout, DECISIONS[decision as keyof typeof DECISIONS]);
  if (decision === 'approve-delayed') {
    after(async () => {
      await new Promise((resolve) => setTimeout(resolve, DELAY_MS));
      await deliverSandboxEvent(origin, event).catch((err) => console.error('[sandbox] delayed webhook failed', err));
    });
  } else {
    const status = await deliverSandboxEvent(origin, event).catch((err) => {
      console.error('[sandbox] webhook failed', err);
      return 0;
    });
    if (status !== 200) console.error(`[sandbox] webhook answered ${status} for event ${event.id}`);
  }
  // A relative Location (the return URL is a path inside the app, checked when the checkout started):
  // the browser stays on the host it used, so its session cookie goes with it (the server's own
  // idea of its origin may name another host, e.g. localhost for 127.0.0.1).
  return new Response(null, { status: 303, headers: { Location: checkout.returnUrl } });
}
