import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, login, newPage, pathOf, textOf, validCedula, withWrongCheckDigit } from './support';

// In order: the audit test looks for the customer the first test creates.
const run = Date.now().toString(36).toUpperCase();
const created = { name: `Prueba E2E ${run} SRL`, cedula: validCedula(), id: '' };
const rejected = { name: `Prueba E2E ${run} rechazada`, cedula: withWrongCheckDigit(validCedula()) };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.sequential('customers', () => {
  test('branch staff registers a customer with a valid cédula', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'sucursal@cauce.example');
      await page.goto('/clientes/nuevo');
      await page.getByLabel('Nombre o razón social').fill(created.name);
      await page.getByLabel('Tipo de documento').selectOption('CEDULA');
      await page.getByLabel('Número de documento').fill(created.cedula);
      await page.getByRole('button', { name: 'Guardar cliente' }).click();
      await page.waitForURL((u) => /^\/clientes\/[0-9a-f-]{36}$/.test(u.pathname) && u.searchParams.get('creado') === '1');
      created.id = pathOf(page).split('/')[2];
      await page.getByText('Cliente registrado correctamente.').waitFor();
      expect(await textOf(page, 'h1')).toBe(created.name);
      expect(await page.locator('main').innerText()).toContain(`${created.cedula.slice(0, 3)}-${created.cedula.slice(3, 10)}-${created.cedula.slice(10)}`);
    } finally {
      await context.close();
    }
  });

  test('a cédula with a wrong check digit is rejected, nothing is saved and the form keeps what was typed', async () => {
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'sucursal@cauce.example');
      await page.goto('/clientes/nuevo');
      await page.getByLabel('Nombre o razón social').fill(rejected.name);
      await page.getByLabel('Tipo de documento').selectOption('CEDULA');
      await page.getByLabel('Número de documento').fill(rejected.cedula);
      await page.getByRole('button', { name: 'Guardar cliente' }).click();
      const fieldError = page.locator('#documentNumber-error');
      await fieldError.waitFor();
      expect(await fieldError.innerText()).toContain('El dígito verificador de la cédula no es válido');
      expect(pathOf(page)).toBe('/clientes/nuevo');
      expect(await page.getByLabel('Nombre o razón social').inputValue()).toBe(rejected.name);
      expect(await page.getByLabel('Número de documento').inputValue()).toBe(rejected.cedula);

      await page.goto(`/clientes?q=${encodeURIComponent(rejected.name)}`);
      await page.getByText('Ningún cliente coincide con el filtro').waitFor();
      expect(await page.locator('main').innerText()).not.toContain(rejected.name);
    } finally {
      await context.close();
    }
  });

  test('the admin sees the new customer in the audit log', async () => {
    expect(created.id, 'depends on the first test').not.toBe('');
    const { context, page } = await newPage(browser);
    try {
      await login(page, 'admin@cauce.example');
      await page.goto('/admin/audit?entity=customer');
      const row = page.locator('tr', { has: page.getByRole('link', { name: created.id, exact: true }) });
      await row.waitFor();
      const text = (await row.innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('sucursal@cauce.example');
      expect(text).toContain('Alta');
      expect(text).toContain('Cliente');
    } finally {
      await context.close();
    }
  });
});
