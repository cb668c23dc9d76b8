import { unzipSync } from 'fflate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pdfText } from '../support/pdf-text';
import { BASE_URL, launchBrowser, login, newPage, pathOf, screenshot, status } from './support';

// The demo's billed history (12 months up to 2026-10) gives cliente@ (GC-000001) invoices in every
// period, some paid by the seeded payment history and some still open; cliente2@ is GC-000002.
const UUID = '[0-9a-f-]{36}';
const PERIOD = '2026-10';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh context the size of a phone (390×844, touch), as the issue asks for a client on the go. */
async function newPhonePage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    locale: 'es-DO',
    timezoneId: 'America/Santo_Domingo',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  context.setDefaultTimeout(30_000);
  context.setDefaultNavigationTimeout(60_000);
  return { context, page: await context.newPage() };
}

/** Nothing on the page is wider than the phone's screen (no sideways scrolling). */
async function expectNoHorizontalScroll(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `${pathOf(page)} scrolls sideways`).toBeLessThanOrEqual(widths.client);
}

/** The invoice cards of the phone list (the table is hidden under `sm`). */
const cards = (page: Page) => page.getByRole('list', { name: 'Facturas' }).getByRole('listitem');

/** Applies the list's filters through the form (folded behind "Filtros" on a phone), as a client does, and waits for the filtered page. */
async function filterInvoices(page: Page, filter: { periodo?: string; estado?: string }) {
  const form = page.getByRole('search', { name: 'Filtrar facturas' });
  await expect(form.isVisible()).resolves.toBe(false);
  await page.getByRole('button', { name: /^Filtros/ }).click();
  await form.getByLabel('Período').fill(filter.periodo ?? '');
  await form.getByLabel('Estado').selectOption(filter.estado ?? '');
  await form.getByRole('button', { name: 'Filtrar' }).click();
  await page.waitForURL((u) => u.pathname === '/portal/facturas' && (u.searchParams.get('periodo') ?? '') === (filter.periodo ?? '') && (u.searchParams.get('estado') ?? '') === (filter.estado ?? ''));
  const applied = [filter.periodo, filter.estado].filter(Boolean).length;
  await page.getByRole('button', { name: applied ? `Filtros (${applied})` : 'Filtros', exact: true }).waitFor();
}

