import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, login, newPage, pathOf, screenshot, status } from './support';

// The demo's billed history leaves issued, unpaid invoices of agreements that pay by direct debit
// with the demo banks; the "nuevo" page proposes the month just billed. The test picks a bank (and,
// failing that, an earlier period) that the page can generate a NEW batch for, rather than fixed ids.
const UUID = '[0-9a-f-]{36}';
const BATCH_PATH = new RegExp(`^/cobros/debitos/(${UUID})$`);
const ITEMS_PAGE_SIZE = 50; // DEBIT_ITEMS_PAGE_SIZE

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
const mainText = async (page: Page) => squash(await page.locator('main').innerText());
/** '1,234.50' or '1.234,50'-free digits → integer count. */
const int = (s: string) => Number(s.replace(/[^\d]/g, ''));
const cents = (amount: string) => BigInt(amount.replace('.', ''));
const money = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

/** The status badge next to the batch's title (in the page header). */
const batchBadge = (page: Page) => page.locator('main [data-slot=badge]').first();

/** The number shown on the "Todas" / "Pendiente" / … filter button of the lines. */
async function lineFilterCount(page: Page, label: string) {
  const nav = page.getByRole('navigation', { name: 'Filtrar líneas por estado' });
  const text = squash(await nav.getByRole('link', { name: new RegExp(`^${label} `) }).innerText());
  return int(text.slice(label.length));
}

