import { readFileSync } from 'node:fs';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, login, newPage, pathOf, screenshot } from './support';

// The receivables aging (/reportes/cartera) as branch staff of SDC: the demo's billed history leaves
// open invoices there. The chart is recharts' SVG; the CSV is the same report, amounts as plain decimals.
const HEADERS = ['Agrupación', 'Clave', 'Nombre', 'Moneda', '0-30 días', '31-60 días', '61-90 días', '91-180 días', 'Más de 180 días', 'Total', 'Documentos'];

/** 'RD$ 1,234.56' → '1234.56' (es-DO: comma thousands, dot decimals). */
const plain = (formatted: string) => Number(formatted.replace(/[^0-9.-]/g, '')).toFixed(2);

/** The rows of a table as cell texts. */
async function cells(table: Locator): Promise<string[][]> {
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())));
}

/** RFC 4180 lines (the report's labels have no line breaks), BOM dropped. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.replace(/^\uFEFF/, '').split('\r\n')) {
    if (!line) continue;
    const row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = !quoted;
      } else if (ch === ',' && !quoted) {
        row.push(cell);
        cell = '';
      } else {
        cell += ch;
      }
    }
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('receivables aging report', () => {
  test('branch staff sees the chart (bars in an SVG) and downloads a CSV whose header and first rows match the table', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'sucursal@cauce.example');
      await page.goto('/reportes/cartera', { waitUntil: 'networkidle' });
      expect(pathOf(page)).toBe('/reportes/cartera');
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Cartera por antigüedad');

      const section = page.getByRole('region', { name: 'Cartera en DOP' });
      await section.waitFor();
      // The chart: recharts' SVG with at least one drawn bar.
      const chart = section.getByTestId('aging-chart');
      await chart.locator('svg.recharts-surface').first().waitFor();
      await chart.locator('.recharts-bar-rectangle path').first().waitFor();
      expect(await chart.locator('.recharts-bar-rectangle path').count()).toBeGreaterThan(0);
      const heights = await chart.locator('.recharts-bar-rectangle path').evaluateAll((paths) => paths.map((p) => (p as SVGGraphicsElement).getBBox().height));
      expect(heights.some((hgt) => hgt > 0)).toBe(true);
      expect(await chart.getAttribute('aria-label')).toBe('Gráfico de antigüedad de la cartera en DOP');
      await screenshot(page, 'reports-aging');

      // "Por sucursal": the branch rows, then Total (label, five buckets, total, documents).
      const byBranch = section.locator('table').first();
      const tableRows = await cells(byBranch);
      expect(tableRows.length).toBeGreaterThanOrEqual(2);
      expect(tableRows.at(-1)![0]).toBe('Total');
      expect(tableRows.slice(0, -1).map((r) => r[0])).toEqual(['Santo Domingo Centro']);

      // The CSV: same filters and scope, downloaded through the header's button.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exportar CSV' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^cartera-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = parseCsv(readFileSync((await download.path())!, 'utf8'));
      expect(csv[0]).toEqual(HEADERS);

      // First rows: the DOP total, then its branches, as the table shows them.
      const [total, ...rest] = csv.slice(1).filter((r) => r[3] === 'DOP');
      const branches = rest.filter((r) => r[0] === 'Sucursal');
      const asTable = (r: string[]) => [r[2], ...r.slice(4, 10).map((v) => Number(v).toFixed(2)), r[10]];
      const shown = (r: string[]) => [r[0], ...r.slice(1, 7).map(plain), r[7]];
      expect(total.slice(0, 2)).toEqual(['Total', '']);
      expect(asTable(total)).toEqual(shown(tableRows.at(-1)!));
      expect(branches.map(asTable)).toEqual(tableRows.slice(0, -1).map(shown));
      // The buckets add up to the total, in cents.
      const cents = (v: string) => Math.round(Number(v) * 100);
      expect(total.slice(4, 9).reduce((s, v) => s + cents(v), 0)).toBe(cents(total[9]));
      expect(Number(total[10])).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
