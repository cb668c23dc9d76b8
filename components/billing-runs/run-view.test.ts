import { describe, expect, it } from 'vitest';
import { elapsedSeconds, formatElapsed, formatRate, percentDone, readRunSummary, runScopeText } from './run-view';

describe('run display helpers', () => {
  it('describes the scope', () => {
    const names = new Map([['b1', 'Santiago']]);
    expect(runScopeText({}, names)).toBe('Todas las sucursales');
    expect(runScopeText({ branchId: 'b1' }, names)).toBe('Santiago');
    expect(runScopeText({ branchId: 'b1', agreementIds: ['a', 'b'] }, names)).toBe('2 acuerdos de Santiago');
    expect(runScopeText({ agreementIds: ['a'] }, names)).toBe('1 acuerdo');
  });

  it('measures elapsed time and rate', () => {
    const start = new Date('2026-11-01T10:00:00Z');
    expect(elapsedSeconds(start, new Date('2026-11-01T10:01:15Z'), new Date())).toBe(75);
    expect(elapsedSeconds(null, null, new Date())).toBe(0);
    expect(formatElapsed(75)).toBe('1 min 15 s');
    expect(formatElapsed(3725)).toBe('1 h 2 min');
    // 1,500 agreements in 60 s → 25/s; 15 in 4 s → 3.8/s.
    expect(formatRate(1500, 60)).toBe('25');
    expect(formatRate(15, 4)).toBe('3.8');
    expect(formatRate(0, 0)).toBe('—');
  });

  it('computes progress without passing 100 %', () => {
    expect(percentDone(50, 200, false)).toBe(25);
    expect(percentDone(0, 0, true)).toBe(100);
    expect(percentDone(0, 0, false)).toBe(0);
    expect(percentDone(210, 200, false)).toBe(100);
  });

  it('reads the summary defensively', () => {
    const s = readRunSummary({
      byConcept: [{ code: 'AGUA', name: 'Agua', currency: 'DOP', lines: 3, net: '10.00', tax: '0.00', total: '10.00' }, { code: 'X', net: 1.5 }],
      byBranch: [{ branchId: 'b1', code: 'SDC', name: 'Santo Domingo Centro', currency: 'DOP', invoices: 2, net: '10.00', tax: '0.00', total: '10.00' }],
      totals: 'junk',
    });
    expect(s.byConcept).toEqual([{ key: 'AGUA|DOP', code: 'AGUA', name: 'Agua', currency: 'DOP', count: 3, net: '10.00', tax: '0.00', total: '10.00' }]);
    expect(s.byBranch[0]).toMatchObject({ key: 'b1|DOP', code: 'SDC', count: 2 });
    expect(s.totals).toEqual([]);
    expect(readRunSummary(null)).toEqual({ byConcept: [], byBranch: [], totals: [] });
  });
});
