import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, login, newPage, pathOf, screenshot } from './support';

// The demo's billed history (12 months up to 2026-10) leaves issued, unpaid invoices in every branch.
const UUID = '[0-9a-f-]{36}';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('collecting at the cash desk', () => {
  test('a cashier finds an agreement, collects a partial payment, sees the detail and gets the receipt PDF', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'cajero@cauce.example');
      expect(pathOf(page)).toBe('/caja');
      await page.getByRole('textbox', { name: 'Buscar acuerdo a cobrar' }).fill('AC-0');
      await page.getByRole('button', { name: 'Buscar' }).click();
      await page.waitForURL((u) => u.pathname === '/caja' && u.searchParams.get('q') === 'AC-0');
      const rows = page.locator('main table tbody tr');
      await rows.first().waitFor();
      await screenshot(page, 'payments-cash-desk');

      // The first agreement that owes something (open invoices > 0).
      const count = await rows.count();
      let chosen = -1;
      for (let i = 0; i < count && chosen < 0; i++) {
        const open = Number((await rows.nth(i).locator('td').nth(3).innerText()).trim());
        if (open > 0) chosen = i;
      }
      expect(chosen).toBeGreaterThanOrEqual(0);
      const code = (await rows.nth(chosen).locator('td').first().locator('div').first().innerText()).trim();
      await rows.nth(chosen).getByRole('link', { name: `Cobrar ${code}` }).click();
      await page.waitForURL((u) => u.pathname === '/cobros/nuevo' && new RegExp(`^${UUID}$`).test(u.searchParams.get('acuerdo') ?? ''));
      const form = await page.locator('main').innerText();
      expect(form).toContain(code);
      expect(form).toContain('Total adeudado');
      expect(form).toContain('las de vencimiento más antiguo primero');
      // Prefilled with the total due; a partial payment of 50.00 instead.
      const amount = page.getByLabel(/^Importe/);
      expect(Number((await amount.inputValue()).replace(/,/g, ''))).toBeGreaterThan(50);
      await amount.fill('50.00');
      await page.getByLabel('Referencia').fill('E2E-CAJA-1');
      await screenshot(page, 'payments-new');
      await page.getByRole('button', { name: 'Registrar pago' }).click();

      await page.waitForURL((u) => new RegExp(`^/cobros/${UUID}$`).test(u.pathname));
      const detail = await page.locator('main').innerText();
      const receipt = /Pago registrado con el recibo (SDC-\d{8})/.exec(detail)?.[1];
      expect(receipt).toBeTruthy();
      expect(detail).toContain(code);
      expect(detail).toContain('E2E-CAJA-1');
      expect(detail).toContain('Facturas pagadas');
      expect(detail).toMatch(/Confirmado/);
      await expect(page.locator('main table tbody tr').count()).resolves.toBeGreaterThanOrEqual(1);
      await screenshot(page, 'payments-detail');

      const receiptLink = page.getByRole('link', { name: 'Imprimir recibo' });
      const href = await receiptLink.getAttribute('href');
      expect(href).toBe(`${pathOf(page)}/recibo`);
      const res = await page.request.get(href!);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/pdf');
      expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');

      // The list shows it on its first page (newest first; other browser tests may pay online meanwhile,
      // so not necessarily as the very first row), with its receipt, agreement, amount and method.
      await page.goto('/cobros', { waitUntil: 'networkidle' });
      const listed = await page.locator('main table tbody tr').allInnerTexts();
      const mine = listed.find((r) => r.includes(receipt!));
      expect(mine).toBeDefined();
      expect(mine).toContain(code);
      expect(mine).toMatch(/\b50\.00\b/);
      expect(listed.indexOf(mine!)).toBeLessThan(5);
      await screenshot(page, 'payments-list');
    } finally {
      await context.close();
    }
  });
});
