import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation';

const hrefs = (area: 'staff' | 'admin' | 'portal', role: Parameters<typeof navigationFor>[1]) =>
  navigationFor(area, role).flatMap((s) => s.items.map((i) => i.href));

describe('navigationFor', () => {
  it('shows a cashier the cash desk, the customer lookup and the payments, nothing else', () => {
    expect(hrefs('staff', 'CASHIER')).toEqual(['/caja', '/clientes', '/cobros']);
  });

  it('shows the payments to every role that may read them, under "Cobranza", and in the admin’s staff portal', () => {
    for (const role of ['BRANCH_STAFF', 'AUDITOR', 'CASHIER'] as const) {
      const section = navigationFor('staff', role).find((s) => s.items.some((i) => i.href === '/cobros'));
      expect(section?.title, role).toBe('Cobranza');
    }
    expect(hrefs('staff', 'INSPECTOR')).not.toContain('/cobros');
    const portal = navigationFor('admin', 'ADMIN').find((s) => s.title === 'Portal del personal');
    expect(portal?.items.map((i) => i.href)).toContain('/cobros');
  });

  it('shows branch staff the dashboard, customers, the CRM, readings, billing and payments but not the audit log', () => {
    expect(hrefs('staff', 'BRANCH_STAFF')).toEqual(['/inicio', '/clientes', '/acuerdos', '/cuentas', '/ordenes', '/lecturas', '/facturacion', '/facturas', '/cobros', '/reportes']);
  });

  it('shows the collection reports under "Cobranza" to admins, branch staff and auditors, not to cashiers', () => {
    for (const role of ['BRANCH_STAFF', 'AUDITOR'] as const) {
      const section = navigationFor('staff', role).find((s) => s.items.some((i) => i.href === '/reportes'));
      expect(section?.title, role).toBe('Cobranza');
    }
    const portal = navigationFor('admin', 'ADMIN').find((s) => s.title === 'Portal del personal');
    expect(portal?.items.map((i) => i.href)).toContain('/reportes');
    expect(hrefs('staff', 'CASHIER')).not.toContain('/reportes');
    expect(hrefs('staff', 'INSPECTOR')).not.toContain('/reportes');
  });

  it('shows an inspector readings, work orders and inspections only', () => {
    expect(hrefs('staff', 'INSPECTOR')).toEqual(['/inspecciones', '/ordenes', '/lecturas']);
  });

  it('shows readings to the roles that take or review them, not to cashiers', () => {
    expect(hrefs('staff', 'AUDITOR')).toContain('/lecturas');
    expect(hrefs('admin', 'ADMIN')).toContain('/lecturas');
    expect(hrefs('staff', 'CASHIER')).not.toContain('/lecturas');
  });

  it('shows the catalogs only to administrators', () => {
    expect(hrefs('admin', 'ADMIN')).toEqual(expect.arrayContaining(['/admin/entidades-pago', '/admin/atributos', '/admin/tipos-de-cambio']));
    expect(hrefs('admin', 'AUDITOR')).not.toContain('/admin/atributos');
  });

  it('shows billing runs to those who may bill and invoices to those who may read agreements', () => {
    expect(hrefs('staff', 'AUDITOR')).toContain('/facturas');
    expect(hrefs('staff', 'AUDITOR')).not.toContain('/facturacion');
    expect(hrefs('admin', 'ADMIN')).toEqual(expect.arrayContaining(['/facturacion', '/facturas']));
    expect(hrefs('staff', 'CASHIER')).not.toContain('/facturas');
  });

  it('shows the auditor the audit log', () => {
    expect(hrefs('staff', 'AUDITOR')).toContain('/auditoria');
  });

  it('groups the staff menu by area and drops sections with nothing the role may use', () => {
    expect(navigationFor('staff', 'BRANCH_STAFF').map((s) => s.title)).toEqual(['Operación', 'Comercial', 'Facturación', 'Cobranza']);
    expect(navigationFor('staff', 'CASHIER').map((s) => s.title)).toEqual(['Operación', 'Comercial', 'Cobranza']);
  });
});
