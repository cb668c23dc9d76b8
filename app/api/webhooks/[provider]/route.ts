import { processWebhook } from '@/lib/dal/checkouts';

// Node runtime (node:crypto, the database); never cached.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * A payment provider's webhook: POST /api/webhooks/<sandbox|stripe>. The signature covers the raw
 * bytes, so the body is read as text and verified before anything is parsed or recorded; 400 for a
 * bad signature or a stale timestamp (nothing recorded), 200 once recorded (or for a duplicate).
 */
export async function POST(request: Request, { params }: { params: Promise<{ provider: string }> }) {
  const { provider } = await params;
  const rawBody = await request.text();
  const { status, body } = await processWebhook(provider, rawBody, request.headers);
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}
