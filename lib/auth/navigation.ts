import { can, type Permission, type Role } from './roles';

export type NavIcon = 'home' | 'users' | 'cash' | 'clipboard' | 'shield' | 'building' | 'user-cog' | 'file-text' | 'layout' | 'handshake' | 'gauge' | 'wrench' | 'credit-card' | 'sliders' | 'coins' | 'droplets' | 'receipt' | 'tags' | 'calculator' | 'files';
export type NavItem = { href: string; label: string; icon: NavIcon; permission: Permission };
export type NavSection = { title: string; items: NavItem[] };

// Shared by the staff portal and the administrator's "Portal del personal" section.
const COMMERCIAL: NavItem[] = [
  { href: '/clientes', label: 'Clientes', icon: 'users', permission: 'customers.read' },
  { href: '/acuerdos', label: 'Acuerdos', icon: 'handshake', permission: 'agreements.read' },
  { href: '/cuentas', label: 'Cuentas', icon: 'gauge', permission: 'agreements.read' },
  { href: '/ordenes', label: 'Órdenes de trabajo', icon: 'wrench', permission: 'workorders.read' },
];
const BILLING: NavItem[] = [
  { href: '/lecturas', label: 'Lecturas', icon: 'droplets', permission: 'readings.read' },
  { href: '/facturacion', label: 'Ciclos de facturación', icon: 'calculator', permission: 'billing.write' },
  { href: '/facturas', label: 'Facturas', icon: 'files', permission: 'billing.read' },
];
const COLLECTIONS: NavItem[] = [
  { href: '/cobros', label: 'Cobros', icon: 'coins', permission: 'payments.read' },
  { href: '/reportes', label: 'Reportes', icon: 'file-text', permission: 'reports.read' },
];

const STAFF: NavSection[] = [
  {
    title: 'Operación',
    items: [
      { href: '/inicio', label: 'Inicio', icon: 'home', permission: 'dashboard.staff' },
      { href: '/caja', label: 'Caja', icon: 'cash', permission: 'cash.use' },
      { href: '/inspecciones', label: 'Inspecciones', icon: 'clipboard', permission: 'inspections.use' },
    ],
  },
  { title: 'Comercial', items: COMMERCIAL },
  { title: 'Facturación', items: BILLING },
  { title: 'Cobranza', items: COLLECTIONS },
  { title: 'Control', items: [{ href: '/auditoria', label: 'Auditoría', icon: 'shield', permission: 'audit.read' }] },
];

const ADMIN: NavSection[] = [
  {
    title: 'Administración',
    items: [
      { href: '/admin', label: 'Panel', icon: 'layout', permission: 'admin.users' },
      { href: '/admin/usuarios', label: 'Usuarios', icon: 'user-cog', permission: 'admin.users' },
      { href: '/admin/sucursales', label: 'Sucursales y puntos de venta', icon: 'building', permission: 'admin.branches' },
      { href: '/admin/entidades-pago', label: 'Entidades de pago', icon: 'credit-card', permission: 'admin.catalogs' },
      { href: '/admin/atributos', label: 'Atributos dinámicos', icon: 'sliders', permission: 'admin.catalogs' },
      { href: '/admin/tipos-de-cambio', label: 'Tipos de cambio', icon: 'coins', permission: 'admin.catalogs' },
      { href: '/admin/conceptos', label: 'Conceptos de facturación', icon: 'receipt', permission: 'admin.catalogs' },
      { href: '/admin/tarifas', label: 'Tarifas', icon: 'tags', permission: 'admin.catalogs' },
      { href: '/admin/formatos', label: 'Formatos de impresión', icon: 'file-text', permission: 'admin.catalogs' },
      { href: '/admin/morosidad', label: 'Política de morosidad', icon: 'sliders', permission: 'admin.catalogs' },
      { href: '/admin/correo', label: 'Correo saliente', icon: 'file-text', permission: 'admin.catalogs' },
      { href: '/admin/audit', label: 'Registro de auditoría', icon: 'shield', permission: 'audit.read' },
    ],
  },
  { title: 'Portal del personal', items: [...COMMERCIAL, ...BILLING, ...COLLECTIONS] },
];

const PORTAL: NavSection[] = [
  {
    title: 'Mi cuenta',
    items: [
      { href: '/portal', label: 'Resumen', icon: 'home', permission: 'portal.use' },
      { href: '/portal/facturas', label: 'Facturas', icon: 'files', permission: 'portal.use' },
      { href: '/portal/pagar', label: 'Pagar en línea', icon: 'credit-card', permission: 'portal.use' },
      { href: '/portal/estado-de-cuenta', label: 'Estado de cuenta', icon: 'file-text', permission: 'portal.use' },
      { href: '/portal/acuerdos', label: 'Acuerdos y cuentas', icon: 'handshake', permission: 'portal.use' },
      { href: '/portal/perfil', label: 'Perfil y usuarios', icon: 'user-cog', permission: 'portal.use' },
    ],
  },
];

/** The sidebar for an area, keeping only what the role may use (empty sections dropped). */
export function navigationFor(area: 'staff' | 'admin' | 'portal', role: Role): NavSection[] {
  const sections = area === 'admin' ? ADMIN : area === 'portal' ? PORTAL : STAFF;
  return sections
    .map((s) => ({ ...s, items: s.items.filter((i) => can(role, i.permission)) }))
    .filter((s) => s.items.length > 0);
}
