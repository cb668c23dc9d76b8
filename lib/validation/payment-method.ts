import { z } from 'zod';
import { PAYMENT_METHOD_VALUES } from '@/db/schema/enums';
import { checkbox } from './fields';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Máximo ${max} caracteres.` })
    .optional()
    .transform((v) => v ?? '');

/**
 * The "new payment method" form. Only the shape is checked here; which fields a method needs,
 * Luhn, expiry and the entity's method and brand are checked by the data layer against the
 * database (validateInstrument), so every error reaches the form as a field error.
 */
export const paymentMethodInputSchema = z.object({
  method: z.enum(PAYMENT_METHOD_VALUES, { error: 'Seleccione el medio de pago.' }),
  entityId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.uuid({ error: 'Seleccione la entidad.' }).nullable()),
  number: optionalText(40),
  expiryMonth: optionalText(2),
  expiryYear: optionalText(4),
  isDefault: checkbox(),
});
export type PaymentMethodInput = z.output<typeof paymentMethodInputSchema>;

/** Form fields that carry the full instrument number: never echoed back to the browser. */
export const INSTRUMENT_SECRET_FIELDS = ['number'] as const;

/** Form values with the instrument number blanked, for a failed submit. */
export function withoutInstrumentNumber<T extends Record<string, unknown> | undefined>(values: T): T {
  if (!values) return values;
  const copy: Record<string, unknown> = { ...values };
  for (const key of INSTRUMENT_SECRET_FIELDS) if (key in copy) copy[key] = '';
  return copy as T;
}
