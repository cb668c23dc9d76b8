import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, login, newPage, pathOf, screenshot } from './support';

// The demo's billed history leaves issued, unpaid invoices in every branch.
const UUID = '[0-9a-f-]{36}';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('paying through the sandbox gateway', () => {
  test('staff start a checkout for one open invoice, the sandbox page approves it, the result and the invoice show it paid', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'sucursal@cauce.example');

      // An agreement of the branch that owes something.
      await page.goto('/cobros/nuevo?q=AC-0', { waitUntil: 'networkidle' });
      const rows = page.locator('main table tbody tr');
      await rows.first().waitFor();
      const count = await rows.count();
      let agreementId = '';
      for (let i = 0; i < count && !agreementId; i++) {
        const open = Number((await rows.nth(i).locator('td').nth(3).innerText()).trim());
        if (open > 0) agreementId = new URL((await rows.nth(i).getByRole('link', { name: /^Cobrar / }).getAttribute('href'))!, 'http://x').searchParams.get('acuerdo') ?? '';
      }
      expect(agreementId).toMatch(new RegExp(`^${UUID}$`));

      await page.goto(`/cobros/pasarela?acuerdo=${agreementId}`, { waitUntil: 'networkidle' });
      const invoiceRow = page.locator('main table tbody tr').first();
      const fiscalNumber = (await invoiceRow.locator('td').nth(1).innerText()).trim();
      await page.getByRole('checkbox', { name: `Pagar la factura ${fiscalNumber}` }).check();
      await screenshot(page, 'gateway-choose');
      await page.getByRole('button', { name: 'Pagar con la pasarela' }).click();

      // The sandbox provider's hosted page: public, outside the staff shell.
      await page.waitForURL((u) => new RegExp(`^/pasarela/sandbox/${UUID}$`).test(u.pathname));
      const sandboxPath = pathOf(page);
      const hosted = await page.locator('main').innerText();
      expect(hosted).toContain('Pasarela de pagos de prueba');
      expect(hosted).toContain(fiscalNumber);
      // innerText follows the CSS (the label is upper-cased).
      expect(hosted).toMatch(/importe a pagar/i);
      await expect(page.locator('nav').count()).resolves.toBe(0);
      await screenshot(page, 'gateway-sandbox');
      await page.getByRole('button', { name: 'Aprobar', exact: true }).click();

      // Back at Cauce: the webhook (signed, sent through HTTP) has recorded the payment.
      await page.waitForURL((u) => u.pathname === '/cobros/pasarela/resultado' && new RegExp(`^${UUID}$`).test(u.searchParams.get('checkout') ?? ''));
      await page.getByTestId('checkout-status').filter({ hasText: 'Pagado' }).waitFor({ timeout: 20_000 });
      const result = await page.locator('main').innerText();
      expect(result).toContain(fiscalNumber);
      expect(result).toMatch(/Ver el pago SDC-\d{8}/);
      await screenshot(page, 'gateway-result');

      // The page is gone once paid; a guessed id never existed (404 both).
      const again = await page.request.get(sandboxPath);
      expect(again.status()).toBe(404);
      const guessed = await page.request.get('/pasarela/sandbox/00000000-0000-4000-8000-000000000000');
      expect(guessed.status()).toBe(404);

      // The invoice detail reads Pagada.
      await page.getByRole('link', { name: fiscalNumber }).click();
      await page.waitForURL((u) => new RegExp(`^/facturas/${UUID}$`).test(u.pathname));
      const detail = await page.locator('main').innerText();
      expect(detail).toMatch(/Pagada(?! parcialmente)/);
      await screenshot(page, 'gateway-invoice-paid');

      // The payment page: channel gateway, card.
      await page.goBack();
      await page.getByRole('link', { name: /^Ver el pago / }).click();
      await page.waitForURL((u) => new RegExp(`^/cobros/${UUID}$`).test(u.pathname));
      expect(await page.locator('main').innerText()).toContain(fiscalNumber);
    } finally {
      await context.close();
    }
  });
});
