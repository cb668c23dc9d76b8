import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, login, newPage, screenshot } from './support';

// The demo's last billed period of its history: a finished RUN with a few hundred invoices.
const PERIOD_LABEL = /octubre 2026/i;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('PDF of a whole billing run', () => {
  test('an administrator generates the ZIP of a finished run in the background and downloads it', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin@cauce.example');
      await page.goto('/facturacion', { waitUntil: 'networkidle' });
      const row = page.locator('main table tbody tr').filter({ hasText: PERIOD_LABEL }).filter({ hasText: 'Terminado' }).first();
      await row.locator('a[href^="/facturacion/"]').first().click();
      await page.getByRole('button', { name: 'PDF de todas las facturas (ZIP)' }).click();
      // Worker threads of the web server render the PDFs; the page shows progress, then the download.
      const download = page.getByRole('link', { name: /Descargar ZIP/ });
      await download.waitFor({ timeout: 240_000 });
      await screenshot(page, 'billing-run-pdf-zip');
      const href = (await download.getAttribute('href'))!;
      const res = await page.request.get(href);
      expect(res.status()).toBe(200);
      const body = await res.body();
      // A ZIP (local file header "PK\x03\x04") of many PDFs.
      expect(body.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
      expect(body.length).toBeGreaterThan(100_000);
      expect((body.toString('latin1').match(/%PDF-/g) ?? []).length).toBeGreaterThan(100);
    } finally {
      await context.close();
    }
  }, 300_000);
});
