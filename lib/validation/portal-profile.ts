import { z } from 'zod';
import { optionalEmail } from './fields';

// Shared by the portal's profile forms and their actions; light (client forms import it too).
// The password policy (passwordProblems) is applied by the data layer, beside argon2.

const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: 'Indique el correo electrónico.' })
  .pipe(z.email({ error: 'Correo electrónico no válido.' }).max(200, { error: 'Máximo 200 caracteres.' }));

/** The agreement's contact e-mail (the seed manual's "Email: email del contacto del cliente"). */
export const agreementContactSchema = z.object({ email });
export type AgreementContactInput = z.output<typeof agreementContactSchema>;

/** Where an account group's invoices are delivered: e-mail and postal address, both optional. */
export const groupDeliverySchema = z.object({
  email: optionalEmail(),
  deliveryAddress: z
    .string()
    .trim()
    .max(300, { error: 'Máximo 300 caracteres.' })
    .optional()
    .transform((v) => (v ? v : null)),
});
export type GroupDeliveryInput = z.output<typeof groupDeliverySchema>;

/** A colleague invited to the portal by the client administrator. */
export const invitationSchema = z.object({
  name: z.string().trim().min(3, { error: 'Indique el nombre completo (mínimo 3 caracteres).' }).max(120, { error: 'Máximo 120 caracteres.' }),
  email,
});
export type InvitationInput = z.output<typeof invitationSchema>;

/** The password the invitee chooses, typed twice. */
export const acceptInvitationSchema = z
  .object({
    password: z.string().min(1, { error: 'Escriba una contraseña.' }).max(200, { error: 'Máximo 200 caracteres.' }),
    passwordConfirm: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.passwordConfirm) ctx.addIssue({ code: 'custom', path: ['passwordConfirm'], message: 'Las contraseñas no coinciden.' });
  })
  .transform(({ password }) => ({ password }));
export type AcceptInvitationInput = z.output<typeof acceptInvitationSchema>;
