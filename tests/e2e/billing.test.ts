import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, login, newPage, pathOf, screenshot } from './support';

// The demo's billed history ends with 2026-10: this run bills the next period for the agreements of the staff member's branch.
const PERIOD = '2026-11';
const UUID = '[0-9a-f-]{36}';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Waits on the run page (which refreshes itself) until the run is finished. */
async function waitForRunDone(page: Page) {
  await page.locator('main').getByText('Terminado', { exact: true }).first().waitFor({ timeout: 120_000 });
}

describe('billing from the browser', () => {
  test('branch staff preview a period, bill it with the same scope and open an invoice', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'sucursal@cauce.example');
      await page.goto('/facturacion', { waitUntil: 'networkidle' });
      await page.locator('#period').fill(PERIOD);
      await page.getByRole('button', { name: 'Vista previa' }).click();
      await page.waitForURL((u) => new RegExp(`^/facturacion/${UUID}$`).test(u.pathname));
      const previewPath = pathOf(page);
      await waitForRunDone(page);
      const preview = await page.locator('main').innerText();
      expect(preview).toContain('Vista previa');

      await page.getByRole('button', { name: 'Facturar este período con el mismo alcance' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Facturar' }).click();
      await page.waitForURL((u) => new RegExp(`^/facturacion/${UUID}$`).test(u.pathname) && u.pathname !== previewPath);
      await waitForRunDone(page);
      await screenshot(page, 'billing-run-done');

      await page.getByRole('link', { name: 'Ver facturas' }).click();
      await page.waitForURL((u) => u.pathname === '/facturas');
      const first = page.locator(`main table a[href^="/facturas/"]`).first();
      await first.waitFor();
      const fiscalNumber = (await first.innerText()).trim();
      expect(fiscalNumber).toMatch(/^\d{5}-\d{8}$/);
      await first.click();
      await page.waitForURL((u) => new RegExp(`^/facturas/${UUID}$`).test(u.pathname));
      const detail = await page.locator('main').innerText();
      expect(detail).toContain(fiscalNumber);
      expect(detail).toContain('Cargo fijo');
      await screenshot(page, 'billing-invoice-detail');
    } finally {
      await context.close();
    }
  });
});
