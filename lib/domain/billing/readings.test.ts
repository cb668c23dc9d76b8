import { describe, expect, it } from 'vitest';
import { consumption, estimate, normalizedRow, parseReadingsCsv, periodError, previousPeriod, readingDateError, readingDecision, registerMax, type HistoryEntry } from './readings';

const actual = (...values: number[]): HistoryEntry[] => values.map((consumption) => ({ consumption, estimated: false }));
const TODAY = '2026-11-23';

describe('consumption', () => {
  it('is current − previous when the register moved forward', () => {
    expect(consumption(120, 150, 5)).toEqual({ ok: true, consumption: 30, rolledOver: false });
    expect(consumption(150, 150, 5)).toEqual({ ok: true, consumption: 0, rolledOver: false });
  });

  it('rolls over past the last value of the register', () => {
    // (100 000 − 99 990) + 15 = 25
    expect(consumption(99_990, 15, 5)).toEqual({ ok: true, consumption: 25, rolledOver: true });
    // 99 999 → 0 is one m³
    expect(consumption(99_999, 0, 5)).toEqual({ ok: true, consumption: 1, rolledOver: true });
    // 4 digits: (10 000 − 9 000) + 200 = 1 200
    expect(consumption(9_000, 200, 4)).toEqual({ ok: true, consumption: 1200, rolledOver: true });
  });

  it('accepts a roll-over of exactly half the register and refuses more', () => {
    // (1 000 − 600) + 100 = 500 = 50 % of 1 000 → accepted; (1 000 − 600) + 101 = 501 → refused
    expect(consumption(600, 100, 3)).toEqual({ ok: true, consumption: 500, rolledOver: true });
    const refused = consumption(600, 101, 3);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error).toMatch(/menor que la anterior/);
  });

  it('refuses a value the register cannot show', () => {
    expect(registerMax(5)).toBe(99_999);
    expect(consumption(10, 100_000, 5)).toEqual({ ok: false, error: expect.stringMatching(/capacidad del medidor \(5 dígitos\)/) });
  });
});

describe('estimate', () => {
  it('is 0 without history', () => {
    expect(estimate([])).toBe(0);
  });

  it.each([
    [[10], 10],
    [[10, 11], 11], // 10.5 → 11 (half-up)
    [[10, 11, 13], 11], // 34/3 = 11.33
    [[10, 11, 13, 14], 12], // 48/4 = 12
    [[1, 2, 2, 2, 2], 2], // 9/5 = 1.8
    [[10, 11, 12, 13, 14, 15], 13], // 75/6 = 12.5 → 13
    [[100, 10, 11, 12, 13, 14, 15], 13], // only the last 6: 75/6 → 13
    [[100, 100, 10, 11, 12, 13, 14, 15], 13], // 8 entries, still the last 6
  ])('averages the last up to 6 actual consumptions: %j → %i', (values, expected) => {
    expect(estimate(actual(...values))).toBe(expected);
  });

  it('leaves estimated consumptions out of the average', () => {
    const history: HistoryEntry[] = [...actual(10, 20), { consumption: 500, estimated: true }, ...actual(30)];
    expect(estimate(history)).toBe(20); // (10 + 20 + 30) / 3
    expect(estimate([{ consumption: 40, estimated: true }])).toBe(0);
  });
});

describe('readingDecision', () => {
  const base = { previous: 1000, current: 1030, anomalyCode: null, history: actual(20, 22, 24), meterDigits: 5 };

  it('bills the measured consumption of a normal reading', () => {
    expect(readingDecision(base)).toMatchObject({ ok: true, consumption: 30, estimated: false, rolledOver: false });
  });

  it('bills the roll-over consumption', () => {
    expect(readingDecision({ ...base, previous: 99_980, current: 10 })).toMatchObject({ ok: true, consumption: 30, estimated: false, rolledOver: true });
  });

  it('refuses an implausible backwards reading', () => {
    expect(readingDecision({ ...base, previous: 50_000, current: 100 })).toMatchObject({ ok: false });
  });

  it.each(['MI', 'MD', 'SL'])('estimates from history when the anomaly is %s, even with a value', (code) => {
    // (20 + 22 + 24) / 3 = 22
    expect(readingDecision({ ...base, anomalyCode: code })).toMatchObject({ ok: true, consumption: 22, estimated: true });
  });

  it('estimates a missing value', () => {
    const d = readingDecision({ ...base, current: null });
    expect(d).toMatchObject({ ok: true, consumption: 22, estimated: true });
    expect(d.ok && d.reason).toMatch(/Sin lectura/);
  });

  it('estimates 0 for an anomaly without history', () => {
    expect(readingDecision({ ...base, anomalyCode: 'PC', history: [] })).toMatchObject({ ok: true, consumption: 0, estimated: true });
  });

  it('refuses an unknown anomaly code and a negative or oversized value', () => {
    expect(readingDecision({ ...base, anomalyCode: 'XX' })).toMatchObject({ ok: false, error: 'Código de anomalía no válido.' });
    expect(readingDecision({ ...base, current: -1 })).toMatchObject({ ok: false });
    expect(readingDecision({ ...base, current: 1000, meterDigits: 3 })).toMatchObject({ ok: false });
  });

  it('takes the first value of a meter as its base, with no consumption', () => {
    expect(readingDecision({ ...base, previous: null })).toMatchObject({ ok: true, consumption: 0, estimated: false });
  });

  it('subtracts what estimates already billed since the previous actual reading, never below 0', () => {
    // measured 1030 − 1000 = 30, of which 22 were billed by an estimate → 8
    expect(readingDecision({ ...base, estimatedSincePrevious: 22 })).toMatchObject({ ok: true, consumption: 8, estimated: false });
    expect(readingDecision({ ...base, estimatedSincePrevious: 50 })).toMatchObject({ ok: true, consumption: 0 });
  });
});

