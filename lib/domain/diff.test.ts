import { describe, expect, it } from 'vitest';
import { diffRecords } from './diff';

describe('diffRecords', () => {
  it('lists only changed fields', () => {
    expect(diffRecords({ name: 'A', phone: '1' }, { name: 'B', phone: '1' })).toEqual([{ field: 'name', before: 'A', after: 'B' }]);
  });

  it('treats a creation as every field going from null', () => {
    expect(diffRecords(null, { name: 'A' })).toEqual([{ field: 'name', before: null, after: 'A' }]);
  });

  it('ignores timestamps', () => {
    expect(diffRecords({ updatedAt: '2026-01-01' }, { updatedAt: '2026-02-01' })).toEqual([]);
  });
});
