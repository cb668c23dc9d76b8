import { z } from 'zod';
import { ForbiddenError, UnauthenticatedError, UserError } from '@/lib/auth/errors';
import { requireActor } from '@/lib/dal/actor';
import { previewPrintFormat } from '@/lib/dal/print-formats';
import { MAX_LOGO_BYTES } from '@/lib/domain/pdf/logo';
import { renderInvoicePdf } from '@/lib/pdf/render';
import { SAMPLE_CLASS_A, SAMPLE_CLASS_B, SAMPLE_CLASS_E } from '@/lib/pdf/sample-invoices';
import { formDataToObject } from '@/lib/validation/form-data';
import { printFormatPreviewSchema } from '@/lib/validation/print-formats';

const SAMPLES = { A: SAMPLE_CLASS_A, B: SAMPLE_CLASS_B, E: SAMPLE_CLASS_E };

const problem = (status: number, error: string, fieldErrors?: Record<string, string[]>) => Response.json({ error, fieldErrors }, { status, headers: { 'Cache-Control': 'no-store' } });

/**
 * The live preview of the format form: the form's current (unsaved) values as multipart form data,
 * rendered on a sample invoice of the chosen class (`previewClass`). Re-checks the session and
 * admin.catalogs; a logo file is checked by content like on save. Answers the PDF, or 422 with
 * the field errors that keep it from rendering.
 */
export async function POST(request: Request) {
  let actor;
  try {
    actor = await requireActor('admin.catalogs');
  } catch (err) {
    if (err instanceof UnauthenticatedError) return problem(401, 'Debe iniciar sesión.');
    if (err instanceof ForbiddenError) return problem(403, 'No tiene permiso para configurar formatos.');
    throw err;
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return problem(400, 'Envíe el formulario como multipart/form-data.');
  }
  const parsed = printFormatPreviewSchema.safeParse(formDataToObject(form));
  if (!parsed.success) return problem(422, 'Revise los campos marcados.', z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const file = form.get('logo');
  // The size is checked before reading a byte; the content decides the type (previewPrintFormat).
  if (file && typeof file !== 'string' && file.size > MAX_LOGO_BYTES) return problem(422, 'Revise los campos marcados.', { logo: [`El logotipo supera el máximo de ${MAX_LOGO_BYTES / 1024} KB.`] });
  const logo = file && typeof file !== 'string' && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
  let format;
  try {
    format = await previewPrintFormat(actor, parsed.data, logo);
  } catch (err) {
    if (err instanceof UserError) return problem(422, err.message, err.fieldErrors);
    throw err;
  }
  const pdf = await renderInvoicePdf(SAMPLES[parsed.data.previewClass], format);
  return new Response(new Uint8Array(pdf), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'inline; filename="vista-previa.pdf"', 'Content-Length': String(pdf.length), 'Cache-Control': 'private, no-store' },
  });
}
