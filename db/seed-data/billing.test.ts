import { describe, expect, it } from 'vitest';
import { validateBlocks } from '@/lib/domain/billing/tariff';
import { billingCatalogRows } from './billing';

const categoryIds = { 'RES-SOC': 'c1', RES: 'c2', COM: 'c3', IND: 'c4', GOB: 'c5' };

describe('billingCatalogRows', () => {
  it('links concepts to their groups and ALCANT to the water group', () => {
    const rows = billingCatalogRows({ categoryIds, adminId: null });
    const group = (code: string) => rows.groups.find((g) => g.code === code)!.id;
    const alcant = rows.concepts.find((c) => c.code === 'ALCANT')!;
    expect([alcant.groupId, alcant.baseGroupId]).toEqual([group('ALC'), group('AP')]);
    expect(rows.concepts.filter((c) => c.groupId === group('VAR')).map((c) => c.code)).toEqual(['MED-ALQ', 'RECONEX', 'MORA']);
  });

  it('gives each category a 2025 tariff and a July 2026 revision with valid blocks', () => {
    const rows = billingCatalogRows({ categoryIds, adminId: 'u1' });
    expect(rows.tariffs).toHaveLength(10);
    const res = rows.tariffs.filter((t) => t.tariffCategoryId === 'c2');
    expect(res.map((t) => [t.effectiveFrom, t.fixedCharge, t.flatRate])).toEqual([
      ['2025-01-01', '150.00', '850.00'],
      // +6 %: 150 → 159, 850 → 901.
      ['2026-07-01', '159.00', '901.00'],
    ]);
    const revision = rows.blocks.filter((b) => b.tariffId === res[1].id);
    // 12.00, 25.00, 38.00 × 1.06 = 12.72, 26.50, 40.28.
    expect(revision.map((b) => b.price)).toEqual(['12.7200', '26.5000', '40.2800']);
    for (const t of rows.tariffs) expect(validateBlocks(rows.blocks.filter((b) => b.tariffId === t.id).map((b) => ({ fromM3: b.fromM3, toM3: b.toM3 ?? null, price: b.price })))).toEqual({ ok: true });
  });

  it('skips categories the database does not have', () => {
    expect(billingCatalogRows({ categoryIds: { RES: 'c2' }, adminId: null }).tariffs).toHaveLength(2);
  });
});
