import { describe, expect, it } from 'vitest';
import { containsPattern } from './filters';

describe('containsPattern', () => {
  it('wraps the text in % for a contains search', () => {
    expect(containsPattern('Pérez')).toBe('%Pérez%');
  });

  it('takes the user\'s wildcards literally', () => {
    // '50%_off\' → every %, _ and \ escaped with a backslash
    expect(containsPattern('50%_off\\')).toBe('%50\\%\\_off\\\\%');
  });
});
