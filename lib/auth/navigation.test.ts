import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation';

const hrefs = (area: 'staff' | 'admin' | 'portal', role: Parameters<typeof navigationFor>[1]) =>
  navigationFor(area, role).flatMap((s) => s.items.map((i) => i.href));

describe('navigationFor', () => {
  it('shows a cashier the customer lookup and the cash desk, nothing else', () => {
    expect(hrefs('staff', 'CASHIER')).toEqual(['/caja', '/clientes']);
  });

  it('shows branch staff the dashboard, customers, the CRM and readings but not the audit log', () => {
    expect(hrefs('staff', 'BRANCH_STAFF')).toEqual(['/inicio', '/clientes', '/acuerdos', '/cuentas', '/ordenes', '/lecturas', '/facturacion', '/facturas']);
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
    expect(navigationFor('staff', 'BRANCH_STAFF').map((s) => s.title)).toEqual(['Operación', 'Comercial', 'Facturación']);
    expect(navigationFor('staff', 'CASHIER').map((s) => s.title)).toEqual(['Operación', 'Comercial']);
  });
});
