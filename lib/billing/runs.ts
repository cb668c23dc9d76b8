/**
 * Creating a billing run, shared by the data layer (lib/dal/billing-runs.ts, which authorizes
 * first) and the CLI (scripts/cauce.ts, which acts as the system): input validation (zod, Spanish
 * messages), the one-RUN-at-a-time rule per period and overlapping scope, the run row and its one
 * audit row, in one transaction. No 'server-only', no next/*.
 */
import { z } from 'zod';
import type { Db } from '@/db/client';
import { recordAudit, type AuditActor } from '@/db/queries/audit';
import * as q from '@/db/queries/billing-runs';
import { UserError } from '@/lib/auth/errors';
import { periodBounds, validDate, validPeriod } from '@/lib/domain/billing/period';

/** A RUNNING run whose heartbeat is older than this is considered stopped (it may be resumed). */
export const STALE_AFTER_MS = 2 * 60 * 1000;
export const MAX_SCOPE_AGREEMENTS = 5000;

export const billingRunInputSchema = z
  .object({
    mode: z.enum(['PREVIEW', 'RUN'], { error: 'Indique si es una vista previa o una facturación.' }),
    period: z.string({ error: 'Indique el período (AAAA-MM).' }).trim().refine(validPeriod, { error: 'Período no válido: use el formato AAAA-MM.' }),
    issueDate: z.string({ error: 'Indique la fecha de emisión (AAAA-MM-DD).' }).trim().refine(validDate, { error: 'Fecha de emisión no válida: use el formato AAAA-MM-DD.' }),
    branchId: z.uuid({ error: 'Sucursal no válida.' }).optional(),
    agreementIds: z
      .array(z.uuid({ error: 'Acuerdo no válido.' }))
      .min(1, { error: 'Seleccione al menos un acuerdo.' })
      .max(MAX_SCOPE_AGREEMENTS, { error: `Seleccione como máximo ${MAX_SCOPE_AGREEMENTS} acuerdos.` })
      .optional(),
  })
  .superRefine((v, ctx) => {
    if (validPeriod(v.period) && validDate(v.issueDate) && v.issueDate < periodBounds(v.period).first) {
      ctx.addIssue({ code: 'custom', path: ['issueDate'], message: 'La fecha de emisión no puede ser anterior al primer día del período.' });
    }
  });

export type BillingRunInput = z.input<typeof billingRunInputSchema>;

/** Parses the input or throws a UserError with Spanish field errors. */
export function parseRunInput(input: BillingRunInput) {
  const parsed = billingRunInputSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    const first = Object.values(fieldErrors).flat()[0] ?? parsed.error.issues[0]?.message ?? 'Datos no válidos.';
    throw new UserError(first, fieldErrors);
  }
  const v = parsed.data;
  const scope: q.BillingRunScope = {};
  if (v.branchId) scope.branchId = v.branchId;
  if (v.agreementIds) scope.agreementIds = [...new Set(v.agreementIds)].sort();
  return { mode: v.mode, period: v.period, issueDate: v.issueDate, scope };
}

// Two scopes may bill the same agreement unless their branches differ or their agreement lists do not meet.
export function scopesOverlap(a: q.BillingRunScope, b: q.BillingRunScope): boolean {
  if (a.branchId && b.branchId && a.branchId !== b.branchId) return false;
  if (a.agreementIds && b.agreementIds) {
    const set = new Set(a.agreementIds);
    return b.agreementIds.some((id) => set.has(id));
  }
  return true;
}

/**
 * Validates and creates a run (status QUEUED) with its audit row; `createdBy` null = the system.
 * A RUN is refused while another live RUN of the period has an overlapping scope (the database
 * would still never bill twice; this spares the operator a run that would only skip).
 */
export async function createRun(db: Db, actor: AuditActor, input: BillingRunInput): Promise<q.BillingRunRow> {
  const v = parseRunInput(input);
  return db.transaction(async (tx) => {
    if (v.mode === 'RUN') {
      const live = await q.liveRunsOfPeriod(tx, v.period, new Date(Date.now() - STALE_AFTER_MS));
      const clash = live.find((r) => scopesOverlap(r.scope, v.scope));
      if (clash) {
        throw new UserError(`Ya hay una facturación en curso del período ${v.period} (corrida N.º ${clash.number}) que abarca los mismos acuerdos. Espere a que termine.`);
      }
    }
    const run = await q.insertRun(tx, { mode: v.mode, period: v.period, issueDate: v.issueDate, scope: v.scope, status: 'QUEUED', createdBy: actor?.id ?? null });
    await recordAudit(tx, actor, {
      entity: 'billing_run',
      entityId: run.id,
      action: 'CREATE',
      after: { number: run.number, mode: run.mode, period: run.period, issueDate: run.issueDate, scope: run.scope },
    });
    return run;
  });
}
