/**
 * Demo print formats: "Estándar" (the company default of classes A, B and E) and "Corporativo"
 * (another colour and footer) assigned to the first active DOP agreement of the portal customer
 * GC-000001 for its class A invoices, automatic and manual. Idempotent: a database that already has
 * a format is left alone. A few rows, so the tests' seed stays fast.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../client';
import { recordAudit } from '../queries/audit';
import { agreements, customers, printFormatAssignments, printFormatDefaults, printFormats } from '../schema';

export const DEMO_PRINT_FORMATS = [
  {
    code: 'ESTANDAR',
    name: 'Estándar',
    accentColor: '#0f4c81',
    legalFooter:
      'Este documento es una representación impresa de un comprobante fiscal electrónico. El pago después de la fecha de vencimiento genera recargos por mora y puede dar lugar a la suspensión del servicio según el reglamento vigente.',
  },
  {
    code: 'CORPORATIVO',
    name: 'Corporativo',
    accentColor: '#7a1f5c',
    chartPeriods: 6,
    legalFooter: 'Grandes clientes: consultas de facturación a grandesclientes@aguas.example o al 809-567-1241, ext. 300. Comprobante fiscal emitido según la Norma General 06-2018.',
  },
] as const;

/** Loads the demo formats, defaults and the corporate assignment once; returns what it added, or null. */
export async function seedPrintFormats(db: DbOrTx) {
  return db.transaction(async (tx) => {
    const [any] = await tx.select({ id: printFormats.id }).from(printFormats).limit(1);
    if (any) return null;
    const formats = await tx.insert(printFormats).values(DEMO_PRINT_FORMATS.map((f) => ({ ...f }))).returning();
    const [standard, corporate] = formats;
    const defaults = await tx.insert(printFormatDefaults).values((['A', 'B', 'E'] as const).map((invoiceClass) => ({ invoiceClass, formatId: standard.id }))).returning();
    const [agreement] = await tx
      .select({ id: agreements.id })
      .from(agreements)
      .innerJoin(customers, eq(customers.id, agreements.customerId))
      .where(and(eq(customers.code, 'GC-000001'), eq(agreements.status, 'ACTIVE'), eq(agreements.currency, 'DOP')))
      .orderBy(asc(agreements.code))
      .limit(1);
    const assignments = agreement
      ? await tx
          .insert(printFormatAssignments)
          .values([
            { code: 'FI-000001', invoiceClass: 'A' as const, type: 'AUTOMATIC' as const, agreementId: agreement.id, formatId: corporate.id },
            { code: 'FI-000002', invoiceClass: 'A' as const, type: 'MANUAL' as const, agreementId: agreement.id, formatId: corporate.id },
          ])
          .returning()
      : [];
    const summary = { printFormats: formats.map((f) => f.code), defaults: defaults.length, assignments: assignments.map((a) => a.code) };
    await recordAudit(tx, null, { entity: 'system', entityId: 'seed-print-formats', action: 'CREATE', after: summary });
    return summary;
  });
}
