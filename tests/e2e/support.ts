import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS } from '@/db/seed';
import { cedulaCheckDigit } from '@/lib/domain/documents';
import { HOME_BY_ROLE } from '@/lib/auth/roles';

export { DEMO_PASSWORD, DEMO_USERS, HOME_BY_ROLE };

/** The server under test; `npm run test:e2e` starts one and sets this. */
export const BASE_URL = (() => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL no está definido: ejecute las pruebas con `npm run test:e2e`.');
  return url.replace(/\/$/, '');
})();

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENS_DIR = path.resolve('test-results', 'screens');

export function demoUser(email: string) {
  const user = DEMO_USERS.find((u) => u.email === email);
  if (!user) throw new Error(`Usuario de demostración desconocido: ${email}`);
  return user;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A fresh context (no cookies) with one page; close the context when done. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: BASE_URL, locale: 'es-DO', timezoneId: 'America/Santo_Domingo', viewport: { width: 1366, height: 900 } });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(60_000);
  const page = await context.newPage();
  return { context, page };
}

/** Fills and submits the login form (does not wait for the result). */
export async function submitLogin(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login');
  await page.getByLabel('Correo electrónico', { exact: true }).fill(email);
  await page.getByLabel('Contraseña', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Ingresar' }).click();
}

/** Signs in through the form and waits until the browser has left /login for the role's home. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD) {
  const user = demoUser(email);
  await submitLogin(page, email, password);
  await page.waitForURL((u) => u.pathname === HOME_BY_ROLE[user.role]);
  return user;
}

export const pathOf = (page: Page) => new URL(page.url()).pathname;

/** The visible text of the first element matching the selector, once it is there. */
export async function textOf(page: Page, selector: string) {
  const el = page.locator(selector).first();
  await el.waitFor();
  return (await el.innerText()).replace(/\s+/g, ' ').trim();
}

export async function screenshot(page: Page, name: string) {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS_DIR, `${name}.png`), fullPage: true });
}

export function status(res: Response | null) {
  if (!res) throw new Error('La navegación no produjo respuesta.');
  return res.status();
}

/** A valid cédula that no seeded customer has ('999' is not an office the seed uses). */
export function validCedula() {
  const first10 = `999${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  return `${first10}${cedulaCheckDigit(first10)}`;
}

/** The same number with a wrong check digit. */
export function withWrongCheckDigit(cedula: string) {
  return `${cedula.slice(0, 10)}${(Number(cedula[10]) + 1) % 10}`;
}

/** Minimal cookie jar for plain HTTP requests (name=value only, one host). */
export class CookieJar {
  private cookies = new Map<string, string>();
  store(res: globalThis.Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split('=')[1]) < Date.now()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  has(name: string) {
    return this.cookies.has(name);
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}
