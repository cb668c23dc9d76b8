import { z } from 'zod';
import { PAYMENT_METHOD_VALUES } from '@/db/schema/enums';
import { PAYMENT_CHANNELS } from '@/db/schema/collections';
import { validDate } from '@/lib/domain/billing/period';
import { isValidMoneyInput } from '@/lib/domain/money';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Máximo ${max} caracteres.` })
    .optional()
    .transform((v) => (v ? v : null));

/** Registering a payment (cash desk, staff, gateway and bank imports call the same data layer). */
export const paymentInputSchema = z.object({
  idempotencyKey: z
    .string({ error: 'Falta la clave de idempotencia del pago.' })
    .trim()
    .min(8, { error: 'Clave de idempotencia no válida.' })
    .max(100, { error: 'Clave de idempotencia no válida.' }),
  agreementId: z.uuid({ error: 'Seleccione el acuerdo.' }),
  amount: z
    .string({ error: 'Indique el importe.' })
    .trim()
    .refine((v) => isValidMoneyInput(v), { error: 'Importe no válido: use números con hasta 2 decimales.' })
    .transform((v) => v.replace(/,/g, ''))
    .refine((v) => Number(v) > 0, { error: 'El importe debe ser mayor que cero.' }),
  method: z.enum(PAYMENT_METHOD_VALUES, { error: 'Seleccione el medio de pago.' }),
  channel: z.enum(PAYMENT_CHANNELS, { error: 'Canal no válido.' }).default('CASHIER'),
  paymentEntityId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.uuid({ error: 'Seleccione la entidad.' }).nullable()),
  reference: optionalText(100),
  paidOn: z.string({ error: 'Indique la fecha del pago.' }).trim().refine(validDate, { error: 'Fecha no válida: use AAAA-MM-DD.' }),
  invoiceIds: z.array(z.uuid({ error: 'Factura no válida.' })).max(500, { error: 'Elija como máximo 500 facturas.' }).optional(),
  notes: optionalText(500),
});
export type PaymentInput = z.input<typeof paymentInputSchema>;

export const paymentReversalSchema = z.object({
  reason: z.string({ error: 'Indique el motivo.' }).trim().min(5, { error: 'Explique el motivo (al menos 5 caracteres).' }).max(500, { error: 'Máximo 500 caracteres.' }),
});
