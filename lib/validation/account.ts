import { z } from 'zod';
import { ACCOUNT_STATUSES } from '@/lib/domain/crm-status';
import { isDateOnly } from '@/lib/domain/dynamic-attributes';

const optionalUuid = (msg: string) =>
  z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.uuid({ error: msg }).nullable());

/** The account form (create and edit). Agreement and status are not editable here. */
export const accountInputSchema = z.object({
  description: z.string().trim().min(3, { error: 'Indique la descripción de la cuenta (mínimo 3 caracteres).' }).max(200, { error: 'Máximo 200 caracteres.' }),
  groupId: optionalUuid('Grupo no válido.'),
  serviceAddress: z.string().trim().min(5, { error: 'Indique el domicilio del suministro.' }).max(300, { error: 'Máximo 300 caracteres.' }),
  localityId: optionalUuid('Localidad no válida.'),
  tariffCategoryId: z.uuid({ error: 'Seleccione la categoría tarifaria.' }),
  // Meter numbers are compared as typed, upper-cased, so 'md-001' and 'MD-001' are one meter.
  meterNumber: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.toUpperCase() : null))
    .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9\-/.]{0,29}$/, { error: 'Medidor no válido: letras, dígitos, guiones; hasta 30 caracteres.' }).nullable()),
  startDate: z.string({ error: 'Indique la fecha de alta.' }).refine(isDateOnly, { error: 'Indique una fecha de alta válida.' }),
});

export type AccountInput = z.output<typeof accountInputSchema>;

export const ACCOUNT_SORTS = ['number', 'description', 'startDate', 'createdAt'] as const;

export const accountListSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(ACCOUNT_STATUSES).optional().catch(undefined),
  branchId: z.uuid().optional().catch(undefined),
  tariffCategoryId: z.uuid().optional().catch(undefined),
  acuerdo: z.uuid().optional().catch(undefined),
  grupo: z.uuid().optional().catch(undefined),
  sort: z.enum(ACCOUNT_SORTS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type AccountListParams = z.output<typeof accountListSchema>;

export const closeAccountSchema = z.object({
  reason: z.string().trim().min(3, { error: 'Indique el motivo del cierre (mínimo 3 caracteres).' }).max(500, { error: 'Máximo 500 caracteres.' }),
});
