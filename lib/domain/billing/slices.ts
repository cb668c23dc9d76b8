/**
 * How a billing run is cut into slices, the units of work that one worker executes and that
 * several workers can execute at once. Pure: the engine stores what this returns.
 *
 * - A run over chosen agreements (at most a few thousand) is one slice.
 * - Otherwise one slice per branch in scope and per range of agreement ids: a branch bills through
 *   its own point of sale, so workers on different branches never wait on the same numbering
 *   counter; ranges split a branch further so that two workers can share a large one. Agreement ids
 *   are random UUIDs, so equal ranges of the id space hold about equal numbers of agreements.
 * - Slices alternate branches (range 1 of every branch, then range 2…): workers taking slices in
 *   order mostly work on different branches at the same time.
 */
export type SliceSpec = { sliceNo: number; branchId: string | null; idFrom: string | null; idTo: string | null };

export const MAX_PARTS_PER_BRANCH = 64;

/** The `parts + 1` bounds of `parts` equal ranges of the UUID space; the first and last are null (unbounded). */
export function uuidRangeBounds(parts: number): (string | null)[] {
  if (!Number.isInteger(parts) || parts < 1 || parts > MAX_PARTS_PER_BRANCH) throw new RangeError(`parts must be an integer in 1..${MAX_PARTS_PER_BRANCH}`);
  const bounds: (string | null)[] = [null];
  for (let i = 1; i < parts; i++) {
    const prefix = Math.floor((i * 0x10000) / parts)
      .toString(16)
      .padStart(4, '0');
    bounds.push(`${prefix}0000-0000-0000-0000-000000000000`);
  }
  bounds.push(null);
  return bounds;
}

export function planSlices(scope: { branchId?: string; agreementIds?: string[] }, branchIds: readonly string[], partsPerBranch: number): SliceSpec[] {
  if (scope.agreementIds) return [{ sliceNo: 1, branchId: scope.branchId ?? null, idFrom: null, idTo: null }];
  const branches = scope.branchId ? [scope.branchId] : [...new Set(branchIds)].sort();
  if (branches.length === 0) return [{ sliceNo: 1, branchId: null, idFrom: null, idTo: null }];
  const bounds = uuidRangeBounds(partsPerBranch);
  const slices: SliceSpec[] = [];
  for (let p = 0; p < partsPerBranch; p++) {
    for (const branchId of branches) slices.push({ sliceNo: slices.length + 1, branchId, idFrom: bounds[p], idTo: bounds[p + 1] });
  }
  return slices;
}

/** Whether an agreement id falls in a slice's range [idFrom, idTo) (UUIDs compare as lowercase text). */
export function inSliceRange(id: string, slice: Pick<SliceSpec, 'idFrom' | 'idTo'>): boolean {
  const v = id.toLowerCase();
  return (slice.idFrom === null || v >= slice.idFrom) && (slice.idTo === null || v < slice.idTo);
}
