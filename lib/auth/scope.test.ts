import { describe, expect, it } from 'vitest';
import { ForbiddenError } from './errors';
import { assertBranchInScope, branchScope, inBranchScope } from './scope';

describe('branchScope', () => {
  it('gives administrators, auditors and inspectors every branch', () => {
    for (const role of ['ADMIN', 'AUDITOR', 'INSPECTOR'] as const) expect(branchScope({ role, branchIds: [] })).toEqual({ all: true });
  });

  it('limits branch staff and cashiers to their own branches', () => {
    const scope = branchScope({ role: 'BRANCH_STAFF', branchIds: ['b1'] });
    expect(inBranchScope(scope, 'b1')).toBe(true);
    expect(inBranchScope(scope, 'b2')).toBe(false);
    expect(() => assertBranchInScope(branchScope({ role: 'CASHIER', branchIds: ['b1'] }), 'b2')).toThrow(ForbiddenError);
  });

  it('gives a corporate client no branch at all', () => {
    expect(branchScope({ role: 'CLIENT', branchIds: ['b1'] })).toEqual({ all: false, branchIds: [] });
  });
});
