import { describe, expect, it } from 'vitest';
import { BUILT_IN_PRINT_FORMAT, selectFormat, type CompanyDefaultFormat, type PrintFormat, type PrintFormatAssignment } from './print-format';

const fmt = (code: string): PrintFormat => ({ ...BUILT_IN_PRINT_FORMAT, code, name: code });
const AGR = 'agreement-1';
const OTHER = 'agreement-2';

const assignments: PrintFormatAssignment[] = [
  { agreementId: AGR, invoiceClass: 'A', type: 'AUTOMATIC', format: fmt('AGR-A-AUTO') },
  { agreementId: AGR, invoiceClass: 'A', type: 'MANUAL', format: fmt('AGR-A-MANUAL') },
  { agreementId: AGR, invoiceClass: 'B', type: 'AUTOMATIC', format: fmt('AGR-B-AUTO') },
  { agreementId: OTHER, invoiceClass: 'E', type: 'MANUAL', format: fmt('OTHER-E-MANUAL') },
];
const defaults: CompanyDefaultFormat[] = [
  { invoiceClass: 'A', format: fmt('DEF-A') },
  { invoiceClass: 'B', format: fmt('DEF-B') },
];
const pick = (agreementId: string, invoiceClass: 'A' | 'B' | 'E', origin: 'AUTOMATIC' | 'MANUAL') => selectFormat({ assignments, defaults }, { agreementId, invoiceClass, origin });

describe('selectFormat', () => {
  it('takes the assignment of the agreement, class and type (the type follows the origin)', () => {
    expect(pick(AGR, 'A', 'AUTOMATIC')).toEqual({ format: expect.objectContaining({ code: 'AGR-A-AUTO' }), source: 'ASSIGNMENT' });
    expect(pick(AGR, 'A', 'MANUAL').format.code).toBe('AGR-A-MANUAL');
    expect(pick(OTHER, 'E', 'MANUAL').format.code).toBe('OTHER-E-MANUAL');
  });

  it('falls back to the company default of the class when the type has no assignment', () => {
    // AGR has B AUTOMATIC only: a manual B invoice takes the default.
    expect(pick(AGR, 'B', 'MANUAL')).toEqual({ format: expect.objectContaining({ code: 'DEF-B' }), source: 'COMPANY_DEFAULT' });
  });

  it("never takes another agreement's or another class's assignment", () => {
    expect(pick(OTHER, 'A', 'AUTOMATIC').format.code).toBe('DEF-A');
    expect(pick(AGR, 'E', 'MANUAL').format.code).not.toBe('OTHER-E-MANUAL');
  });

  it('falls back to the built-in format when the class has no company default', () => {
    expect(pick(AGR, 'E', 'AUTOMATIC')).toEqual({ format: BUILT_IN_PRINT_FORMAT, source: 'BUILT_IN' });
    expect(selectFormat({ assignments: [], defaults: [] }, { agreementId: AGR, invoiceClass: 'A', origin: 'MANUAL' }, fmt('MINE'))).toEqual({ format: fmt('MINE'), source: 'BUILT_IN' });
  });
});
