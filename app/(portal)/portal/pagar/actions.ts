'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { requestOrigin } from '@/lib/actions/request-origin';
import { runAction } from '@/lib/actions/safe-action';
import { NotFoundError } from '@/lib/auth/errors';
import { isUuid } from '@/lib/dal/customers';
import { startPortalCheckout } from '@/lib/dal/portal';
import { formDataToObject } from '@/lib/validation/form-data';

const schema = z.object({
  agreementId: z.string({ error: 'Acuerdo no válido.' }).max(100),
  invoiceIds: z.array(z.string().max(100)).min(1, { error: 'Elija al menos una factura.' }).max(50, { error: 'Elija como máximo 50 facturas.' }).default([]),
});

/**
 * "Pagar": re-checks everything in the data layer (session role CLIENT, the agreement and every
 * invoice belong to the session's customer, each can still be paid) and sends the browser to the
 * provider's payment page. A failure comes back to the page as a short code, never free text.
 */
export async function startPortalCheckoutAction(formData: FormData) {
  const raw = formDataToObject(formData);
  const origin = await requestOrigin();
  // Not found (another customer's id, or none) is told apart from the other failures: nothing of it goes back in the URL.
  const result = await runAction('portal.use', schema, raw, (input, actor) =>
    startPortalCheckout(actor, input, { origin }).catch((err) => (err instanceof NotFoundError ? null : Promise.reject(err))),
  );
  if (result.ok && result.data) redirect(result.data.redirectUrl);
  if (result.ok) redirect('/portal/pagar?error=no-encontrado');
  const code = result.fieldErrors?.invoiceIds ? 'facturas' : 'pasarela';
  const agreementId = typeof raw.agreementId === 'string' && isUuid(raw.agreementId) ? raw.agreementId : '';
  redirect(`/portal/pagar?${agreementId ? `acuerdo=${agreementId}&` : ''}error=${code}`);
}
