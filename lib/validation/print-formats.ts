import { z } from 'zod';
import { INVOICE_CLASSES } from '@/lib/domain/billing/invoice-class';
import { PAPER_SIZES, PRINT_FORMAT_TYPES } from '@/lib/domain/pdf/print-format';
import { normalizeColumns } from '@/lib/domain/pdf/print-columns';
import { checkbox } from './fields';

const CODE_ERROR = 'El código lleva de 2 a 20 letras, dígitos o guiones, sin espacios (ej.: CORPORATIVO).';

/** The format form (also the live preview's body): everything but the logo file, which the DAL checks by content. */
export const printFormatInputSchema = z.object({
  code: z.string({ error: 'Indique el código.' }).trim().toUpperCase().regex(/^[A-Z0-9](?:[A-Z0-9-]{0,18}[A-Z0-9])$/, { error: CODE_ERROR }),
  name: z.string({ error: 'Indique el nombre.' }).trim().min(2, { error: 'Indique el nombre (mínimo 2 caracteres).' }).max(120, { error: 'Máximo 120 caracteres.' }),
  paperSize: z.enum(PAPER_SIZES, { error: 'Seleccione el tamaño de papel: Carta o A4.' }),
  accentColor: z
    .string({ error: 'Indique el color de acento.' })
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: 'Indique un color en formato #rrggbb (ej.: #0f4c81).' })
    .transform((v) => v.toLowerCase()),
  showConsumptionChart: checkbox(),
  chartPeriods: z.coerce.number({ error: 'Indique de 6 a 12 períodos.' }).int({ error: 'Indique de 6 a 12 períodos.' }).min(6, { error: 'Indique de 6 a 12 períodos.' }).max(12, { error: 'Indique de 6 a 12 períodos.' }),
  showPaymentQr: checkbox(),
  showBarcode: checkbox(),
  showNotes: checkbox(),
  legalFooter: z.string().trim().max(600, { error: 'Máximo 600 caracteres.' }).optional().transform((v) => v ?? ''),
  columns: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v, ctx) => {
      const result = normalizeColumns(v === undefined ? [] : Array.isArray(v) ? v : [v]);
      if (result.ok) return result.columns;
      ctx.addIssue({ code: 'custom', message: result.error });
      return z.NEVER;
    }),
  active: checkbox(),
  // Edit form: drop the stored logo (a new file replaces it anyway).
  removeLogo: checkbox(),
});
export type PrintFormatInput = z.output<typeof printFormatInputSchema>;

/** The preview's extras: which sample invoice, and the format whose stored logo to use when no file is sent. */
export const printFormatPreviewSchema = printFormatInputSchema.extend({
  previewClass: z.enum(INVOICE_CLASSES).catch('A'),
  formatId: z.uuid().optional().catch(undefined),
  // The preview renders half-typed forms: a bad code or name must not stop it.
  code: z.string().optional().catch('').transform((v) => (v ?? '').trim().toUpperCase() || 'VISTA-PREVIA'),
  name: z.string().optional().catch('').transform((v) => (v ?? '').trim() || 'Vista previa'),
});
export type PrintFormatPreviewInput = z.output<typeof printFormatPreviewSchema>;

const formatRef = z.union([z.literal(''), z.uuid({ error: 'Seleccione un formato de la lista.' })]).transform((v) => (v === '' ? null : v));

/** The company defaults per class ('' = none: the built-in format applies). */
export const printFormatDefaultsSchema = z.object({ A: formatRef.optional().default(null), B: formatRef.optional().default(null), E: formatRef.optional().default(null) });
export type PrintFormatDefaultsInput = z.output<typeof printFormatDefaultsSchema>;

export const printAssignmentInputSchema = z.object({
  invoiceClass: z.enum(INVOICE_CLASSES, { error: 'Seleccione la clase: A, B o E.' }),
  type: z.enum(PRINT_FORMAT_TYPES, { error: 'Seleccione el tipo: automática o manual.' }),
  formatId: z.uuid({ error: 'Seleccione un formato.' }),
});
export type PrintAssignmentInput = z.output<typeof printAssignmentInputSchema>;