/** The value of a label/value pair of the batch's cards (the labels are upper-cased by CSS). */
async function detailValue(page: Page, label: string) {
  const dd = page.locator('dl div', { has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');
  return squash(await dd.first().innerText());
}
/** The "Debitadas"/"Rechazadas" figures of the "Respuesta del banco" card. */
const responseFigure = async (page: Page, label: string) => int(await detailValue(page, label));

type BatchFile = { header: string[]; details: string[][]; trailer: string[]; lines: string[] };

function parseBatchFile(text: string): BatchFile {
  expect(text.endsWith('\r\n')).toBe(true); // CRLF, as banks expect
  const lines = text.slice(0, -2).split('\r\n');
  // No quoted commas in our assertions' fields of interest: the amount is always the last field.
  const fields = lines.map((l) => l.split(','));
  return { header: fields[0], details: fields.slice(1, -1), trailer: fields[fields.length - 1], lines };
}

/** The bank's response to a batch file: '00' for every detail but the given line numbers. */
function bankResponse(code: string, details: { lineNo: number; amount: string }[], statuses: Record<number, string>, opts: { total?: string } = {}) {
  const sum = details.reduce((n, d) => n + cents(d.amount), 0n);
  return [`H,${code}`, ...details.map((d) => `D,${d.lineNo},${statuses[d.lineNo] ?? '00'},${d.amount}`), `T,${details.length},${opts.total ?? money(sum)}`].join('\r\n') + '\r\n';
}

/** Chooses the file in the import form, clicks "Importar respuesta" and confirms in the dialog. */
async function importFile(page: Page, name: string, text: string) {
  await page.setInputFiles('input[name=file]', { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  const trigger = page.getByRole('button', { name: 'Importar respuesta' });
  await expect.poll(() => trigger.isEnabled()).toBe(true);
  await trigger.click();
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  expect(squash(await dialog.innerText())).toContain(`¿Importar la respuesta del banco?`);
  expect(squash(await dialog.innerText())).toContain(name);
  await dialog.getByRole('button', { name: 'Importar', exact: true }).click();
}

/**
 * On /cobros/debitos/nuevo, tries each bank the form offers (the proposed period first, then the
 * months before it) in DOP until one generates a new batch; returns its id.
 */
async function generateSomeBatch(page: Page): Promise<{ id: string; bank: string; period: string }> {
  await page.goto('/cobros/debitos/nuevo');
  const bankSelect = page.locator('select[name=entityId]');
  const banks = (await bankSelect.locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, label: o.textContent ?? '' })))).filter((o) => o.value);
  expect(banks.length).toBeGreaterThan(0);
  const proposed = await page.locator('input[name=period]').inputValue();
  expect(proposed).toMatch(/^\d{4}-\d{2}$/);
  const periods = [0, 1, 2, 3].map((back) => {
    const [y, m] = proposed.split('-').map(Number);
    const d = new Date(Date.UTC(y, m - 1 - back, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
  const refused: string[] = [];
  for (const period of periods) {
    for (const bank of banks) {
      await page.goto('/cobros/debitos/nuevo'); // a fresh form: no alert left from the previous try
      await page.locator('select[name=entityId]').selectOption(bank.value);
      await page.locator('input[name=period]').fill(period);
      await page.locator('select[name=currency]').selectOption('DOP');
      await page.getByRole('button', { name: 'Generar lote' }).click();
      // Either the batch opens, or the form says there is nothing to debit.
      const opened = page.waitForURL((u) => BATCH_PATH.test(u.pathname)).then(() => 'opened' as const);
      const nothing = page
        .getByRole('alert')
        .filter({ hasText: 'No hay facturas pendientes' })
        .waitFor()
        .then(() => 'nothing' as const);
      const outcome = await Promise.race([opened, nothing]);
      // The loser times out later: not an unhandled rejection.
      opened.catch(() => undefined);
      nothing.catch(() => undefined);
      if (outcome === 'nothing') {
        refused.push(`${bank.label} ${period}`);
        continue;
      }
      const url = new URL(page.url());
      if (url.searchParams.get('generado') === '1') return { id: BATCH_PATH.exec(url.pathname)![1], bank: bank.label, period };
      // An existing batch (a server reused between runs): not a fresh one, try the next.
      expect(url.searchParams.get('existente')).toBe('1');
      refused.push(`${bank.label} ${period} (ya existía)`);
    }
  }
  throw new Error(`Ningún banco ni período generó un lote nuevo: ${refused.join('; ')}`);
}

describe('direct debit, as head office', () => {
  test('generate a batch, download its file, refuse a tampered response, import the good one once', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin@cauce.example');
      await page.goto('/cobros/debitos');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Débitos automáticos');

      // 1. Generate: the batch opens, "Enviado, sin respuesta", with its lines listed.
      const { id, bank } = await generateSomeBatch(page);
      expect(pathOf(page)).toBe(`/cobros/debitos/${id}`);
      const generated = await mainText(page);
      const announced = /Lote generado con ([\d,.]+) líneas? por /.exec(generated);
      expect(announced).not.toBeNull();
      expect(generated).toContain(bank);
      expect(squash(await batchBadge(page).innerText())).toBe('Enviado, sin respuesta');
      const code = squash(await page.getByRole('heading', { level: 1 }).innerText()).replace(/^Lote /, '');
      expect(code).toMatch(/^[A-Z0-9-]+-\d{6}DOP$/);
      const itemCount = await lineFilterCount(page, 'Todas');
      expect(itemCount).toBeGreaterThan(0);
      expect(await lineFilterCount(page, 'Pendiente')).toBe(itemCount);
      expect(int(announced![1])).toBe(itemCount);
      const rows = page.locator('main table tbody tr');
      expect(await rows.count()).toBe(Math.min(itemCount, ITEMS_PAGE_SIZE));
      const shown = await rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim())));
      for (const cells of shown) expect(cells[6]).toBe('Pendiente');
      await screenshot(page, 'direct-debit-generated');

      // 2. The batch file, downloaded through the link: header, one detail per line, trailer with the control totals.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Descargar archivo CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const fileText = await readFile((await download.path())!, 'utf8');
      const file = parseBatchFile(fileText);
      expect(file.header[0]).toBe('H');
      expect(file.header[2]).toBe(code);
      expect(file.header[4]).toBe('DOP');
      expect(file.details.length).toBe(itemCount);
      for (const d of file.details) expect(d[0]).toBe('D');
      const details = file.details.map((d) => ({ lineNo: Number(d[1]), fiscal: d[d.length - 2], amount: d[d.length - 1] }));
      expect(details.map((d) => d.lineNo)).toEqual(details.map((_, k) => k + 1));
      for (const d of details) expect(d.amount).toMatch(/^\d+\.\d{2}$/);
      const sum = money(details.reduce((n, d) => n + cents(d.amount), 0n));
      expect(file.trailer).toEqual(['T', String(itemCount), sum]);
      expect(file.header.slice(6)).toEqual([String(itemCount), sum]);
      // The lines on screen are the file's (first page): same line numbers and fiscal numbers.
      expect(shown.map((c) => [Number(c[0]), c[4]])).toEqual(details.slice(0, ITEMS_PAGE_SIZE).map((d) => [d.lineNo, d.fiscal]));

      // 3. A tampered response (trailer total one cent off): refused with its errors, nothing changes.
      const last = details[details.length - 1].lineNo;
      const tampered = bankResponse(code, details, { [last]: '01' }, { total: money(cents(sum) + 1n) });
      await importFile(page, 'respuesta-alterada.csv', tampered);
      const refusal = page.getByRole('alert').filter({ hasText: 'El archivo no se importó' });
      await refusal.waitFor();
      expect(squash(await refusal.innerText())).toContain('Tiene un error; no se aplicó ninguna línea.');
      const errorRows = page.locator('main table').filter({ has: page.getByRole('columnheader', { name: 'Error' }) }).locator('tbody tr');
      expect(await errorRows.count()).toBe(1);
      expect(squash(await errorRows.first().locator('td').first().innerText())).toBe(String(itemCount + 2)); // the trailer's line
      expect(squash(await errorRows.first().innerText())).toContain(`El total de control ${money(cents(sum) + 1n)} no coincide con la suma de los detalles (${sum}).`);
      expect(pathOf(page)).toBe(`/cobros/debitos/${id}`);
      await screenshot(page, 'direct-debit-refused');
      await page.reload();
      expect(squash(await batchBadge(page).innerText())).toBe('Enviado, sin respuesta');
      expect(await lineFilterCount(page, 'Pendiente')).toBe(itemCount);
      expect(await lineFilterCount(page, 'Debitado')).toBe(0);
      expect(await lineFilterCount(page, 'Rechazado')).toBe(0);

      // A second tab on the batch, still showing the import form (used in step 5).
      const stale = await context.newPage();
      await stale.goto(`/cobros/debitos/${id}`);
      await stale.getByRole('button', { name: 'Importar respuesta' }).waitFor();

      // 4. The good response: every line debited but the last one, rejected '01' (Fondos insuficientes).
      const good = bankResponse(code, details, { [last]: '01' });
      await importFile(page, 'respuesta.csv', good);
      await page.waitForURL((u) => u.pathname === `/cobros/debitos/${id}` && u.searchParams.get('importado') === '1');
      const imported = await mainText(page);
      const done = /Respuesta importada: ([\d,.]+) débitos? registrados? como pagos? y ([\d,.]+) rechazado \(su factura sigue pendiente\)/.exec(imported);
      expect(done).not.toBeNull();
      expect([int(done![1]), int(done![2])]).toEqual([itemCount - 1, 1]);
      expect(squash(await batchBadge(page).innerText())).toBe('Respuesta importada');
      expect(await responseFigure(page, 'Debitadas')).toBe(itemCount - 1);
      expect(await responseFigure(page, 'Rechazadas')).toBe(1);
      expect(await lineFilterCount(page, 'Debitado')).toBe(itemCount - 1);
      expect(await lineFilterCount(page, 'Rechazado')).toBe(1);
      expect(await lineFilterCount(page, 'Pendiente')).toBe(0);
      expect(await detailValue(page, 'Importada por')).toBe('Ana Administradora');
      expect(await detailValue(page, 'Huella del archivo \\(SHA-256\\)')).toMatch(/^[0-9a-f]{64}$/);
      // Once imported, the form is no longer offered.
      expect(await page.getByRole('button', { name: 'Importar respuesta' }).count()).toBe(0);
      await screenshot(page, 'direct-debit-imported');

      // The rejected line: "Rechazado", code 01 and its usual reason; its invoice stays open.
      await page.getByRole('navigation', { name: 'Filtrar líneas por estado' }).getByRole('link', { name: /^Rechazado / }).click();
      await page.waitForURL((u) => u.searchParams.get('estado') === 'REJECTED');
      await expect.poll(() => rows.count()).toBe(1);
      const rejected = await rows.first().locator('td').allInnerTexts();
      expect(Number(rejected[0].trim())).toBe(last);
      expect(rejected[4].trim()).toBe(details[details.length - 1].fiscal);
      expect(rejected[6].trim()).toBe('Rechazado');
      expect(squash(rejected[7])).toBe('01 Fondos insuficientes');
      // A debited line links to its receipt.
      if (itemCount > 1) {
        await page.goto(`/cobros/debitos/${id}?estado=CONFIRMED`);
        expect(squash(await rows.first().locator('td').nth(6).innerText())).toBe('Debitado');
        await expect(rows.first().getByRole('link', { name: /^Recibo / }).count()).resolves.toBe(1);
      }

      // 5. The same file again (from the tab that still shows the form): "ya estaba importado", nothing changes.
      await importFile(stale, 'respuesta.csv', good);
      const already = stale.getByRole('status').filter({ hasText: 'Este archivo ya estaba importado' });
      await already.waitFor();
      expect(squash(await already.innerText())).toContain(`No se cambió nada: el lote ya tiene esta respuesta (${itemCount - 1} ${itemCount - 1 === 1 ? 'debitada' : 'debitadas'}, 1 rechazada).`);
      await stale.close();
      await page.goto(`/cobros/debitos/${id}`);
      expect(squash(await batchBadge(page).innerText())).toBe('Respuesta importada');
      expect(await lineFilterCount(page, 'Debitado')).toBe(itemCount - 1);
      expect(await lineFilterCount(page, 'Rechazado')).toBe(1);
      expect(await responseFigure(page, 'Debitadas')).toBe(itemCount - 1);

      // The list shows the batch, imported, with its counts.
      await page.goto(`/cobros/debitos?estado=RESPONSE_IMPORTED`);
      const listRow = page.locator('main table tbody tr', { has: page.getByRole('link', { name: code, exact: true }) });
      const cells = (await listRow.locator('td').allInnerTexts()).map(squash);
      expect(cells[0]).toBe(code);
      expect(int(cells[3])).toBe(itemCount);
      expect(cells[5]).toBe('Respuesta importada');
      expect([int(cells[6]), int(cells[7])]).toEqual([itemCount - 1, 1]);
    } finally {
      await context.close();
    }
  });

  test('branch staff cannot open the direct-debit batches (403)', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'sucursal@cauce.example');
      const res = await page.goto('/cobros/debitos');
      expect(status(res)).toBe(403);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Acceso denegado');
      expect(status(await page.goto('/cobros/debitos/nuevo'))).toBe(403);
    } finally {
      await context.close();
    }
  });
});
