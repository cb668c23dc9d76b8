import { z } from 'zod';
import { checkbox, optionalEmail } from './fields';
import { DOCUMENT_TYPES, SEGMENTS, TAX_CONDITIONS } from '@/db/schema/enums';
import { validateDocument, type DocumentType } from '@/lib/domain/documents';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Máximo ${max} caracteres.` })
    .optional()
    .transform((v) => (v ? v : null));

export const SEGMENT_LABELS = {
  RESIDENTIAL: 'Residencial',
  COMMERCIAL: 'Comercial',
  INDUSTRIAL: 'Industrial',
  GOVERNMENT: 'Gobierno',
} as const;

export const TAX_CONDITION_LABELS = {
  REGISTERED: 'Contribuyente registrado',
  FINAL_CONSUMER: 'Consumidor final',
  EXEMPT: 'Exento',
  FOREIGN: 'Extranjero',
} as const;

const uuid = (msg: string) => z.uuid({ error: msg });

/** The customer form, as staff fill it in. The document is checked with its check digit. */
export const customerInputSchema = z
  .object({
    legalName: z.string().trim().min(3, { error: 'Indique el nombre o razón social (mínimo 3 caracteres).' }).max(200, { error: 'Máximo 200 caracteres.' }),
    documentType: z.enum(DOCUMENT_TYPES, { error: 'Seleccione el tipo de documento.' }),
    documentNumber: z.string().trim().min(1, { error: 'Indique el número de documento.' }),
    taxCondition: z.enum(TAX_CONDITIONS, { error: 'Seleccione la condición fiscal.' }),
    segment: z.enum(SEGMENTS, { error: 'Seleccione el segmento.' }),
    isLargeAccount: checkbox(),
    keyAccountManager: optionalText(120),
    email: optionalEmail(),
    phone: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.string().regex(/^[0-9+()\- ]{7,20}$/, { error: 'Teléfono no válido (ej.: 809-555-0123).' }).nullable()),
    address: optionalText(300),
    localityId: z
      .string()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(uuid('Localidad no válida.').nullable()),
    branchId: uuid('Seleccione la sucursal.'),
    notes: optionalText(2000),
  })
  // The document is checked even when other fields fail, so every error shows at once.
  .refine((v) => validateDocument(v.documentType, v.documentNumber).ok, {
    path: ['documentNumber'],
    error: (iss) => {
      const v = iss.input as { documentType: DocumentType; documentNumber: string };
      const res = validateDocument(v.documentType, v.documentNumber);
      return res.ok ? undefined : res.error;
    },
    when: (payload) => !payload.issues.some((i) => i.path?.[0] === 'documentType' || i.path?.[0] === 'documentNumber'),
  })
  .transform((v) => {
    const doc = validateDocument(v.documentType, v.documentNumber);
    return { ...v, documentNumber: doc.ok ? doc.normalized : v.documentNumber };
  });

export type CustomerInput = z.output<typeof customerInputSchema>;

export const CUSTOMER_SORTS = ['legalName', 'code', 'documentNumber', 'segment', 'createdAt'] as const;

export const customerListSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  segment: z.enum(SEGMENTS).optional().catch(undefined),
  branchId: z.uuid().optional().catch(undefined),
  sort: z.enum(CUSTOMER_SORTS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type CustomerListParams = z.output<typeof customerListSchema>;
