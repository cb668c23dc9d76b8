/**
 * Demo billing catalogs: concept groups, concepts and the tariffs of the demo tariff categories.
 * Pure data, no I/O (db/seed-crm.ts loads it). Amounts are decimal strings in DOP; the revision of
 * 2026-07-01 is computed from the 2025 tariff with decimal arithmetic, never floats.
 *
 * Water and sewerage are exempt from ITBIS; meter rental and the reconnection fee carry 18 %.
 */
import { randomUUID } from 'node:crypto';
import type { conceptGroups, concepts, tariffBlocks, tariffs } from '@/db/schema';
import { money, roundHalfUp } from '@/lib/domain/money';

export type ConceptGroupSeedRow = typeof conceptGroups.$inferInsert & { id: string };
export type ConceptSeedRow = typeof concepts.$inferInsert;
export type TariffSeedRow = typeof tariffs.$inferInsert & { id: string };
export type TariffBlockSeedRow = typeof tariffBlocks.$inferInsert;

export const DEMO_CONCEPT_GROUPS = [
  { code: 'AP', name: 'Agua potable', position: 1 },
  { code: 'ALC', name: 'Alcantarillado', position: 2 },
  { code: 'VAR', name: 'Cargos varios', position: 3 },
] as const;

type GroupCode = (typeof DEMO_CONCEPT_GROUPS)[number]['code'];

export const DEMO_CONCEPTS: (Omit<ConceptSeedRow, 'groupId' | 'baseGroupId'> & { group: GroupCode; baseGroup?: GroupCode })[] = [
  { code: 'AGUA-FIJO', name: 'Cargo fijo de agua potable', group: 'AP', kind: 'FIXED_CHARGE', appliesTo: 'ALL', automatic: true, amount: null, taxRate: '0.00', accountingCode: '4.1.01.001', position: 1 },
  { code: 'AGUA-CONS', name: 'Consumo de agua potable', group: 'AP', kind: 'CONSUMPTION', appliesTo: 'METERED', automatic: true, amount: null, taxRate: '0.00', accountingCode: '4.1.01.002', position: 2 },
  {
    code: 'ALCANT',
    name: 'Alcantarillado sanitario',
    group: 'ALC',
    kind: 'PERCENTAGE',
    appliesTo: 'ALL',
    automatic: true,
    percentage: '30.0000',
    baseGroup: 'AP',
    taxRate: '0.00',
    accountingCode: '4.1.02.001',
    position: 1,
  },
  { code: 'MED-ALQ', name: 'Alquiler de medidor', group: 'VAR', kind: 'FIXED_CHARGE', appliesTo: 'METERED', automatic: true, amount: '45.00', taxRate: '18.00', accountingCode: '4.1.03.001', position: 1 },
  { code: 'RECONEX', name: 'Reconexión del servicio', group: 'VAR', kind: 'ONE_OFF', appliesTo: 'ALL', automatic: false, amount: '850.00', taxRate: '18.00', accountingCode: '4.1.03.002', position: 2 },
  { code: 'MORA', name: 'Recargo por mora', group: 'VAR', kind: 'LATE_FEE', appliesTo: 'ALL', automatic: false, amount: '150.00', taxRate: '0.00', accountingCode: '4.1.03.003', position: 3 },
];

type TariffSpec = { fixedCharge: string; flatRate: string; blocks: [number, number | null, string][] };

/** The tariffs in force from 2025-01-01, per category: fixed charge, flat rate, blocks (from, to, price per m³). */
export const DEMO_TARIFFS_2025: Record<string, TariffSpec> = {
  'RES-SOC': { fixedCharge: '75.00', flatRate: '450.00', blocks: [[0, 20, '6.50'], [20, 40, '14.00'], [40, null, '26.00']] },
  RES: { fixedCharge: '150.00', flatRate: '850.00', blocks: [[0, 20, '12.00'], [20, 40, '25.00'], [40, null, '38.00']] },
  COM: { fixedCharge: '450.00', flatRate: '1800.00', blocks: [[0, 50, '32.00'], [50, 200, '45.00'], [200, null, '58.00']] },
  IND: { fixedCharge: '1200.00', flatRate: '3500.00', blocks: [[0, 100, '42.00'], [100, 1000, '55.00'], [1000, null, '68.00']] },
  GOB: { fixedCharge: '300.00', flatRate: '1500.00', blocks: [[0, 50, '20.00'], [50, null, '30.00']] },
};

