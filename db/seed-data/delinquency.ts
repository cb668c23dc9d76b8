/**
 * Demo delinquency policy (issue 6): three levels. Idempotent: levels are keyed by name, and an
 * existing policy (any level) is left as the administrator set it.
 */
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { concepts, delinquencyLevels } from '../schema';

export const DEMO_DELINQUENCY_LEVELS = [
  { name: 'Aviso', daysPastGrace: 1, minDebt: '500.00', actions: ['NOTICE_EMAIL'] as const, lateFee: false, bannerText: null },
  { name: 'Recargo', daysPastGrace: 15, minDebt: '1000.00', actions: ['LATE_FEE', 'NOTICE_EMAIL'] as const, lateFee: true, bannerText: null },
  {
    name: 'Corte',
    daysPastGrace: 45,
    minDebt: '2000.00',
    actions: ['NOTICE_EMAIL', 'DISCONNECTION_ORDER', 'PORTAL_BANNER'] as const,
    lateFee: false,
    bannerText: 'Su servicio está en proceso de corte por falta de pago. Regularice su deuda para evitar la suspensión.',
  },
];

/** Inserts the demo levels when the policy is empty; the late fee uses the concept MORA. Returns the names inserted. */
export async function seedDelinquencyLevels(db: DbOrTx): Promise<string[]> {
  const existing = await db.select({ id: delinquencyLevels.id }).from(delinquencyLevels).limit(1);
  if (existing.length) return [];
  const [mora] = await db.select({ id: concepts.id }).from(concepts).where(eq(concepts.code, 'MORA')).limit(1);
  const rows = DEMO_DELINQUENCY_LEVELS.filter((l) => !l.lateFee || mora).map((l) => ({
    name: l.name,
    daysPastGrace: l.daysPastGrace,
    minDebt: l.minDebt,
    actions: [...l.actions],
    lateFeeConceptId: l.lateFee ? mora!.id : null,
    bannerText: l.bannerText,
  }));
  const inserted = await db.insert(delinquencyLevels).values(rows).onConflictDoNothing().returning({ name: delinquencyLevels.name });
  return inserted.map((r) => r.name);
}
