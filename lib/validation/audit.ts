import { z } from 'zod';
import { AUDIT_ACTIONS } from '@/db/schema/enums';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);

export const auditListSchema = z.object({
  entity: z.string().trim().max(60).optional().catch(undefined).transform((v) => v || undefined),
  entityId: z.string().trim().max(80).optional().catch(undefined).transform((v) => v || undefined),
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  user: z.string().trim().max(200).optional().catch(undefined).transform((v) => v || undefined),
  from: date,
  to: date,
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type AuditListParams = z.output<typeof auditListSchema>;

export const AUDIT_ACTION_LABELS: Record<(typeof AUDIT_ACTIONS)[number], string> = {
  CREATE: 'Alta',
  UPDATE: 'Modificación',
  DELETE: 'Baja',
  LOGIN: 'Inicio de sesión',
  LOGIN_FAILED: 'Intento fallido',
  LOCK: 'Bloqueo de cuenta',
  PASSWORD_RESET: 'Cambio de contraseña',
  APPROVE: 'Aprobación',
  REJECT: 'Rechazo',
  STATUS_CHANGE: 'Cambio de estado',
};

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  customer: 'Cliente',
  user: 'Usuario',
  branch: 'Sucursal',
  point_of_sale: 'Punto de venta',
  session: 'Sesión',
  system: 'Sistema',
  agreement: 'Acuerdo',
  account_group: 'Grupo de cuentas',
  account: 'Cuenta',
  work_order: 'Orden de trabajo',
  payment_method: 'Medio de pago',
  attribute_definition: 'Atributo dinámico',
  exchange_rate: 'Tipo de cambio',
  payment_entity: 'Entidad de pago',
  meter_reading: 'Lectura de medidor',
  invoice: 'Factura',
  billing_run: 'Ciclo de facturación',
  concept_group: 'Grupo de conceptos',
  concept: 'Concepto de facturación',
  tariff: 'Tarifa',
};
