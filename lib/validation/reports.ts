import { z } from 'zod';
import { SEGMENTS } from '@/db/schema/enums';
import { validDate, validPeriod } from '@/lib/domain/billing/period';

/** Keyset cursor of the overdue list: due date and id, e.g. '2026-01-31.5b0c…'. */
export const OVERDUE_CURSOR_RE = /^(\d{4}-\d{2}-\d{2})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

// parseOverdueCursor('2026-01-31.<uuid>') → { dueDate: '2026-01-31', id }; junk or an impossible date → undefined.
export function parseOverdueCursor(s: string | undefined): { dueDate: string; id: string } | undefined {
  const m = s ? OVERDUE_CURSOR_RE.exec(s) : null;
  if (!m || !validDate(m[1])) return undefined;
  return { dueDate: m[1], id: m[2].toLowerCase() };
}

export function formatOverdueCursor(c: { dueDate: string; id: string }): string {
  return `${c.dueDate}.${c.id}`;
}

const optionalText = (max: number) => z.string().trim().max(max).optional().catch(undefined).transform((v) => v || undefined);
const optionalDate = z.string().refine(validDate).optional().catch(undefined);
const optionalPeriod = z.string().refine(validPeriod).optional().catch(undefined);

/**
 * The filters of every /reportes page and its CSV export (Spanish parameter names). Bad values are
 * dropped like any bad search parameter; each report uses the ones it needs and the data layer
 * fills the defaults (today, the last 30 days, the last 12 periods).
 */
export const reportFilterSchema = z.object({
  branchId: z.uuid().optional().catch(undefined),
  segmento: z.enum(SEGMENTS).optional().catch(undefined),
  cliente: optionalText(100),
  moneda: z.string().regex(/^[A-Z]{3}$/).optional().catch(undefined),
  /** As-of date (aging, overdue). */
  fecha: optionalDate,
  /** Date range (payments). */
  desde: optionalDate,
  hasta: optionalDate,
  /** Period range (billed vs collected). */
  periodoDesde: optionalPeriod,
  periodoHasta: optionalPeriod,
  despues: z.string().regex(OVERDUE_CURSOR_RE).optional().catch(undefined),
});

export type ReportParams = z.output<typeof reportFilterSchema>;
