import 'server-only';
import { headers } from 'next/headers';

/**
 * This request's origin as the browser sees it (behind a proxy too), for links the app sends out:
 * the gateway's return address, invitation links.
 */
export async function requestOrigin() {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto.split(',')[0].trim()}://${host}`;
}
