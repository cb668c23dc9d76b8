import { z } from 'zod';
import { optionalEmail } from './fields';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Máximo ${max} caracteres.` })
    .optional()
    .transform((v) => (v ? v : null));

/** The account group form (create and edit). Agreement and status are not editable here. */
export const accountGroupInputSchema = z.object({
  name: z.string().trim().min(3, { error: 'Indique el nombre del grupo (mínimo 3 caracteres).' }).max(200, { error: 'Máximo 200 caracteres.' }),
  branchId: z.uuid({ error: 'Seleccione la sucursal.' }),
  billingAddress: z.string().trim().min(5, { error: 'Indique el domicilio de facturación.' }).max(300, { error: 'Máximo 300 caracteres.' }),
  deliveryAddress: optionalText(300),
  email: optionalEmail(),
});

export type AccountGroupInput = z.output<typeof accountGroupInputSchema>;
