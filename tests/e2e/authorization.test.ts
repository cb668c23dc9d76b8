import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, login, newPage, pathOf, status } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// A signed-in user opening a page of another role gets the 403 page, not a redirect.
const CASES: [email: string, path: string][] = [
  ['cajero@cauce.example', '/admin/usuarios'],
  ['cajero@cauce.example', '/clientes/nuevo'],
  ['cliente@cauce.example', '/clientes'],
  ['auditor@cauce.example', '/clientes/nuevo'],
  ['sucursal@cauce.example', '/admin'],
];

describe('wrong-role URLs', () => {
  for (const [email, path] of CASES) {
    test(`${email} → ${path} is 403 "Acceso denegado"`, async () => {
      const { context, page } = await newPage(browser);
      try {
        await login(page, email);
        const res = await page.goto(path);
        expect(status(res)).toBe(403);
        expect(pathOf(page)).toBe(path);
        await page.getByRole('heading', { name: 'Acceso denegado' }).waitFor();
      } finally {
        await context.close();
      }
    });
  }
});
