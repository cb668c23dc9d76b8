import { describe, expect, it } from 'vitest';
import { consecutiveCodes } from './delinquency-run';

describe('consecutiveCodes', () => {
  it('counts on from the first code, keeping its width', () => {
    expect(consecutiveCodes('OT-000041', 3)).toEqual(['OT-000041', 'OT-000042', 'OT-000043']);
    expect(consecutiveCodes('OT-000999', 2)).toEqual(['OT-000999', 'OT-001000']);
  });

  it('grows past the width instead of wrapping', () => {
    expect(consecutiveCodes('OT-999999', 2)).toEqual(['OT-999999', 'OT-1000000']);
  });

  it('refuses a code without a number', () => {
    expect(() => consecutiveCodes('OT-', 1)).toThrow();
  });
});
