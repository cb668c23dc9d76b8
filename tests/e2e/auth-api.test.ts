import { describe, expect, test } from 'vitest';
import { BASE_URL, CookieJar, DEMO_PASSWORD, demoUser } from './support';

/** Auth.js's own credentials flow from a plain HTTP client: csrf → callback → session. */
async function signIn(email: string, password: string) {
  const jar = new CookieJar();
  const csrfRes = await fetch(`${BASE_URL}/api/auth/csrf`);
  expect(csrfRes.status).toBe(200);
  jar.store(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  expect(csrfToken).toBeTruthy();

  const callback = await fetch(`${BASE_URL}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${BASE_URL}/` }),
  });
  jar.store(callback);

  const sessionRes = await fetch(`${BASE_URL}/api/auth/session`, { headers: { cookie: jar.header() } });
  expect(sessionRes.status).toBe(200);
  const session = (await sessionRes.json()) as { user?: { email: string; name: string; role: string } } | null;
  return { callback, jar, session };
}

describe('credentials callback over plain HTTP', () => {
  for (const email of ['cajero@cauce.example', 'cliente2@cauce.example']) {
    test(`${email} gets a session with its role`, async () => {
      const user = demoUser(email);
      const { callback, jar, session } = await signIn(email, DEMO_PASSWORD);
      expect([302, 303]).toContain(callback.status);
      expect(jar.has('authjs.session-token')).toBe(true);
      expect(session?.user).toMatchObject({ email: user.email, name: user.name, role: user.role });
    });
  }

  test('a wrong password gets no session', async () => {
    const { callback, jar, session } = await signIn('inspector@cauce.example', 'NoEsLaClave.2026');
    expect(callback.headers.get('location') ?? '').toContain('error=');
    expect(jar.has('authjs.session-token')).toBe(false);
    expect(session?.user).toBeUndefined();
  });
});
