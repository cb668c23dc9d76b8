import { describe, expect, it } from 'vitest';
import { agreementListSchema } from './agreement';
import { delinquencyFilterSchema, delinquencyFilterValue, delinquencyListFilter } from './delinquency-filter';

const L1 = '0b5a7c1e-4d2f-4a8b-9c3d-1e2f3a4b5c6d';
const L2 = '7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918';

describe('delinquencyFilterSchema', () => {
  it('keeps a status, NO_LEVEL or an id, and drops anything else', () => {
    expect(delinquencyFilterSchema.parse('IN_GRACE')).toBe('IN_GRACE');
    expect(delinquencyFilterSchema.parse('NO_LEVEL')).toBe('NO_LEVEL');
    expect(delinquencyFilterSchema.parse(L1)).toBe(L1);
    expect(delinquencyFilterSchema.parse('MOROSO')).toBeUndefined();
    expect(delinquencyFilterSchema.parse("x' or 1=1")).toBeUndefined();
  });

  it('is the list schema\'s `delinquency` param', () => {
    expect(agreementListSchema.parse({ delinquency: L2, q: 'agua' })).toMatchObject({ delinquency: L2, q: 'agua' });
    expect(agreementListSchema.parse({ delinquency: 'nope' }).delinquency).toBeUndefined();
  });
});

describe('delinquencyListFilter', () => {
  it('a status filters on the status only', () => {
    expect(delinquencyListFilter('CURRENT', [L1])).toEqual({ delinquencyStatus: 'CURRENT' });
    expect(delinquencyListFilter('DELINQUENT', [L1])).toEqual({ delinquencyStatus: 'DELINQUENT' });
  });

  it('a known level is DELINQUENT at that level; NO_LEVEL is DELINQUENT without one', () => {
    expect(delinquencyListFilter(L1, [L1, L2])).toEqual({ delinquencyStatus: 'DELINQUENT', delinquencyLevelId: L1 });
    expect(delinquencyListFilter('NO_LEVEL', [])).toEqual({ delinquencyStatus: 'DELINQUENT', delinquencyLevelId: null });
  });

  it('an unknown level and no value filter nothing', () => {
    expect(delinquencyListFilter(L2, [L1])).toEqual({});
    expect(delinquencyListFilter(undefined, [L1])).toEqual({});
  });

  it('delinquencyFilterValue gives back the select value', () => {
    for (const v of ['CURRENT', 'IN_GRACE', 'DELINQUENT', 'NO_LEVEL', L1] as const) expect(delinquencyFilterValue(delinquencyListFilter(v, [L1]))).toBe(v);
    expect(delinquencyFilterValue(delinquencyListFilter(L2, [L1]))).toBe('');
  });
});
