import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inSliceRange, planSlices, uuidRangeBounds } from './slices';

describe('uuidRangeBounds', () => {
  it('cuts the UUID space into equal, ordered ranges, open at both ends', () => {
    expect(uuidRangeBounds(1)).toEqual([null, null]);
    expect(uuidRangeBounds(2)).toEqual([null, '80000000-0000-0000-0000-000000000000', null]);
    const four = uuidRangeBounds(4);
    expect(four).toEqual([null, '40000000-0000-0000-0000-000000000000', '80000000-0000-0000-0000-000000000000', 'c0000000-0000-0000-0000-000000000000', null]);
    const three = uuidRangeBounds(3).slice(1, -1) as string[];
    expect([...three].sort()).toEqual(three);
  });

  it('refuses a number of parts out of range', () => {
    expect(() => uuidRangeBounds(0)).toThrow(RangeError);
    expect(() => uuidRangeBounds(65)).toThrow(RangeError);
    expect(() => uuidRangeBounds(1.5)).toThrow(RangeError);
  });
});

describe('planSlices', () => {
  const branches = ['b2', 'b1', 'b3'];

  it('one slice per branch and range, alternating branches, numbered from 1', () => {
    const slices = planSlices({}, branches, 2);
    expect(slices.map((s) => [s.sliceNo, s.branchId, s.idFrom?.slice(0, 2) ?? null, s.idTo?.slice(0, 2) ?? null])).toEqual([
      [1, 'b1', null, '80'],
      [2, 'b2', null, '80'],
      [3, 'b3', null, '80'],
      [4, 'b1', '80', null],
      [5, 'b2', '80', null],
      [6, 'b3', '80', null],
    ]);
  });

  it('a branch scope cuts only that branch; chosen agreements are one slice', () => {
    expect(planSlices({ branchId: 'b9' }, branches, 3).map((s) => s.branchId)).toEqual(['b9', 'b9', 'b9']);
    expect(planSlices({ agreementIds: ['x'] }, branches, 4)).toEqual([{ sliceNo: 1, branchId: null, idFrom: null, idTo: null }]);
    expect(planSlices({}, [], 2)).toEqual([{ sliceNo: 1, branchId: null, idFrom: null, idTo: null }]);
  });

  it('every id falls in exactly one range of a branch, and the ranges share random ids about evenly', () => {
    const slices = planSlices({ branchId: 'b' }, [], 4);
    const counts = slices.map(() => 0);
    for (let i = 0; i < 4000; i++) {
      const id = randomUUID();
      const hits = slices.filter((s) => inSliceRange(id, s));
      expect(hits).toHaveLength(1);
      counts[hits[0].sliceNo - 1]++;
    }
    for (const c of counts) expect(c).toBeGreaterThan(800);
    // Bounds themselves belong to the range they open; upper-case ids compare like PostgreSQL's uuid order.
    expect(inSliceRange('40000000-0000-0000-0000-000000000000', slices[1])).toBe(true);
    expect(inSliceRange('3FFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', slices[0])).toBe(true);
  });
});
