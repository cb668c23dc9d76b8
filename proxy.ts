import { NextResponse, type NextRequest } from 'next/server';

/**
 * Optimistic redirect only: a visitor without a session cookie goes to /login and comes back
 * afterwards. It is not authorization — every page, action and route checks the session itself.
 */
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.has('authjs.session-token') || request.cookies.has('__Secure-authjs.session-token');
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  const target = `${request.nextUrl.pathname}${request.nextUrl.search}`;
  url.pathname = '/login';
  url.search = target === '/' ? '' : `?callbackUrl=${encodeURIComponent(target)}`;
  return NextResponse.redirect(url);
}

// /pasarela/… is the sandbox provider's hosted payment page: public, like a real provider's site.
// /invitacion/… is the portal invitation link: public, the invitee has no account yet.
export const config = {
  matcher: ['/((?!api/|_next/|login|pasarela/|invitacion/|favicon.ico|.*\\.(?:png|jpg|svg|ico|css|js)$).*)'],
};
