import { z } from 'zod';
import { ATTRIBUTE_ENTITIES, definitionSchema, isDateOnly } from '@/lib/domain/dynamic-attributes';
import { CURRENCIES } from '@/lib/domain/billing-frequency';
import { money } from '@/lib/domain/money';
import { checkbox } from './fields';

const page = z.coerce.number().int().min(1).max(100_000).optional().catch(undefined);

/** Methods that work through an entity; cash has none. */
export const ENTITY_METHODS = ['CARD', 'DIRECT_DEBIT', 'BANK_TRANSFER'] as const;

export const paymentEntityInputSchema = z.object({
  code: z
    .string({ error: 'Indique el código.' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9](?:[A-Z0-9-]{0,18}[A-Z0-9])?$/, { error: 'El código lleva de 2 a 20 letras, dígitos o guiones, sin espacios (ej.: BPD-DA).' })
    .min(2, { error: 'El código lleva de 2 a 20 letras, dígitos o guiones, sin espacios (ej.: BPD-DA).' }),
  name: z.string({ error: 'Indique el nombre.' }).trim().min(2, { error: 'Indique el nombre (mínimo 2 caracteres).' }).max(120, { error: 'Máximo 120 caracteres.' }),
  method: z.enum(ENTITY_METHODS, { error: 'Seleccione el medio de pago: tarjeta, débito automático o transferencia.' }),
  active: checkbox(),
});
export type PaymentEntityInput = z.output<typeof paymentEntityInputSchema>;

export const paymentEntityListSchema = z.object({ method: z.enum(ENTITY_METHODS).optional().catch(undefined) });

/** The dynamic attribute form: the domain's definition plus the admin's order and the active flag. */
export const attributeDefinitionInputSchema = z.intersection(
  definitionSchema,
  z.object({
    position: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : '0'))
      .pipe(z.string().regex(/^\d{1,4}$/, { error: 'Indique un número entero de 0 a 9999.' }).transform(Number)),
    active: checkbox(),
  }),
);
export type AttributeDefinitionFormInput = z.output<typeof attributeDefinitionInputSchema>;

export const attributeListSchema = z.object({ entity: z.enum(ATTRIBUTE_ENTITIES).optional().catch(undefined) });

/** Currencies with an exchange rate: every billing currency but DOP, the company currency. */
export const RATE_CURRENCIES = CURRENCIES.filter((c): c is Exclude<(typeof CURRENCIES)[number], 'DOP'> => c !== 'DOP');
const rateCurrency = z.enum(CURRENCIES).exclude(['DOP'], { error: 'Seleccione la moneda (USD o EUR).' });

const RATE_ERROR = 'Indique una tasa mayor que cero, con hasta 6 decimales (ej.: 58.7525).';

/** One day's rate: DOP per unit of the currency, kept as a decimal string (never a float). */
export const exchangeRateInputSchema = z.object({
  date: z.string({ error: 'Indique la fecha.' }).trim().refine(isDateOnly, { error: 'Indique una fecha válida (AAAA-MM-DD).' }),
  currency: rateCurrency,
  rate: z
    .string({ error: RATE_ERROR })
    .trim()
    .regex(/^\d{1,12}(\.\d{1,6})?$/, { error: RATE_ERROR, abort: true })
    .refine((v) => money(v).gt(0), { error: RATE_ERROR })
    .transform((v) => money(v).toFixed(6)),
});
export type ExchangeRateInput = z.output<typeof exchangeRateInputSchema>;

export const exchangeRateListSchema = z.object({ currency: rateCurrency.optional().catch(undefined), page });

export const activeToggleSchema = z.object({
  active: z.enum(['true', 'false'], { error: 'Estado no válido.' }).transform((v) => v === 'true'),
});
