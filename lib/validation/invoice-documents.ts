import { z } from 'zod';

/** Manual invoices, credit notes and debit notes: the forms' input. Amount limits are checked by the data layer. */

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const QUANTITY_RE = /^\d{1,11}(\.\d{1,3})?$/;
const PRICE_RE = /^\d{1,12}(\.\d{1,4})?$/;
const AMOUNT_RE = /^\d{1,14}(\.\d{1,2})?$/;
const stripCommas = (v: unknown) => (typeof v === 'string' ? v.trim().replace(/,/g, '') : v);

/** A new manual invoice: for the agreement `agreementId`, or the one whose code is typed. */
export const newManualInvoiceSchema = z
  .object({
    agreementId: z.preprocess(blankToNull, z.uuid({ error: 'Seleccione un acuerdo válido.' }).nullable()).default(null),
    agreementCode: z.preprocess(blankToNull, z.string().trim().toUpperCase().max(20, { error: 'Máximo 20 caracteres.' }).nullable()).default(null),
  })
  .refine((v) => v.agreementId || v.agreementCode, { error: 'Indique el código del acuerdo.', path: ['agreementCode'] });

export const invoiceIdSchema = z.object({
  invoiceId: z.uuid({ error: 'Documento no válido.' }),
});

/**
 * One one-off line: concept, optional account of the agreement, description (the concept's name
 * when blank), quantity > 0 and unit price in the invoice's currency (blank = the concept's amount,
 * for ONE_OFF and LATE_FEE concepts).
 */
export const lineFieldsSchema = z.object({
  conceptId: z.uuid({ error: 'Seleccione un concepto.' }),
  accountId: z.preprocess(blankToNull, z.uuid({ error: 'Cuenta no válida.' }).nullable()).default(null),
  description: z.preprocess(blankToNull, z.string().trim().max(300, { error: 'Máximo 300 caracteres.' }).nullable()).default(null),
  quantity: z.preprocess(
    stripCommas,
    z
      .string({ error: 'Indique la cantidad.' })
      .regex(QUANTITY_RE, { error: 'Cantidad no válida: hasta 3 decimales.' })
      .refine((s) => Number(s) > 0, { error: 'La cantidad debe ser mayor que cero.' }),
  ),
  unitPrice: z.preprocess((v) => blankToNull(stripCommas(v)), z.string().regex(PRICE_RE, { error: 'Precio no válido: número no negativo, hasta 4 decimales.' }).nullable()).default(null),
});

export type LineFieldsInput = z.output<typeof lineFieldsSchema>;

export const draftLineSchema = lineFieldsSchema.extend({ invoiceId: z.uuid({ error: 'Documento no válido.' }) });
export type DraftLineInput = z.output<typeof draftLineSchema>;

export const removeDraftLineSchema = z.object({
  invoiceId: z.uuid({ error: 'Documento no válido.' }),
  lineNo: z.coerce.number().int().min(1).max(32_767),
});

const reasonField = z
  .string({ error: 'Indique el motivo.' })
  .trim()
  .min(3, { error: 'Indique el motivo (al menos 3 caracteres).' })
  .max(500, { error: 'Máximo 500 caracteres.' });

/** Collects `prefix<N>` form fields into { N: value } (N = a line number or a row index). */
function collect(raw: unknown, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (k.startsWith(prefix) && typeof v === 'string') out[k.slice(prefix.length)] = v;
  }
  return out;
}

/**
 * A credit note: FULL credits everything left on every line; PARTIAL credits the amounts typed per
 * line (fields `amount.<lineNo>`, tax included; blank = nothing on that line).
 */
export const creditNoteSchema = z.preprocess(
  (raw) => (typeof raw === 'object' && raw !== null ? { ...(raw as object), amounts: (raw as { amounts?: unknown }).amounts ?? collect(raw, 'amount.') } : raw),
  z
    .object({
      invoiceId: z.uuid({ error: 'Documento no válido.' }),
      mode: z.enum(['FULL', 'PARTIAL'], { error: 'Elija nota total o parcial.' }),
      reason: reasonField,
      amounts: z.record(z.string(), z.string()).default({}),
    })
    .transform((v, ctx) => {
      const lines: { lineNo: number; amount: string }[] = [];
      if (v.mode === 'PARTIAL') {
        for (const [key, rawAmount] of Object.entries(v.amounts)) {
          const amount = String(stripCommas(rawAmount) ?? '');
          if (amount === '') continue;
          const lineNo = Number(key);
          if (!Number.isInteger(lineNo) || lineNo < 1) continue;
          if (!AMOUNT_RE.test(amount) || Number(amount) <= 0) {
            ctx.addIssue({ code: 'custom', path: [`amount.${key}`], message: 'Importe no válido: mayor que cero, hasta 2 decimales.' });
            continue;
          }
          lines.push({ lineNo, amount });
        }
        if (!lines.length && !ctx.issues?.length) ctx.addIssue({ code: 'custom', path: ['amounts'], message: 'Indique el importe a acreditar en al menos una línea.' });
      }
      return { invoiceId: v.invoiceId, mode: v.mode, reason: v.reason, lines: lines.sort((a, b) => a.lineNo - b.lineNo) };
    }),
);

export type CreditNoteInput = z.output<typeof creditNoteSchema>;

/** Rows a debit note form offers. */
export const DEBIT_NOTE_ROWS = 5;

/**
 * A debit note: a reason and up to DEBIT_NOTE_ROWS lines, sent as `l<i>.<field>` (a row without a
 * concept is ignored). Row errors come back as `l<i>.<field>`.
 */
export const debitNoteSchema = z.preprocess(
  (raw) => {
    if (typeof raw !== 'object' || raw === null) return raw;
    const r = raw as Record<string, unknown>;
    if (Array.isArray(r.lines)) return r;
    const rows: Record<string, unknown>[] = [];
    for (let i = 0; i < DEBIT_NOTE_ROWS; i++) {
      const row = collect(raw, `l${i}.`);
      rows.push(row);
    }
    return { ...r, lines: rows };
  },
  z
    .object({
      invoiceId: z.uuid({ error: 'Documento no válido.' }),
      reason: reasonField,
      lines: z.array(z.record(z.string(), z.unknown())).max(DEBIT_NOTE_ROWS),
    })
    .transform((v, ctx) => {
      const lines: LineFieldsInput[] = [];
      v.lines.forEach((row, i) => {
        const blank = Object.values(row).every((x) => x === undefined || x === null || (typeof x === 'string' && x.trim() === ''));
        if (blank) return;
        const parsed = lineFieldsSchema.safeParse(row);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: [`l${i}.${String(issue.path[0] ?? 'conceptId')}`], message: issue.message });
          return;
        }
        lines.push(parsed.data);
      });
      if (!lines.length && !ctx.issues?.length) ctx.addIssue({ code: 'custom', path: ['lines'], message: 'Agregue al menos una línea con concepto y cantidad.' });
      return { invoiceId: v.invoiceId, reason: v.reason, lines };
    }),
);

export type DebitNoteInput = z.output<typeof debitNoteSchema>;
