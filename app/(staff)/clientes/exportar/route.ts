import { ForbiddenError, UnauthenticatedError } from '@/lib/auth/errors';
import { requireActor } from '@/lib/dal/actor';
import { exportCustomers } from '@/lib/dal/customers';
import { CSV_BOM, csvLine } from '@/lib/domain/csv';
import { DOCUMENT_TYPE_LABELS } from '@/lib/domain/documents';
import { customerListSchema, SEGMENT_LABELS, TAX_CONDITION_LABELS } from '@/lib/validation/customer';

export async function GET(request: Request) {
  let actor;
  try {
    actor = await requireActor('customers.read');
  } catch (err) {
    if (err instanceof UnauthenticatedError) return new Response('Debe iniciar sesión.', { status: 401 });
    if (err instanceof ForbiddenError) return new Response('No tiene permiso para exportar clientes.', { status: 403 });
    throw err;
  }
  const params = customerListSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const rows = exportCustomers(actor, params);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(['Código', 'Nombre o razón social', 'Tipo de documento', 'Documento', 'Condición fiscal', 'Segmento', 'Gran cliente', 'Correo', 'Teléfono', 'Dirección', 'Localidad', 'Provincia', 'Sucursal'])));
      for await (const c of rows) {
        controller.enqueue(
          encoder.encode(
            csvLine([c.code, c.legalName, DOCUMENT_TYPE_LABELS[c.documentType], c.documentNumber, TAX_CONDITION_LABELS[c.taxCondition], SEGMENT_LABELS[c.segment], c.isLargeAccount ? 'Sí' : 'No', c.email, c.phone, c.address, c.localityName, c.provinceName, c.branchName]),
          ),
        );
      }
      controller.close();
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="clientes-${date}.csv"`, 'Cache-Control': 'no-store' },
  });
}
