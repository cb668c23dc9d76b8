import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_USERS, HOME_BY_ROLE, launchBrowser, login, newPage, pathOf, screenshot, submitLogin, textOf } from './support';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('login form', () => {
  for (const user of DEMO_USERS) {
    test(`${user.email} (${user.role}) lands on ${HOME_BY_ROLE[user.role]} and sees its name`, async () => {
      const { context, page } = await newPage(browser);
      try {
        await login(page, user.email);
        expect(pathOf(page)).toBe(HOME_BY_ROLE[user.role]);
        expect(await textOf(page, '[data-testid=session-user]')).toContain(user.name);
        await page.waitForLoadState('networkidle');
        await screenshot(page, `${user.role.toLowerCase()}-${user.email.split('@')[0]}`);
      } finally {
        await context.close();
      }
    });
  }

  test('a wrong password shows the error and stays on /login', async () => {
    const { context, page } = await newPage(browser);
    try {
      await submitLogin(page, 'auditor@cauce.example', 'NoEsLaClave.2026');
      await page.getByText('Correo o contraseña incorrectos.').waitFor();
      expect(pathOf(page)).toBe('/login');
      expect(await page.getByLabel('Correo electrónico', { exact: true }).inputValue()).toBe('auditor@cauce.example');
      expect(await page.context().cookies()).not.toContainEqual(expect.objectContaining({ name: 'authjs.session-token' }));
    } finally {
      await context.close();
    }
  });
});
