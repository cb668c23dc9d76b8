import { z } from 'zod';
import { ANOMALY_CODES, isPeriod } from '@/lib/domain/billing/readings';

const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/**
 * One reading typed on the entry screen. Whether the period or date lies in the future, and the
 * value against the meter's register, are checked by the data layer (they need today and the meter).
 */
export const readingEntrySchema = z
  .object({
    accountId: z.uuid({ error: 'Cuenta no válida.' }),
    period: z.string({ error: 'Indique el período.' }).refine(isPeriod, { error: 'Período no válido: use el formato AAAA-MM.' }),
    readingDate: z.string({ error: 'Indique la fecha de lectura.' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Indique una fecha de lectura válida.' }),
    value: z.preprocess(
      blankToNull,
      z.coerce
        .number({ error: 'La lectura debe ser un número entero.' })
        .int({ error: 'La lectura debe ser un número entero.' })
        .min(0, { error: 'La lectura no puede ser negativa.' })
        .max(999_999_999, { error: 'Lectura demasiado grande.' })
        .nullable(),
    ),
    anomalyCode: z.preprocess(blankToNull, z.enum(ANOMALY_CODES, { error: 'Anomalía no válida.' }).nullable()).default(null),
    readerName: z.preprocess(blankToNull, z.string().trim().max(120, { error: 'Máximo 120 caracteres.' }).nullable()).default(null),
  })
  .refine((r) => r.value !== null || r.anomalyCode !== null, { error: 'Indique la lectura o una anomalía.', path: ['value'] });

export type ReadingEntryInput = z.output<typeof readingEntrySchema>;

/** The entry screen's URL: branch, period, route, search and page; bad values fall back to defaults. */
export const readingEntryParamsSchema = z.object({
  sucursal: z.uuid().optional().catch(undefined),
  periodo: z.string().refine(isPeriod).optional().catch(undefined),
  ruta: z.string().trim().max(40).optional().catch(undefined).transform((v) => v || undefined),
  q: z.string().trim().max(100).optional().catch(undefined).transform((v) => v || undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

export type ReadingEntryParams = z.output<typeof readingEntryParamsSchema>;

// Server actions accept about 1 MB by default; 5 000 rows fit well below it.
export const READINGS_CSV_MAX_CHARS = 900_000;

export const readingsImportSchema = z.object({
  csv: z
    .string({ error: 'Pegue o cargue el archivo CSV.' })
    .min(1, { error: 'Pegue o cargue el archivo CSV.' })
    .max(READINGS_CSV_MAX_CHARS, { error: 'El archivo es demasiado grande (máximo 900 KB); divídalo en partes.' }),
});