describe('periods and dates', () => {
  it('checks the period format and refuses future months', () => {
    expect(periodError('2026-11', TODAY)).toBeNull();
    expect(periodError('2026-12', TODAY)).toBe('El período no puede ser futuro.');
    expect(periodError('2026-13', TODAY)).toMatch(/AAAA-MM/);
    expect(periodError('2026-1', TODAY)).toMatch(/AAAA-MM/);
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-11')).toBe('2026-10');
  });

  it('checks the reading date', () => {
    expect(readingDateError('2026-10-28', '2026-10', TODAY)).toBeNull();
    expect(readingDateError('2026-11-02', '2026-10', TODAY)).toBeNull();
    expect(readingDateError('2026-02-30', '2026-02', TODAY)).toMatch(/no válida/);
    expect(readingDateError('2026-11-24', '2026-11', TODAY)).toMatch(/futura/);
    expect(readingDateError('2026-09-30', '2026-10', TODAY)).toMatch(/anterior al período/);
  });
});

describe('parseReadingsCsv', () => {
  const parse = (text: string) => {
    const r = parseReadingsCsv(text, TODAY);
    if (!r.ok) throw new Error(r.error);
    return r.rows;
  };

  it('reads a ;-separated file with a BOM, accents in the header and CRLF lines', () => {
    const rows = parse('\uFEFFCuenta;Período;Fecha;Lectura;Anomalía;Lector\r\nct-000001;2026-10;2026-10-28;1234;;Ana Pérez\r\nCT-000002;2026-10;2026-10-28;;mi;\r\n');
    expect(rows).toEqual([
      { line: 2, account: 'CT-000001', period: '2026-10', readingDate: '2026-10-28', value: 1234, anomalyCode: null, readerName: 'Ana Pérez', errors: [] },
      { line: 3, account: 'CT-000002', period: '2026-10', readingDate: '2026-10-28', value: null, anomalyCode: 'MI', readerName: null, errors: [] },
    ]);
  });

  it('reads a ,-separated file with quoted fields and optional columns left out', () => {
    const rows = parse('cuenta,periodo,fecha,lectura\n"CT-000001",2026-10,2026-10-28,"77"\n\n');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ account: 'CT-000001', value: 77, anomalyCode: null, readerName: null, errors: [] });
  });

  it('refuses a file without the header or with columns missing', () => {
    expect(parseReadingsCsv('CT-000001;2026-10;2026-10-28;10', TODAY)).toMatchObject({ ok: false, error: expect.stringMatching(/encabezado/) });
    expect(parseReadingsCsv('cuenta;periodo;lectura\n', TODAY)).toMatchObject({ ok: false, error: expect.stringMatching(/fecha/) });
    expect(parseReadingsCsv('', TODAY)).toEqual({ ok: false, error: 'El archivo está vacío.' });
  });

  it('reports every problem of a row by column, in Spanish', () => {
    const rows = parse('cuenta;periodo;fecha;lectura;anomalia\n;2026-13;2026-02-30;-5;ZZ\nCT-1;2027-01;2026-11-01;abc;\nCT-2;2026-10;2026-12-01;;\n');
    expect(rows[0].errors.map((e) => e.column)).toEqual(['cuenta', 'periodo', 'fecha', 'anomalia', 'lectura']);
    expect(rows[0].errors.find((e) => e.column === 'anomalia')!.message).toMatch(/ZZ.*desconocida/);
    expect(rows[1].errors).toEqual([
      { column: 'periodo', message: 'El período no puede ser futuro.' },
      { column: 'lectura', message: 'La lectura debe ser un número entero mayor o igual que cero.' },
    ]);
    expect(rows[2].errors).toEqual([
      { column: 'fecha', message: 'La fecha de lectura no puede ser futura.' },
      { column: 'lectura', message: 'Indique la lectura o un código de anomalía.' },
    ]);
  });

  it('flags a repeated account and period within the file', () => {
    const rows = parse('cuenta;periodo;fecha;lectura\nCT-1;2026-10;2026-10-28;10\nct-1;2026-10;2026-10-29;11\n');
    expect(rows[0].errors).toEqual([]);
    expect(rows[1].errors).toEqual([{ column: null, message: 'Cuenta y período repetidos en el archivo (línea 2).' }]);
  });

  it('normalizes a row for comparison and hashing', () => {
    expect(normalizedRow({ account: 'CT-000001', period: '2026-10', readingDate: '2026-10-28', value: 1234, anomalyCode: null, readerName: 'ANA' })).toBe('CT-000001|2026-10|2026-10-28|1234||ANA');
  });
});
