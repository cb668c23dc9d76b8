import { z } from 'zod';

/** An optional e-mail from a form: blank → null, stored lower-case. */
export const optionalEmail = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.toLowerCase() : null))
    .pipe(z.email({ error: 'Correo electrónico no válido.' }).max(200).nullable());

/** A form checkbox ('on' when ticked, absent otherwise) or a boolean. */
export const checkbox = () =>
  z
    .union([z.literal('on'), z.literal('true'), z.literal('false'), z.boolean()])
    .optional()
    .transform((v) => v === 'on' || v === 'true' || v === true);
