import type { Browser, Page } from 'playwright-core';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { pdfText } from '../support/pdf-text';
import { launchBrowser, login, newPage, pathOf, screenshot } from './support';

const PREVIEW = '/admin/formatos/vista-previa';
const UUID = '[0-9a-f-]{36}';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The fill colours used on a PDF's first page, as #rrggbb (pdfjs operator list). */
async function fillColours(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const ops = await (await doc.getPage(1)).getOperatorList();
  const colours = new Set<string>();
  ops.fnArray.forEach((fn, i) => {
    if (fn === OPS.setFillRGBColor) colours.add(String(ops.argsArray[i][0]).toLowerCase());
  });
  await doc.destroy();
  return [...colours];
}

/**
 * The PDF the preview frame shows, read back from its blob: URL inside the page, once the frame
 * shows a document (other than `previous`) whose text contains `needle`.
 */
async function framePdfContaining(page: Page, previous: string | null, needle: string, timeoutMs = 30_000) {
  const frame = page.locator('iframe[title="Vista previa del PDF"]');
  const deadline = Date.now() + timeoutMs;
  const seen = new Set<string>();
  while (Date.now() < deadline) {
    const src = await frame.getAttribute('src');
    if (src && src !== previous && !seen.has(src)) {
      seen.add(src);
      // The form revokes a blob URL once a newer preview replaces it: a failed read just waits for the next.
      const bytes = await page.evaluate(async (u) => Array.from(new Uint8Array(await (await fetch(u)).arrayBuffer())), src).catch(() => null);
      if (bytes?.length) {
        const pdf = new Uint8Array(bytes);
        if ((await pdfText(pdf).catch(() => null))?.all.includes(needle)) return { src, pdf };
      }
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`La vista previa no llegó a mostrar «${needle}» (${seen.size} documentos vistos).`);
}

describe('print formats', () => {
  test('an admin changes the accent colour and footer of a format: the live preview shows them, and an invoice of an agreement assigned to it carries them', async () => {
    const { context, page } = await newPage(browser);
    const footer = `Pie legal de prueba E2E ${Date.now()}`;
    const colour = '#c2185b';
    try {
      await login(page, 'admin@cauce.example');
      await page.getByRole('link', { name: 'Formatos de impresión' }).first().click();
      await page.waitForURL((u) => u.pathname === '/admin/formatos');
      const list = await page.locator('main').innerText();
      expect(list).toContain('Estándar');
      expect(list).toContain('Corporativo');
      expect(list).toContain('Formato por omisión de la empresa');
      await screenshot(page, 'print-formats-list');

      // The edit form renders a first preview on its own.
      const firstPreview = page.waitForResponse((r) => new URL(r.url()).pathname === PREVIEW && r.status() === 200);
      await page.getByRole('link', { name: 'Corporativo', exact: true }).click();
      await page.waitForURL((u) => new RegExp(`^/admin/formatos/${UUID}$`).test(u.pathname));
      await firstPreview;
      const frame = page.locator('iframe[title="Vista previa del PDF"]');
      await frame.waitFor();
      const srcBefore = await frame.getAttribute('src');
      expect(srcBefore).toMatch(/^blob:/);

      let previewPosts = 0;
      page.on('request', (r) => void (new URL(r.url()).pathname === PREVIEW && r.method() === 'POST' && previewPosts++));
      await page.locator('input[name="accentColor"]').fill(colour);
      await page.locator('textarea[name="legalFooter"]').fill(footer);
      // The frame shows a new PDF (a new blob URL) rendered from the unsaved values.
      const shown = await framePdfContaining(page, srcBefore, footer);
      expect(previewPosts).toBeGreaterThan(0);
      expect(await fillColours(shown.pdf)).toContain(colour);
      await page.getByText('Vista previa al día.').waitFor();
      await screenshot(page, 'print-format-form');

      await page.getByRole('button', { name: 'Guardar cambios' }).click();
      await page.waitForURL((u) => u.pathname === '/admin/formatos' && u.search.includes('actualizado=CORPORATIVO'));
      expect(await page.locator('main').innerText()).toContain(colour);

      // The demo assigns Corporativo to an active agreement of Industrias Alimenticias del Cibao (class A).
      await page.goto(`/acuerdos?q=${encodeURIComponent('Industrias Alimenticias del Cibao')}&status=ACTIVE`);
      const hrefs = await page.locator('main table a[href^="/acuerdos/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      let agreementCode: string | undefined;
      for (const href of hrefs) {
        await page.goto(href);
        const section = page.locator('#formatos-de-impresion');
        await section.waitFor();
        if ((await section.innerText()).includes('FI-000001')) {
          agreementCode = (await page.locator('main').innerText()).match(/AC-\d{6}/)?.[0];
          await section.scrollIntoViewIfNeeded();
          await screenshot(page, 'agreement-print-formats');
          break;
        }
      }
      expect(agreementCode).toBeDefined();
      expect(await page.locator('#formatos-de-impresion').innerText()).toContain('Corporativo');

      // One of its billed class A invoices, downloaded now.
      await page.goto(`/facturas?acuerdo=${agreementCode}&clase=A&tipo=INVOICE`);
      const first = page.locator('main table a[href^="/facturas/"]').first();
      await first.waitFor();
      await first.click();
      await page.waitForURL((u) => new RegExp(`^/facturas/${UUID}$`).test(u.pathname));
      const res = await page.request.get(`${pathOf(page)}/pdf`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe('application/pdf');
      const pdf = new Uint8Array(await res.body());
      expect((await pdfText(pdf)).all).toContain(footer);
      expect(await fillColours(pdf)).toContain(colour);
    } finally {
      await context.close();
    }
  });

  test('staff cannot open the formats admin nor post a preview', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'sucursal@cauce.example');
      const res = await page.goto('/admin/formatos');
      expect(res?.status()).toBe(403);
      const preview = await page.request.post(PREVIEW, { multipart: { code: 'X', name: 'X', paperSize: 'LETTER', accentColor: '#000000', chartPeriods: '12', 'columns[]': 'total' } });
      expect(preview.status()).toBe(403);
    } finally {
      await context.close();
    }
  });
});
