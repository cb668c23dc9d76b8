'use server';

import { redirect } from 'next/navigation';
import { requestOrigin } from '@/lib/actions/request-origin';
import { z } from 'zod';
import { runAction } from '@/lib/actions/safe-action';
import { startCheckout } from '@/lib/dal/checkouts';
import { formDataToObject } from '@/lib/validation/form-data';

const schema = z.object({
  agreementId: z.uuid({ error: 'Acuerdo no válido.' }),
  invoiceIds: z.array(z.uuid({ error: 'Factura no válida.' })).min(1, { error: 'Elija al menos una factura.' }).default([]),
});

/**
 * Starts a gateway checkout for the chosen invoices (payments.write; the data layer re-checks the
 * agreement's branch) and sends the browser to the provider's payment page. A failure comes back
 * to the form as a short code (never free text in the URL).
 */
export async function startGatewayCheckoutAction(formData: FormData) {
  const raw = formDataToObject(formData);
  const origin = await requestOrigin();
  const result = await runAction('payments.write', schema, raw, (input, actor) =>
    startCheckout(actor, { agreementId: input.agreementId, invoiceIds: input.invoiceIds, returnUrl: '/cobros/pasarela/resultado' }, { origin }),
  );
  const agreementId = typeof raw.agreementId === 'string' ? raw.agreementId : '';
  if (!result.ok) redirect(`/cobros/pasarela?acuerdo=${encodeURIComponent(agreementId)}&error=${result.fieldErrors?.invoiceIds ? 'facturas' : 'pasarela'}`);
  redirect(result.data.redirectUrl);
}
