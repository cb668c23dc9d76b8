import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, login, newPage, pathOf, screenshot } from './support';

// One story, in order: branch staff set up an agreement with a group, two accounts and a card;
// they cannot approve their own activation order; an administrator approves it; the agreement is active.
const run = Date.now().toString(36).toUpperCase();
const story = { name: `Acuerdo E2E ${run}`, agreementId: '', groupId: '', orderPath: '' };
const UUID = '[0-9a-f-]{36}';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function addAccount(page: Page, description: string, meter: string) {
  await page.goto(`/cuentas/nueva?acuerdo=${story.agreementId}&grupo=${story.groupId}`);
  await page.locator('#description').fill(description);
  await page.getByLabel('Categoría tarifaria').selectOption({ label: 'Comercial' });
  await page.getByLabel('Número de medidor').fill(meter);
  await page.getByRole('button', { name: 'Crear cuenta' }).click();
  await page.waitForURL((u) => new RegExp(`^/cuentas/${UUID}$`).test(u.pathname));
  expect(await page.locator('main').innerText()).toContain(meter.toUpperCase());
}

describe.sequential('CRM: agreement, group, accounts, card and activation by work order', () => {
  test('branch staff create the agreement with its group, two accounts and a card', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'sucursal@cauce.example');
      // A customer of the staff member's branch: the first one of the customer list.
      await page.goto('/clientes');
      const href = await page.locator(`main table a[href^="/clientes/"]`).first().getAttribute('href');
      const customerId = href!.split('/')[2];

      await page.goto(`/acuerdos/nuevo?cliente=${customerId}`);
      await page.getByLabel('Nombre del acuerdo').fill(story.name);
      await page.getByLabel('Domicilio de facturación').fill('Av. Winston Churchill 1099, Piantini');
      await page.getByLabel('Provincia').selectOption({ label: 'Distrito Nacional' });
      await page.getByLabel('Localidad').selectOption({ index: 1 });
      await page.getByLabel('Modalidad de facturación').selectOption('PER_GROUP');
      await page.getByLabel('Moneda de facturación').selectOption('USD');
      await page.getByLabel('Uso principal').selectOption('Comercial');
      await page.getByRole('button', { name: 'Guardar acuerdo' }).click();
      await page.waitForURL((u) => new RegExp(`^/acuerdos/${UUID}$`).test(u.pathname) && u.searchParams.get('creado') === '1');
      story.agreementId = pathOf(page).split('/')[2];
      const main = page.locator('main');
      await page.getByText('Pendiente de aprobación de la orden de activación').waitFor();
      expect(await main.innerText()).toContain(story.name);
      story.orderPath = (await main.getByRole('link', { name: /^OT-\d{6}$/ }).first().getAttribute('href'))!;
      expect(story.orderPath).toMatch(new RegExp(`^/ordenes/${UUID}$`));

      await page.goto(`/acuerdos/${story.agreementId}/grupos/nuevo`);
      await page.locator('#name').fill('Sucursales zona norte');
      await page.getByRole('button', { name: 'Crear grupo' }).click();
      await page.waitForURL((u) => new RegExp(`^/acuerdos/${story.agreementId}/grupos/${UUID}$`).test(u.pathname));
      story.groupId = pathOf(page).split('/')[4];

      await addAccount(page, 'Local Naco', `e2e-${run}-1`);
      await addAccount(page, 'Local Piantini', `e2e-${run}-2`);

      await page.goto(`/acuerdos/${story.agreementId}/medios-de-pago/nuevo`);
      await page.locator('#method').selectOption('CARD');
      await page.getByLabel('Marca de la tarjeta').selectOption({ label: 'Visa' });
      await page.getByLabel('Número de tarjeta').fill('4242 4242 4242 4242');
      await page.locator('select[name="expiryMonth"]').selectOption('12');
      await page.getByLabel('Año de vencimiento').selectOption(String(new Date().getFullYear() + 2));
      await page.getByRole('button', { name: 'Guardar medio de pago' }).click();
      await page.waitForURL((u) => u.pathname === `/acuerdos/${story.agreementId}`);
      const text = await main.innerText();
      expect(text).toContain('•••• 4242');
      expect(text).not.toContain('4242 4242');
      expect(text).toContain('Local Naco');
      expect(text).toContain('Local Piantini');
      expect(text).toContain('Sucursales zona norte');

      // The creator of the activation order may not approve it.
      await page.goto(story.orderPath);
      await page.getByText('debe aprobarla otro usuario').waitFor();
      expect(await page.getByRole('button', { name: 'Aprobar' }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('an administrator approves the activation order and the agreement becomes active', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin@cauce.example');
      await page.goto(story.orderPath, { waitUntil: 'networkidle' });
      await page.getByRole('button', { name: 'Aprobar' }).click();
      await page.getByRole('alertdialog').getByRole('button', { name: 'Aprobar' }).click();
      await page.getByRole('alertdialog').waitFor({ state: 'detached' });
      // The order page shows the decision once the action has committed (a busy server may take a moment).
      await page.locator('main [data-slot="badge"]', { hasText: 'Aprobada' }).first().waitFor({ timeout: 30_000 });
      await page.goto(`/acuerdos/${story.agreementId}`);
      // The status badge next to the code, under the title.
      expect((await page.locator('main [data-slot="badge"]').first().innerText()).trim()).toBe('Activo');
      const text = await page.locator('main').innerText();
      expect(text).not.toContain('Pendiente de aprobación de la orden de activación');
      expect(text).toContain('•••• 4242');
      await screenshot(page, 'crm-agreement-active');
    } finally {
      await context.close();
    }
  });
});
