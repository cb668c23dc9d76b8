import { z } from 'zod';

const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('false'), z.boolean()])
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === true);

/** The branch form. The province select only narrows the localities and is not stored. */
export const branchInputSchema = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2,10}$/, { error: 'El código lleva de 2 a 10 letras o dígitos, sin espacios (ej.: SDC).' }),
  name: z.string().trim().min(3, { error: 'Indique el nombre (mínimo 3 caracteres).' }).max(120, { error: 'Máximo 120 caracteres.' }),
  address: z.string().trim().min(5, { error: 'Indique la dirección.' }).max(300, { error: 'Máximo 300 caracteres.' }),
  localityId: z.uuid({ error: 'Seleccione la localidad.' }),
  phone: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(z.string().regex(/^[0-9+()\- ]{7,20}$/, { error: 'Teléfono no válido (ej.: 809-555-0123).' }).nullable()),
  active: checkbox,
});
export type BranchInput = z.output<typeof branchInputSchema>;

const description = z.string().trim().min(3, { error: 'Indique la descripción (mínimo 3 caracteres).' }).max(120, { error: 'Máximo 120 caracteres.' });

/** A new point of sale: its number is the fiscal PPPPP prefix, unique across the company. */
export const pointOfSaleCreateSchema = z.object({
  number: z.coerce
    .string()
    .trim()
    .regex(/^\d{1,5}$/, { error: 'Indique un número entre 1 y 99999.' })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: 'Indique un número entre 1 y 99999.' }).max(99_999)),
  description,
});
export type PointOfSaleCreateInput = z.output<typeof pointOfSaleCreateSchema>;

/** Only the description changes: the number is printed on issued documents. */
export const pointOfSaleUpdateSchema = z.object({ description });
export type PointOfSaleUpdateInput = z.output<typeof pointOfSaleUpdateSchema>;

export const pointOfSaleActiveSchema = z.object({
  active: z.enum(['true', 'false'], { error: 'Estado no válido.' }).transform((v) => v === 'true'),
});

/** PPPPP as printed on documents; formatPointOfSale(7) → '00007' */
export function formatPointOfSale(n: number) {
  return String(n).padStart(5, '0');
}
