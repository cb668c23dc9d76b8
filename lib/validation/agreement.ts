import { z } from 'zod';
import { delinquencyFilterSchema } from './delinquency-filter';
import { checkbox, optionalEmail } from './fields';
import {
  AGREEMENT_STATUS_VALUES,
  BILLING_FREQUENCY_VALUES,
  BILLING_MODE_VALUES,
  BILLING_OPPORTUNITY_VALUES,
  ITEM_GROUPING_VALUES,
} from '@/db/schema/enums';
import { isDateOnly, normalizeAttributeNumber, validateAttributeValues, type AttributeDefinition, type AttributeType } from '@/lib/domain/dynamic-attributes';

// A blank field is "missing", not 0 (z.coerce.number('') would give 0).
const intIn = (min: number, max: number, label: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.coerce.number({ error: `${label}: indique un número.` }).int({ error: `${label}: debe ser un número entero.` }).min(min, { error: `${label}: mínimo ${min}.` }).max(max, { error: `${label}: máximo ${max}.` }));
// A real calendar day: Date.parse would accept '2026-02-30' (it rolls over to 2 March).
const isoDate = (msg: string) => z.string({ error: msg }).refine(isDateOnly, { error: msg });

/** The agreement form (create and edit). Status and delinquency are not editable here. */
export const agreementInputSchema = z
  .object({
    name: z.string({ error: 'Indique el nombre del acuerdo.' }).trim().min(3, { error: 'Indique el nombre del acuerdo (mínimo 3 caracteres).' }).max(200, { error: 'Máximo 200 caracteres.' }),
    customerId: z.uuid({ error: 'Seleccione el cliente.' }),
    billingAddress: z.string({ error: 'Indique el domicilio de facturación.' }).trim().min(5, { error: 'Indique el domicilio de facturación.' }).max(300, { error: 'Máximo 300 caracteres.' }),
    localityId: z.uuid({ error: 'Seleccione la localidad.' }),
    branchId: z.uuid({ error: 'Seleccione la sucursal.' }),
    billingMode: z.enum(BILLING_MODE_VALUES, { error: 'Seleccione la modalidad de facturación.' }),
    billingOpportunity: z.enum(BILLING_OPPORTUNITY_VALUES, { error: 'Seleccione la oportunidad de facturación.' }),
    currency: z.enum(['DOP', 'USD', 'EUR'], { error: 'Seleccione la moneda de facturación.' }),
    itemGrouping: z.enum(ITEM_GROUPING_VALUES, { error: 'Seleccione el agrupamiento de ítems imprimibles.' }),
    graceDays: intIn(0, 365, 'Días de gracia'),
    dueDays: intIn(0, 365, 'Días de vencimiento'),
    email: optionalEmail(),
    discountPct: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v.replace(',', '.') : '0'))
      .pipe(z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, { error: 'Descuento: un porcentaje con hasta 2 decimales.' }))
      .refine((v) => Number(v) <= 100, { error: 'El descuento no puede superar el 100 %.' }),
    slaHours: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? Number(v) : null))
      .pipe(z.number({ error: 'SLA: indique horas enteras.' }).int({ error: 'SLA: indique horas enteras.' }).min(1, { error: 'SLA: mínimo 1 hora.' }).max(8760, { error: 'SLA: máximo 8760 horas.' }).nullable()),
    billingFrequency: z.enum(BILLING_FREQUENCY_VALUES, { error: 'Seleccione la frecuencia de facturación.' }),
    anchorMonth: intIn(1, 12, 'Mes de referencia'),
    validFrom: isoDate('Fecha de inicio de vigencia no válida.'),
    validTo: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(isoDate('Fecha de fin de vigencia no válida.').nullable()),
    delinquencyExempt: checkbox(),
  })
  .refine((v) => !v.validTo || v.validTo >= v.validFrom, { path: ['validTo'], error: 'El fin de vigencia no puede ser anterior al inicio.' });

export type AgreementInput = z.output<typeof agreementInputSchema>;

