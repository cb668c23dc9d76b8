import { z } from 'zod';
import { FISCAL_DOC_TYPE_VALUES } from '@/lib/domain/billing/fiscal-number';
import { INVOICE_CLASSES } from '@/lib/domain/billing/invoice-class';
import { INVOICE_STATUSES } from '@/lib/domain/billing/labels';
import { validDate, validPeriod } from '@/lib/domain/billing/period';

/**
 * A keyset cursor of the invoice list: the row's period ('_' for none) and id, e.g.
 * '2026-10.5b0c…'. The list is ordered by (period desc, id desc), the order of invoices_period_idx.
 */
export const INVOICE_CURSOR_RE = /^(\d{4}-(?:0[1-9]|1[0-2])|_)\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export type InvoiceCursor = { period: string | null; id: string };

// parseInvoiceCursor('2026-10.<uuid>') → { period: '2026-10', id }; '_.<uuid>' → { period: null, id }; junk → undefined.
export function parseInvoiceCursor(s: string | undefined): InvoiceCursor | undefined {
  const m = s ? INVOICE_CURSOR_RE.exec(s) : null;
  if (!m) return undefined;
  return { period: m[1] === '_' ? null : m[1], id: m[2].toLowerCase() };
}

// formatInvoiceCursor({ period: null, id }) → '_.<id>'.
export function formatInvoiceCursor(c: InvoiceCursor): string {
  return `${c.period ?? '_'}.${c.id}`;
}

const optionalText = (max: number) => z.string().trim().max(max).optional().catch(undefined).transform((v) => v || undefined);

/**
 * The /facturas URL (Spanish parameter names). Bad values are dropped like any bad search param.
 * `despues` / `antes` are keyset cursors; `desde` is only the position shown ("Mostrando 26–50").
 */
export const invoiceListSchema = z.object({
  periodo: z.string().refine(validPeriod).optional().catch(undefined),
  clase: z.enum(INVOICE_CLASSES).optional().catch(undefined),
  estado: z.enum(INVOICE_STATUSES).optional().catch(undefined),
  tipo: z.enum(FISCAL_DOC_TYPE_VALUES).optional().catch(undefined),
  branchId: z.uuid().optional().catch(undefined),
  cliente: optionalText(100),
  acuerdo: optionalText(20),
  corrida: z.uuid().optional().catch(undefined),
  vencidas: z.literal('1').optional().catch(undefined),
  despues: z.string().regex(INVOICE_CURSOR_RE).optional().catch(undefined),
  antes: z.string().regex(INVOICE_CURSOR_RE).optional().catch(undefined),
  desde: z.coerce.number().int().min(1).max(1_000_000_000).optional().catch(undefined),
});

export type InvoiceListParams = z.output<typeof invoiceListSchema>;

/** The filter part of the list parameters (what the CSV export takes too). */
export type InvoiceListFilter = Omit<InvoiceListParams, 'despues' | 'antes' | 'desde'>;

export const BILLING_RUN_SCOPES = ['ALL', 'BRANCH', 'AGREEMENTS'] as const;
export type BillingRunScopeKind = (typeof BILLING_RUN_SCOPES)[number];
export const BILLING_RUN_SCOPE_LABELS: Record<BillingRunScopeKind, string> = {
  ALL: 'Todas mis sucursales',
  BRANCH: 'Una sucursal',
  AGREEMENTS: 'Acuerdos seleccionados',
};

/** Agreement codes typed in the run form: split on spaces, commas, semicolons or lines; upper-cased, unique. */
export function parseAgreementCodes(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))];
}

/** The billing run form (/facturacion). Codes are resolved within the actor's scope by the data layer. */
export const billingRunFormSchema = z
  .object({
    mode: z.enum(['PREVIEW', 'RUN'], { error: 'Acción no válida.' }),
    period: z.string({ error: 'Indique el período.' }).refine(validPeriod, { error: 'Período no válido: use el formato AAAA-MM.' }),
    issueDate: z.string({ error: 'Indique la fecha de emisión.' }).refine(validDate, { error: 'Fecha de emisión no válida.' }),
    scope: z.enum(BILLING_RUN_SCOPES, { error: 'Seleccione el alcance.' }),
    branchId: z.string().optional().transform((v) => v || undefined),
    agreementCodes: z.string().max(20_000, { error: 'Demasiados códigos: use una corrida por sucursal.' }).optional().transform((v) => parseAgreementCodes(v ?? '')),
  })
  .superRefine((v, ctx) => {
    if (v.scope === 'BRANCH' && !(v.branchId && z.uuid().safeParse(v.branchId).success)) {
      ctx.addIssue({ code: 'custom', path: ['branchId'], message: 'Seleccione la sucursal.' });
    }
    if (v.scope === 'AGREEMENTS' && v.agreementCodes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['agreementCodes'], message: 'Indique al menos un código de acuerdo.' });
    }
    if (v.agreementCodes.length > 5000) {
      ctx.addIssue({ code: 'custom', path: ['agreementCodes'], message: 'Máximo 5000 acuerdos por corrida.' });
    }
  });

export type BillingRunFormInput = z.output<typeof billingRunFormSchema>;

/** The issues table filter of a run's page. */
export const billingRunPageSchema = z.object({
  severidad: z.enum(['SKIP', 'ERROR']).optional().catch(undefined),
  pagina: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