describe('the self-service portal on a phone', () => {
  test('a client filters its invoices, downloads a PDF and a ZIP of the filter, pays one through the sandbox and sees it paid', async () => {
    const { context, page } = await newPhonePage();
    try {
      await login(page, 'cliente@cauce.example');
      expect(pathOf(page)).toBe('/portal');
      await page.getByTestId('balance-due').waitFor();
      await expectNoHorizontalScroll(page);
      await screenshot(page, 'portal-phone-home');

      // The menu of a phone leads to the invoices.
      await page.getByRole('button', { name: 'Abrir menú' }).click();
      await page.getByRole('dialog').getByRole('link', { name: 'Facturas' }).click();
      await page.waitForURL((u) => u.pathname === '/portal/facturas');

      // By status: every card of "Pagada" reads Pagada.
      await filterInvoices(page, { estado: 'PAID' });
      await cards(page).first().waitFor();
      const paidCards = await cards(page).allInnerTexts();
      expect(paidCards.length).toBeGreaterThan(0);
      for (const text of paidCards) expect(text).toMatch(/Pagada(?! parcialmente)/);

      // By period: the last billed month, a handful of invoices (the ZIP button counts them).
      await filterInvoices(page, { periodo: PERIOD });
      await cards(page).first().waitFor();
      const zipButton = page.getByRole('button', { name: /^Descargar ZIP \(\d+ facturas?\)$/ });
      const total = Number((await zipButton.innerText()).match(/\((\d+) factura/)![1]);
      expect(total).toBeGreaterThan(0);
      expect(total).toBeLessThanOrEqual(50);
      await expect(cards(page).count()).resolves.toBe(total);
      await expectNoHorizontalScroll(page);
      await screenshot(page, 'portal-phone-invoices');

      // One invoice: its page, and its PDF (the staff renderer) with its number.
      const firstLink = cards(page).first().getByRole('link').first();
      const fiscalNumber = (await firstLink.innerText()).trim();
      await firstLink.click();
      await page.waitForURL((u) => new RegExp(`^/portal/facturas/${UUID}$`).test(u.pathname));
      const detail = await page.locator('main').innerText();
      expect(detail).toContain(fiscalNumber);
      expect(detail).toMatch(/octubre 2026/i);
      await expectNoHorizontalScroll(page);
      await screenshot(page, 'portal-phone-invoice');
      const pdfHref = await page.getByRole('link', { name: 'Descargar PDF' }).getAttribute('href');
      expect(pdfHref).toBe(`${pathOf(page)}/pdf`);
      const pdf = await page.request.get(pdfHref!);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const pdfBytes = await pdf.body();
      expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect((await pdfText(pdfBytes)).all).toContain(fiscalNumber);

      // The ZIP of the filtered invoices: requested from the list, ready on its progress page.
      await page.goBack();
      await page.waitForURL((u) => u.pathname === '/portal/facturas' && u.searchParams.get('periodo') === PERIOD);
      await zipButton.click();
      await page.waitForURL((u) => new RegExp(`^/portal/facturas/lotes/${UUID}$`).test(u.pathname));
      expect(await page.locator('main').innerText()).toContain(`${total} ${total === 1 ? 'factura' : 'facturas'} en PDF`);
      const download = page.getByRole('link', { name: /^Descargar ZIP \(/ });
      await download.waitFor({ timeout: 180_000 });
      await expectNoHorizontalScroll(page);
      await screenshot(page, 'portal-phone-zip');
      const zip = await page.request.get((await download.getAttribute('href'))!);
      expect(zip.status()).toBe(200);
      const zipBytes = await zip.body();
      expect(zipBytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
      const entries = unzipSync(new Uint8Array(zipBytes));
      const names = Object.keys(entries);
      expect(names).toHaveLength(total);
      for (const name of names) {
        expect(name).toMatch(/\.pdf$/);
        expect(Buffer.from(entries[name].subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      }
      expect(names.some((n) => n.includes(fiscalNumber))).toBe(true);

      // Pay one open invoice: from its page, through the sandbox gateway.
      await page.goto('/portal/facturas?estado=ISSUED');
      await cards(page).first().waitFor();
      const openLink = cards(page).first().getByRole('link').first();
      const openNumber = (await openLink.innerText()).trim();
      await openLink.click();
      await page.waitForURL((u) => new RegExp(`^/portal/facturas/${UUID}$`).test(u.pathname));
      const invoicePath = pathOf(page);
      await page.getByRole('link', { name: 'Pagar', exact: true }).click();
      await page.waitForURL((u) => u.pathname === '/portal/pagar' && new RegExp(`^${UUID}$`).test(u.searchParams.get('factura') ?? ''));
      // Preselected: only that invoice is ticked.
      await expect(page.getByRole('checkbox', { name: `Pagar ${openNumber}` }).isChecked()).resolves.toBe(true);
      await expect(page.getByRole('checkbox', { checked: true }).count()).resolves.toBe(1);
      await expectNoHorizontalScroll(page);
      await screenshot(page, 'portal-phone-pay');
      await page.getByTestId('pay-button').click();

      await page.waitForURL((u) => new RegExp(`^/pasarela/sandbox/${UUID}$`).test(u.pathname));
      expect(await page.locator('main').innerText()).toContain(openNumber);
      await screenshot(page, 'portal-phone-sandbox');
      await page.getByRole('button', { name: 'Aprobar', exact: true }).click();

      // Back in the portal: the page refreshes itself until the signed webhook has recorded the payment.
      await page.waitForURL((u) => u.pathname === '/portal/pagar/resultado' && new RegExp(`^${UUID}$`).test(u.searchParams.get('checkout') ?? ''));
      await page.getByTestId('checkout-status').filter({ hasText: 'Pagada' }).waitFor({ timeout: 30_000 });
      const result = await page.locator('main').innerText();
      expect(result).toContain(openNumber);
      expect(result).toMatch(/recibo [A-Z]+-\d{8}/);
      await expectNoHorizontalScroll(page);
      await screenshot(page, 'portal-phone-paid');

      // The invoice reads Pagada, with the payment and its receipt.
      await page.getByRole('link', { name: openNumber }).click();
      await page.waitForURL((u) => u.pathname === invoicePath);
      const paidDetail = await page.locator('main').innerText();
      expect(paidDetail).toMatch(/Pagada(?! parcialmente)/);
      expect(paidDetail).not.toContain('Vencida');
      await expect(page.getByRole('link', { name: 'Pagar', exact: true }).count()).resolves.toBe(0);
      const receipt = page.getByRole('link', { name: /^Descargar el recibo / });
      const receiptHref = (await receipt.getAttribute('href'))!;
      expect(receiptHref).toMatch(new RegExp(`^/portal/pagos/${UUID}/recibo$`));
      const receiptRes = await page.request.get(receiptHref);
      expect(receiptRes.status()).toBe(200);
      const receiptText = (await pdfText(await receiptRes.body())).all;
      expect(receiptText).toContain('RECIBO DE PAGO');
      expect(receiptText).toContain(openNumber);
      await screenshot(page, 'portal-phone-invoice-paid');
    } finally {
      await context.close();
    }
  }, 300_000);
});

describe('nothing of another client is reachable', () => {
  test('cliente2@ gets 404 for cliente@’s invoice, PDF and receipt, and a client is refused the staff invoices', async () => {
    // What cliente@ sees: an invoice and a payment receipt of its own.
    const first = await newPage(browser);
    let invoicePath: string;
    let receiptPath: string;
    try {
      await login(first.page, 'cliente@cauce.example');
      await first.page.goto('/portal/facturas?estado=PAID');
      const link = first.page.locator('main table tbody tr').first().getByRole('link').first();
      await link.click();
      await first.page.waitForURL((u) => new RegExp(`^/portal/facturas/${UUID}$`).test(u.pathname));
      invoicePath = pathOf(first.page);
      receiptPath = (await first.page.getByRole('link', { name: /^Descargar el recibo / }).first().getAttribute('href'))!;
      expect((await first.page.request.get(receiptPath)).status()).toBe(200);
    } finally {
      await first.context.close();
    }

    const { context, page } = await newPage(browser);
    try {
      await login(page, 'cliente2@cauce.example');
      const res = await page.goto(invoicePath);
      expect(status(res)).toBe(404);
      await page.getByRole('heading', { name: 'No encontrado' }).waitFor();
      expect(await page.locator('body').innerText()).not.toContain('GC-000001');
      await screenshot(page, 'portal-other-client-404');
      for (const path of [`${invoicePath}/pdf`, receiptPath]) {
        const r = await page.request.get(path);
        expect(r.status(), path).toBe(404);
        expect(r.headers()['content-type'], path).toMatch(/^text\/plain/);
      }

      // The staff invoice list is not for clients.
      const staff = await page.goto('/facturas');
      expect(status(staff)).toBe(403);
      await page.getByRole('heading', { name: 'Acceso denegado' }).waitFor();
    } finally {
      await context.close();
    }

    // Nor is the portal for staff.
    const clerk = await newPage(browser);
    try {
      await login(clerk.page, 'sucursal@cauce.example');
      const res = await clerk.page.goto(invoicePath);
      expect(status(res)).toBe(403);
    } finally {
      await clerk.context.close();
    }
  });
});
