import { z } from 'zod';
import { validPeriod } from '@/lib/domain/billing/period';

/** What a client sees of its documents: never drafts. */
export const PORTAL_INVOICE_STATUSES = ['ISSUED', 'PARTIALLY_PAID', 'PAID', 'VOIDED'] as const;
export type PortalInvoiceStatus = (typeof PORTAL_INVOICE_STATUSES)[number];

/** Invoices per page of /portal/facturas. */
export const PORTAL_INVOICES_PAGE_SIZE = 50;
/** At most this many invoices go into one ZIP. */
export const PORTAL_ZIP_MAX_INVOICES = 5000;

const optionalText = (max: number) => z.string().trim().max(max).optional().catch(undefined).transform((v) => v || undefined);

/**
 * The filters of /portal/facturas (Spanish parameter names). Bad values are dropped like any bad
 * search parameter; ids are only narrowed here — the data layer always adds the session's customer,
 * so another customer's agreement, group or account simply matches nothing.
 */
export const portalInvoiceFilterSchema = z.object({
  periodo: z.string().refine(validPeriod).optional().catch(undefined),
  estado: z.enum(PORTAL_INVOICE_STATUSES).optional().catch(undefined),
  acuerdo: z.uuid().optional().catch(undefined),
  grupo: z.uuid().optional().catch(undefined),
  cuenta: z.uuid().optional().catch(undefined),
  /** Part of the fiscal number, e.g. '00000042' or 'E310000000007'. */
  numero: optionalText(30),
});
/** Every key optional: callers (tests, the ZIP request) may pass just the filters they use. */
export type PortalInvoiceFilter = Partial<z.output<typeof portalInvoiceFilterSchema>>;

export const portalInvoiceListSchema = portalInvoiceFilterSchema.extend({
  pagina: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type PortalInvoiceListParams = Partial<z.output<typeof portalInvoiceListSchema>>;

/** Whether any filter is applied (the page's "Limpiar" and empty-state wording). */
export const hasPortalFilter = (f: PortalInvoiceFilter) => Boolean(f.periodo || f.estado || f.acuerdo || f.grupo || f.cuenta || f.numero);

/**
 * "Descargar ZIP" on the list: every invoice of the filter (`alcance=filtro`), or the ones ticked
 * (`alcance=seleccion`, repeated `factura` fields). Ticked ids stay plain strings here: an invalid
 * one must answer exactly like an unknown or foreign one (the data layer's "not found").
 */
export const portalZipRequestSchema = portalInvoiceFilterSchema
  .extend({
    alcance: z.enum(['filtro', 'seleccion'], { error: 'Elija qué facturas descargar.' }),
    factura: z
      .union([z.string().max(100), z.array(z.string().max(100)).max(PORTAL_ZIP_MAX_INVOICES, { error: `Marque como máximo ${PORTAL_ZIP_MAX_INVOICES.toLocaleString('es-DO')} facturas.` })])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  })
  .superRefine((v, ctx) => {
    if (v.alcance === 'seleccion' && v.factura.length === 0) ctx.addIssue({ code: 'custom', path: ['factura'], message: 'Marque al menos una factura.' });
  });
export type PortalZipRequest = z.output<typeof portalZipRequestSchema>;

/** The statement page's query: the agreement (the data layer checks it is the client's) and the range. */
export const portalStatementQuerySchema = z.object({
  acuerdo: z.string().trim().max(100).optional().catch(undefined),
  desde: z.string().trim().max(20).optional().catch(undefined),
  hasta: z.string().trim().max(20).optional().catch(undefined),
});
