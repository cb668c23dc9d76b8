import { z } from 'zod';
import { DELINQUENCY_ACTIONS, type DelinquencyAction } from '@/lib/domain/collections/delinquency';
import { money } from '@/lib/domain/money';
import { checkbox } from './fields';

export const DELINQUENCY_ACTION_LABELS: Record<DelinquencyAction | 'RECONNECTION_ORDER', string> = {
  LATE_FEE: 'Recargo por mora',
  NOTICE_EMAIL: 'Aviso por correo',
  DISCONNECTION_ORDER: 'Orden de corte',
  PORTAL_BANNER: 'Aviso en el portal',
  RECONNECTION_ORDER: 'Orden de reconexión',
};

export const DELINQUENCY_STATUS_LABELS = { CURRENT: 'Al día', IN_GRACE: 'En gracia', DELINQUENT: 'Moroso' } as const;

const DEBT_ERROR = 'Indique un importe de 0 o más, con hasta 2 decimales (ej.: 1,000.00).';

/**
 * A policy level as the admin types it. The late-fee concept is required with LATE_FEE and the
 * banner text with PORTAL_BANNER; both are dropped when their action is not ticked.
 */
export const delinquencyLevelInputSchema = z
  .object({
    name: z.string({ error: 'Indique el nombre.' }).trim().min(2, { error: 'Indique el nombre (mínimo 2 caracteres).' }).max(80, { error: 'Máximo 80 caracteres.' }),
    daysPastGrace: z
      .string({ error: 'Indique los días.' })
      .trim()
      .regex(/^\d{1,4}$/, { error: 'Indique un número entero de días de 1 a 3650.' })
      .transform(Number)
      .refine((n) => n >= 1 && n <= 3650, { error: 'Indique un número entero de días de 1 a 3650.' }),
    minDebt: z
      .string({ error: DEBT_ERROR })
      .trim()
      .transform((v) => v.replace(/,/g, ''))
      .refine((v) => /^\d{1,12}(\.\d{1,2})?$/.test(v), { error: DEBT_ERROR })
      .transform((v) => money(v).toFixed(2)),
    actions: z
      .union([z.enum(DELINQUENCY_ACTIONS as [DelinquencyAction, ...DelinquencyAction[]]), z.array(z.enum(DELINQUENCY_ACTIONS as [DelinquencyAction, ...DelinquencyAction[]]))], { error: 'Acción no válida.' })
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? [...new Set(v)] : [v]))
      .transform((v) => DELINQUENCY_ACTIONS.filter((a) => v.includes(a))),
    lateFeeConceptId: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.uuid({ error: 'Seleccione un concepto de recargo por mora.' }).nullable()),
    bannerText: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.string().max(500, { error: 'Máximo 500 caracteres.' }).nullable()),
    active: checkbox(),
  })
  .superRefine((l, ctx) => {
    if (l.actions.includes('LATE_FEE') && !l.lateFeeConceptId) ctx.addIssue({ code: 'custom', path: ['lateFeeConceptId'], message: 'Seleccione el concepto del recargo: la acción «Recargo por mora» lo necesita.' });
    if (l.actions.includes('PORTAL_BANNER') && !l.bannerText) ctx.addIssue({ code: 'custom', path: ['bannerText'], message: 'Escriba el texto del aviso que verá el cliente en el portal.' });
  })
  .transform((l) => ({
    ...l,
    lateFeeConceptId: l.actions.includes('LATE_FEE') ? l.lateFeeConceptId : null,
    bannerText: l.actions.includes('PORTAL_BANNER') ? l.bannerText : null,
  }));
export type DelinquencyLevelInput = z.output<typeof delinquencyLevelInputSchema>;

export const EMAIL_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export const EMAIL_STATUS_LABELS: Record<(typeof EMAIL_STATUSES)[number], string> = { PENDING: 'Pendiente', SENT: 'Enviado', FAILED: 'Con error' };

export const emailOutboxListSchema = z.object({
  status: z.enum(EMAIL_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});
export type EmailOutboxListParams = z.output<typeof emailOutboxListSchema>;