/** The revision effective 2026-07-01: 5 % for the social category, 8 % for industry, 6 % for the rest. */
export const DEMO_TARIFF_REVISION = { effectiveFrom: '2026-07-01', increase: { 'RES-SOC': '5', IND: '8' } as Record<string, string>, defaultIncrease: '6' };

export const DEMO_TARIFF_DATES = ['2025-01-01', DEMO_TARIFF_REVISION.effectiveFrom] as const;

// Raises an amount by pct percent: fixed charges and flat rates to whole pesos, prices to cents; e.g. ('150.00', 6, 0) → '159.00', ('12.00', 6, 2) → '12.72'.
function raise(amount: string, pct: string, places: number) {
  return roundHalfUp(money(amount).times(money(pct).plus(100)).dividedBy(100), places).toFixed(places === 0 ? 2 : 4);
}

function revised(category: string, t: TariffSpec): TariffSpec {
  const pct = DEMO_TARIFF_REVISION.increase[category] ?? DEMO_TARIFF_REVISION.defaultIncrease;
  return {
    fixedCharge: raise(t.fixedCharge, pct, 0),
    flatRate: raise(t.flatRate, pct, 0),
    blocks: t.blocks.map(([from, to, price]) => [from, to, raise(price, pct, 2)]),
  };
}

/**
 * The rows to insert, with their ids: groups, concepts (pointing at the groups), and for every
 * category present two tariffs with their blocks. `categoryIds` maps category codes to ids.
 */
export function billingCatalogRows(refs: { categoryIds: Record<string, string>; adminId: string | null }) {
  const groups: ConceptGroupSeedRow[] = DEMO_CONCEPT_GROUPS.map((g) => ({ id: randomUUID(), ...g }));
  const groupId = (code: GroupCode) => groups.find((g) => g.code === code)!.id;
  const conceptRows: ConceptSeedRow[] = DEMO_CONCEPTS.map(({ group, baseGroup, ...c }) => ({ ...c, groupId: groupId(group), baseGroupId: baseGroup ? groupId(baseGroup) : null }));
  const tariffRows: TariffSeedRow[] = [];
  const blockRows: TariffBlockSeedRow[] = [];
  for (const [category, base] of Object.entries(DEMO_TARIFFS_2025)) {
    const categoryId = refs.categoryIds[category];
    if (!categoryId) continue;
    const versions: [string, TariffSpec, string][] = [
      ['2025-01-01', base, 'Tarifa vigente desde el 1 de enero de 2025.'],
      [DEMO_TARIFF_REVISION.effectiveFrom, revised(category, base), 'Revisión tarifaria de julio de 2026.'],
    ];
    for (const [effectiveFrom, spec, notes] of versions) {
      const id = randomUUID();
      const at = new Date(`${effectiveFrom}T08:00:00-04:00`);
      at.setDate(at.getDate() - 20);
      tariffRows.push({ id, tariffCategoryId: categoryId, effectiveFrom, currency: 'DOP', fixedCharge: spec.fixedCharge, flatRate: spec.flatRate, notes, createdBy: refs.adminId, createdAt: at, updatedAt: at });
      for (const [fromM3, toM3, price] of spec.blocks) blockRows.push({ tariffId: id, fromM3, toM3, price: money(price).toFixed(4) });
    }
  }
  return { groups, concepts: conceptRows, tariffs: tariffRows, blocks: blockRows };
}
