'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { runAction } from '@/lib/actions/safe-action';
import { startCheckout } from '@/lib/dal/checkouts';
import { formDataToObject } from '@/lib/validation/form-data';

const schema = z.object({
  agreementId: z.uuid({ error: 'Acuerdo no válido.' }),
  invoiceIds: z.array(z.uuid({ error: 'Factura no válida.' })).min(1, { error: 'Elija al menos una factura.' }).default([]),
});

/** This request's origin, as the browser sees it (the provider sends the payer back there). */
async function requestOrigin() {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto.split(',')[0].trim()}://${host}`;
}

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