export const reasonSchema = z.object({
  reason: z.string().trim().min(3, { error: 'Indique el motivo (mínimo 3 caracteres).' }).max(500),
});

/** Suspend, reactivate or close from the detail page. ACTIVATE is never a user action: it comes from a work order. */
export const AGREEMENT_USER_EVENTS = ['SUSPEND', 'REACTIVATE', 'CLOSE'] as const;
export type AgreementUserEvent = (typeof AGREEMENT_USER_EVENTS)[number];

export const statusChangeSchema = reasonSchema.extend({
  event: z.enum(AGREEMENT_USER_EVENTS, { error: 'Acción no válida.' }),
});

/**
 * The form as posted: the agreement fields plus its dynamic attributes (`attr.<key>` fields),
 * validated together so every error shows at once. Only `attr.*` fields are read as attributes,
 * so an attribute key never collides with a form field ('email' the attribute vs the e-mail).
 */
export function agreementFormSchema(definitions: readonly AttributeDefinition[]) {
  return z.record(z.string(), z.unknown()).transform((raw, ctx) => {
    const base = agreementInputSchema.safeParse(raw);
    const attrs = validateAttributeValues(definitions, attributeEntries(raw));
    if (!base.success) for (const issue of base.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    if (!attrs.ok) for (const [key, messages] of Object.entries(attrs.fieldErrors)) ctx.addIssue({ code: 'custom', path: [`attr.${key}`], message: messages[0] });
    if (!base.success || !attrs.ok) return z.NEVER;
    return { input: base.data, attributes: attrs.values };
  });
}

// The `attr.<key>` entries of a posted form, keyed by the bare key; e.g. { name: 'x', 'attr.zona': 'Norte' } → { zona: 'Norte' }.
export function attributeEntries(raw: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(raw).filter(([k]) => k.startsWith('attr.')).map(([k, v]) => [k.slice(5), v]));
}

// ─── List ────────────────────────────────────────────────────────────────────────────────

export const AGREEMENT_SORTS = ['name', 'code', 'createdAt'] as const;

export const agreementListSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(AGREEMENT_STATUS_VALUES).optional().catch(undefined),
  branchId: z.uuid().optional().catch(undefined),
  billingMode: z.enum(BILLING_MODE_VALUES).optional().catch(undefined),
  // Status or policy level (lib/validation/delinquency-filter.ts).
  delinquency: delinquencyFilterSchema,
  sort: z.enum(AGREEMENT_SORTS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type AgreementListParams = z.output<typeof agreementListSchema>;

/** A list filter on one dynamic attribute; TEXT matches "contains", the other types the exact value. */
export type AttributeFilter = { key: string; type: AttributeType; value: string };

/**
 * `attr.<key>=value` search params → filters. Only keys of the given (active) definitions are kept
 * and values must fit the type (a CHOICE among its options, BOOLEAN 'true'/'false', a real DATE, a
 * NUMBER normalized as stored); anything else is ignored, like any other bad search param.
 * E.g. with CHOICE 'zona' [Norte, Sur]: { 'attr.zona': 'Sur', 'attr.otra': 'x' } → [{ key: 'zona', type: 'CHOICE', value: 'Sur' }].
 */
export function parseAttributeFilters(raw: Record<string, string | undefined>, definitions: readonly AttributeDefinition[]): AttributeFilter[] {
  const out: AttributeFilter[] = [];
  for (const def of definitions) {
    const given = raw[`attr.${def.key}`]?.trim();
    if (!given) continue;
    const value = filterValue(def, given);
    if (value !== null) out.push({ key: def.key, type: def.type, value });
  }
  return out;
}

function filterValue(def: AttributeDefinition, v: string): string | null {
  switch (def.type) {
    case 'BOOLEAN':
      return v === 'true' || v === 'false' ? v : null;
    case 'CHOICE':
      return def.options?.includes(v) ? v : null;
    case 'NUMBER':
      return normalizeAttributeNumber(v);
    case 'DATE':
      return isDateOnly(v) ? v : null;
    case 'TEXT':
      return v.slice(0, 100);
  }
}
