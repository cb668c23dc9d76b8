import { z } from 'zod';
import { ROLES, type Role } from '@/db/schema/enums';

// The password policy (passwordProblems) lives beside argon2 in lib/auth/password.ts and is
// applied by the data layer: this module is also imported by client forms and must stay light.

const uuidList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean))])
  .pipe(z.array(z.uuid({ error: 'Sucursal no válida.' })));

const optionalUuid = (msg: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.uuid({ error: msg }).nullable());

const name = z.string().trim().min(3, { error: 'Indique el nombre completo (mínimo 3 caracteres).' }).max(120, { error: 'Máximo 120 caracteres.' });
const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: 'Indique el correo electrónico.' })
  .pipe(z.email({ error: 'Correo electrónico no válido.' }).max(200, { error: 'Máximo 200 caracteres.' }));
const role = z.enum(ROLES, { error: 'Seleccione el rol.' });
const password = z.string().max(200, { error: 'Máximo 200 caracteres.' });

/** Roles that work on a list of branches; every other role sees all of them or none. */
export const ROLES_WITH_BRANCHES: readonly Role[] = ['BRANCH_STAFF', 'CASHIER'];

/**
 * What a role requires of its scope, as field errors (or null when it fits):
 * CLIENT → one customer and no branches; BRANCH_STAFF/CASHIER → ≥ 1 branch and no customer;
 * the rest → neither. Used by the schemas and again by the data layer.
 */
export function roleScopeErrors(role: Role, branchIds: readonly string[], customerId: string | null): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  if (role === 'CLIENT') {
    if (!customerId) errors.customerId = ['Seleccione el cliente al que accede este usuario.'];
    if (branchIds.length) errors.branchIds = ['Un usuario cliente no se asigna a sucursales.'];
  } else {
    if (customerId) errors.customerId = ['Solo los usuarios con rol Cliente corporativo se vinculan a un cliente.'];
    if (ROLES_WITH_BRANCHES.includes(role)) {
      if (!branchIds.length) errors.branchIds = ['Asigne al menos una sucursal.'];
    } else if (branchIds.length) {
      errors.branchIds = ['Este rol no se limita a sucursales; no marque ninguna.'];
    }
  }
  return Object.keys(errors).length ? errors : null;
}

function checkScope(v: { role: Role; branchIds: string[]; customerId: string | null }, ctx: z.RefinementCtx) {
  const errors = roleScopeErrors(v.role, v.branchIds, v.customerId);
  for (const [field, messages] of Object.entries(errors ?? {})) {
    for (const message of messages) ctx.addIssue({ code: 'custom', path: [field], message });
  }
}

function checkConfirmation(v: { password: string; passwordConfirm: string }, ctx: z.RefinementCtx) {
  if (v.password !== v.passwordConfirm) ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'Las contraseñas no coinciden.' });
}

const profile = z.object({ name, email, role, branchIds: uuidList, customerId: optionalUuid('Cliente no válido.') });

export const userCreateSchema = profile
  .extend({ password, passwordConfirm: z.string() })
  .superRefine((v, ctx) => {
    checkScope(v, ctx);
    checkConfirmation(v, ctx);
  })
  .transform((v) => ({ name: v.name, email: v.email, role: v.role, branchIds: v.branchIds, customerId: v.customerId, password: v.password }));
export type UserCreateInput = z.output<typeof userCreateSchema>;

/** The edit form; the active flag and the password have their own confirmed actions. */
export const userUpdateSchema = profile.superRefine(checkScope);
export type UserUpdateInput = z.output<typeof userUpdateSchema>;

export const passwordResetSchema = z
  .object({ password, passwordConfirm: z.string() })
  .superRefine(checkConfirmation)
  .transform(({ password }) => ({ password }));
export type PasswordResetInput = z.output<typeof passwordResetSchema>;

export const userActiveSchema = z.object({
  active: z.enum(['true', 'false'], { error: 'Estado no válido.' }).transform((v) => v === 'true'),
});

export const USER_STATUSES = ['activo', 'inactivo'] as const;

export const userListSchema = z.object({
  q: z.string().trim().max(100).transform((v) => v || undefined).optional().catch(undefined),
  role: z.enum(ROLES).optional().catch(undefined),
  estado: z.enum(USER_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type UserListParams = z.output<typeof userListSchema>;
