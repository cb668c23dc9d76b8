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

type Ctx = { addIssue: (issue: { code: 'custom'; path: string[]; message: string }) => void };

/** Copies a failed parse's issues to the top-level field they concern (so every field error shows at once). */
function copyIssues(ctx: Ctx, issues: readonly { path: PropertyKey[]; message: string }[], prefix = '') {
  for (const issue of issues) ctx.addIssue({ code: 'custom', path: [`${prefix}${String(issue.path[0] ?? '')}`], message: issue.message });
}

const creditBaseSchema = z.object({
  invoiceId: z.uuid({ error: 'Documento no válido.' }),
  mode: z.enum(['FULL', 'PARTIAL'], { error: 'Elija nota total o parcial.' }),
  reason: reasonField,
});

/**
 * A credit note: FULL credits everything left on every line; PARTIAL credits the amounts typed per
 * line (fields `amount.<lineNo>`, tax included; blank = nothing on that line). Every field's error
 * is reported at once.
 */
export const creditNoteSchema = z.unknown().transform((raw, ctx) => {
  const base = creditBaseSchema.safeParse(raw);
  if (!base.success) copyIssues(ctx, base.error.issues);
  const lines: { lineNo: number; amount: string }[] = [];
  let bad = !base.success;
  if (base.success && base.data.mode === 'PARTIAL') {
    for (const [key, rawAmount] of Object.entries(collect(raw, 'amount.'))) {
      const amount = String(stripCommas(rawAmount) ?? '');
      const lineNo = Number(key);
      if (amount === '' || !Number.isInteger(lineNo) || lineNo < 1) continue;
      if (!AMOUNT_RE.test(amount) || Number(amount) <= 0) {
        ctx.addIssue({ code: 'custom', path: [`amount.${key}`], message: 'Importe no válido: mayor que cero, hasta 2 decimales.' });
        bad = true;
        continue;
      }
      lines.push({ lineNo, amount });
    }
    if (!lines.length && !bad) {
      ctx.addIssue({ code: 'custom', path: ['amounts'], message: 'Indique el importe a acreditar en al menos una línea.' });
      bad = true;
    }
  } else if (!base.success) {
    // The mode is unknown: still report malformed amounts.
    for (const [key, rawAmount] of Object.entries(collect(raw, 'amount.'))) {
      const amount = String(stripCommas(rawAmount) ?? '');
      if (amount !== '' && (!AMOUNT_RE.test(amount) || Number(amount) <= 0)) ctx.addIssue({ code: 'custom', path: [`amount.${key}`], message: 'Importe no válido: mayor que cero, hasta 2 decimales.' });
    }
  }
  if (bad || !base.success) return z.NEVER;
  return { invoiceId: base.data.invoiceId, mode: base.data.mode, reason: base.data.reason, lines: lines.sort((a, b) => a.lineNo - b.lineNo) };
});

export type CreditNoteInput = z.output<typeof creditNoteSchema>;

/** Rows a debit note form offers. */
export const DEBIT_NOTE_ROWS = 5;

const debitBaseSchema = z.object({
  invoiceId: z.uuid({ error: 'Documento no válido.' }),
  reason: reasonField,
});

/**
 * A debit note: a reason and up to DEBIT_NOTE_ROWS lines, sent as `l<i>.<field>` (a row left blank
 * is ignored) or as `lines` (an array of rows). Row errors come back as `l<i>.<field>`.
 */
export const debitNoteSchema = z.unknown().transform((raw, ctx) => {
  const base = debitBaseSchema.safeParse(raw);
  if (!base.success) copyIssues(ctx, base.error.issues);
  const given = typeof raw === 'object' && raw !== null && Array.isArray((raw as { lines?: unknown }).lines) ? ((raw as { lines: unknown[] }).lines as Record<string, unknown>[]) : null;
  const rows = given ?? Array.from({ length: DEBIT_NOTE_ROWS }, (_, i) => collect(raw, `l${i}.`));
  const lines: LineFieldsInput[] = [];
  let bad = !base.success;
  if (rows.length > DEBIT_NOTE_ROWS) {
    ctx.addIssue({ code: 'custom', path: ['lines'], message: `Hasta ${DEBIT_NOTE_ROWS} líneas por nota.` });
    bad = true;
  }
  rows.slice(0, DEBIT_NOTE_ROWS).forEach((row, i) => {
    const blank = Object.values(row ?? {}).every((x) => x === undefined || x === null || (typeof x === 'string' && x.trim() === ''));
    if (blank) return;
    const parsed = lineFieldsSchema.safeParse(row);
    if (!parsed.success) {
      copyIssues(ctx, parsed.error.issues, `l${i}.`);
      bad = true;
      return;
    }
    lines.push(parsed.data);
  });
  if (!lines.length && !bad) {
    ctx.addIssue({ code: 'custom', path: ['lines'], message: 'Agregue al menos una línea con concepto y cantidad.' });
    bad = true;
  }
  if (bad || !base.success) return z.NEVER;
  return { invoiceId: base.data.invoiceId, reason: base.data.reason, lines };
});

export type DebitNoteInput = z.output<typeof debitNoteSchema>;
