import { z } from 'zod';
import { checkbox, optionalEmail } from './fields';
import { BILLING_FREQUENCY_VALUES, BILLING_MODE_VALUES, BILLING_OPPORTUNITY_VALUES, ITEM_GROUPING_VALUES } from '@/db/schema/enums';

const intIn = (min: number, max: number, label: string) =>
  z.coerce.number({ error: `${label}: indique un número.` }).int({ error: `${label}: debe ser un número entero.` }).min(min, { error: `${label}: mínimo ${min}.` }).max(max, { error: `${label}: máximo ${max}.` });
const isoDate = (msg: string) => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg }).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), { error: msg });

/** The agreement form (create and edit). Status and delinquency are not editable here. */
export const agreementInputSchema = z
  .object({
    name: z.string().trim().min(3, { error: 'Indique el nombre del acuerdo (mínimo 3 caracteres).' }).max(200),
    customerId: z.uuid({ error: 'Seleccione el cliente.' }),
    billingAddress: z.string().trim().min(5, { error: 'Indique el domicilio de facturación.' }).max(300),
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
