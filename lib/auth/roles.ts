import type { Role } from '@/db/schema/enums';

export type { Role };

export const ROLE_LABELS: Record<Role, string> = {
  ADMIN: 'Administrador',
  BRANCH_STAFF: 'Personal de sucursal',
  CASHIER: 'Cajero',
  INSPECTOR: 'Inspector',
  CLIENT: 'Cliente corporativo',
  AUDITOR: 'Auditor',
};

/** Where each role lands after signing in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  ADMIN: '/admin',
  BRANCH_STAFF: '/inicio',
  CASHIER: '/caja',
  INSPECTOR: '/inspecciones',
  AUDITOR: '/auditoria',
  CLIENT: '/portal',
};

/** Roles whose data is limited to the branches assigned to the user. */
export const BRANCH_SCOPED_ROLES: readonly Role[] = ['BRANCH_STAFF', 'CASHIER'];

export const PERMISSIONS = {
  'dashboard.staff': ['ADMIN', 'BRANCH_STAFF', 'AUDITOR'],
  'customers.read': ['ADMIN', 'BRANCH_STAFF', 'AUDITOR', 'CASHIER'],
  'customers.write': ['ADMIN', 'BRANCH_STAFF'],
  'agreements.read': ['ADMIN', 'BRANCH_STAFF', 'AUDITOR'],
  'agreements.write': ['ADMIN', 'BRANCH_STAFF'],
  // Billing runs, invoices and notes (same roles as the CRM today, separable later).
  'billing.read': ['ADMIN', 'BRANCH_STAFF', 'AUDITOR'],
  'billing.write': ['ADMIN', 'BRANCH_STAFF'],
  'workorders.read': ['ADMIN', 'BRANCH_STAFF', 'AUDITOR', 'INSPECTOR'],
  'workorders.create': ['ADMIN', 'BRANCH_STAFF'],
  'workorders.decide': ['ADMIN', 'BRANCH_STAFF'],
  'workorders.complete': ['ADMIN', 'BRANCH_STAFF', 'INSPECTOR'],
  'readings.read': ['ADMIN', 'BRANCH_STAFF', 'AUDITOR', 'INSPECTOR'],
  'readings.write': ['ADMIN', 'BRANCH_STAFF', 'INSPECTOR'],
  'cash.use': ['CASHIER'],
  'payments.read': ['ADMIN', 'BRANCH_STAFF', 'AUDITOR', 'CASHIER'],
  'payments.write': ['ADMIN', 'BRANCH_STAFF', 'CASHIER'],
  'payments.reverse': ['ADMIN', 'BRANCH_STAFF'],
  // Collection reports (/reportes): read-only, branch staff limited to their branches.
  'reports.read': ['ADMIN', 'BRANCH_STAFF', 'AUDITOR'],
  'inspections.use': ['INSPECTOR'],
  'audit.read': ['ADMIN', 'AUDITOR'],
  'admin.users': ['ADMIN'],
  'admin.branches': ['ADMIN'],
  'admin.catalogs': ['ADMIN'],
  'portal.use': ['CLIENT'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** can('CASHIER', 'customers.write') → false */
export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Roles that use the staff portal shell (everything but CLIENT; ADMIN may use both). */
export const STAFF_ROLES: readonly Role[] = ['ADMIN', 'BRANCH_STAFF', 'CASHIER', 'INSPECTOR', 'AUDITOR'];
