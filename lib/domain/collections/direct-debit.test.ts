import { describe, expect, it } from 'vitest';
import {
  controlTotals,
  debitBatchCode,
  debitBatchCsv,
  inDebitPeriod,
  maskAccount,
  notDebitableReason,
  parseDebitResponse,
  responseStatus,
  selectDebitItems,
  type DebitCandidate,
} from './direct-debit';

const BANK = 'bank-1';
const KEY = { entityId: BANK, period: '2026-10', currency: 'DOP' };

function candidate(over: Partial<DebitCandidate> = {}): DebitCandidate {
  return {
    invoiceId: 'inv-1',
    docType: 'INVOICE',
    status: 'ISSUED',
    fiscalNumber: '00001-00000001',
    period: '2026-10',
    issueDate: '2026-10-31',
    dueDate: '2026-11-30',
    currency: 'DOP',
    balance: '1500.00',
    agreementId: 'ag-1',
    agreementCode: 'AC-000001',
    agreementCurrency: 'DOP',
    customerName: 'Industrias del Cibao',
    method: { method: 'DIRECT_DEBIT', entityId: BANK, last4: '4821' },
    debitedElsewhere: false,
    ...over,
  };
}

describe('which documents a batch debits', () => {
  it('an open invoice of the period, of an agreement debited by this bank, goes in', () => {
    expect(notDebitableReason(candidate(), KEY)).toBeNull();
    expect(notDebitableReason(candidate({ docType: 'DEBIT_NOTE', status: 'PARTIALLY_PAID' }), KEY)).toBeNull();
  });

  it.each([
    ['a credit note', { docType: 'CREDIT_NOTE' }, /ni una nota de débito/],
    ['a draft', { status: 'DRAFT' }, /pendiente/],
    ['a paid invoice', { status: 'PAID', balance: '0.00' }, /pendiente/],
    ['a voided invoice', { status: 'VOIDED' }, /pendiente/],
    ['no balance left', { balance: '0.00' }, /saldo/],
    ['another period', { period: '2026-09' }, /otro período/],
    ['another currency', { currency: 'USD' }, /moneda/],
    ['an agreement in another currency', { agreementCurrency: 'USD' }, /moneda/],
    ['no default method', { method: null }, /débito automático/],
    ['a default card', { method: { method: 'CARD', entityId: BANK, last4: '4242' } }, /débito automático/],
    ['another bank', { method: { method: 'DIRECT_DEBIT', entityId: 'bank-2', last4: '4821' } }, /este banco/],
    ['a method without account', { method: { method: 'DIRECT_DEBIT', entityId: BANK, last4: null } }, /cuenta/],
    ['already pending or confirmed in another batch', { debitedElsewhere: true }, /otro lote/],
  ] as const)('%s stays out', (_label, over, reason) => {
    expect(notDebitableReason(candidate(over as Partial<DebitCandidate>), KEY)).toMatch(reason);
  });

  it('a document without billing period belongs to the period of its issue date', () => {
    expect(inDebitPeriod({ period: null, issueDate: '2026-10-31' }, '2026-10')).toBe(true);
    expect(inDebitPeriod({ period: null, issueDate: '2026-11-01' }, '2026-10')).toBe(false);
    expect(inDebitPeriod({ period: null, issueDate: null }, '2026-10')).toBe(false);
    // The billing period wins over the issue date (October billed on 2 November).
    expect(inDebitPeriod({ period: '2026-10', issueDate: '2026-11-02' }, '2026-10')).toBe(true);
  });

  it('lines are ordered by agreement, due date and number, numbered from 1, for the balance, each document once', () => {
    const lines = selectDebitItems(
      [
        candidate({ invoiceId: 'b2', agreementCode: 'AC-000002', dueDate: '2026-11-30', fiscalNumber: '00001-00000009', balance: '10.5' }),
        candidate({ invoiceId: 'a1', agreementCode: 'AC-000001', dueDate: '2026-11-30', fiscalNumber: '00001-00000003' }),
        candidate({ invoiceId: 'skip', agreementCode: 'AC-000000', period: '2026-09' }),
        candidate({ invoiceId: 'b1', agreementCode: 'AC-000002', dueDate: '2026-11-15', fiscalNumber: '00001-00000010' }),
        candidate({ invoiceId: 'a1', agreementCode: 'AC-000001', dueDate: '2026-11-30', fiscalNumber: '00001-00000003' }),
      ],
      KEY,
    );
    expect(lines.map((l) => [l.lineNo, l.invoiceId, l.amount])).toEqual([
      [1, 'a1', '1500.00'],
      [2, 'b1', '1500.00'],
      [3, 'b2', '10.50'],
    ]);
    expect(lines[0].accountMasked).toBe('******4821');
  });

  it('nothing eligible → no lines', () => {
    expect(selectDebitItems([candidate({ currency: 'EUR', agreementCurrency: 'EUR' })], KEY)).toEqual([]);
  });
});

describe('batch file', () => {
  it('codes fit the 30-character column', () => {
    expect(debitBatchCode('BPD-DA', '2026-10', 'DOP')).toBe('BPD-DA-202610DOP');
    expect(debitBatchCode('X'.repeat(20), '2026-10', 'USD')).toHaveLength(30);
  });

  it('control totals add cents exactly: 0.10 + 0.20 + 1234.56 = 1234.86', () => {
    expect(controlTotals(['0.10', '0.20', '1234.56'])).toEqual({ count: 3, total: '1234.86' });
    expect(controlTotals([])).toEqual({ count: 0, total: '0.00' });
  });

  it('has a header, one detail per line and a trailer with count and total', () => {
    const csv = debitBatchCsv({ bankCode: 'BPD-DA', batchCode: 'BPD-DA-202610DOP', period: '2026-10', currency: 'DOP', createdOn: '2026-11-02' }, [
      { lineNo: 1, agreementCode: 'AC-000123', customerName: 'Industrias del Cibao, S.R.L.', accountMasked: '******4821', fiscalNumber: '00001-00000042', amount: '1500.00' },
      { lineNo: 2, agreementCode: 'AC-000311', customerName: 'Ana "La Tía" Pérez', accountMasked: '******0097', fiscalNumber: 'E310000000057', amount: '250.1' },
    ]);
    // 1500.00 + 250.10 = 1750.10
    expect(csv.split('\r\n')).toEqual([
      'H,BPD-DA,BPD-DA-202610DOP,2026-10,DOP,2026-11-02,2,1750.10',
      'D,1,AC-000123,"Industrias del Cibao, S.R.L.",******4821,00001-00000042,1500.00',
      'D,2,AC-000311,"Ana ""La Tía"" Pérez",******0097,E310000000057,250.10',
      'T,2,1750.10',
      '',
    ]);
  });
});

describe('response file', () => {
  const batch = {
    code: 'BPD-DA-202610DOP',
    items: [
      { lineNo: 1, fiscalNumber: '00001-00000042', amount: '1500.00' },
      { lineNo: 2, fiscalNumber: '00001-00000057', amount: '250.10' },
      { lineNo: 3, fiscalNumber: 'E310000000003', amount: '99.99' },
    ],
  };
  const TODAY = '2026-11-10';
  const parse = (lines: string[]) => parseDebitResponse(lines.join('\r\n'), batch, TODAY);
  const errorsOf = (lines: string[]) => {
    const r = parse(lines);
    if (r.ok) throw new Error('expected errors');
    return r.errors;
  };

  it('reads statuses by line or invoice number, with bank codes and reasons', () => {
    // 1500.00 + 250.10 + 99.99 = 1850.09
    const r = parse(['H,BPD-DA-202610DOP,2026-11-05', 'D,1,00,1500.00', 'D,00001-00000057,01,250.1', 'D,e310000000003,REJECTED,99.99,"Cuenta embargada, ver oficio"', 'T,3,1850.09']);
    expect(r).toEqual({
      ok: true,
      processedOn: '2026-11-05',
      confirmed: 1,
      rejected: 2,
      outcomes: [
        { lineNo: 1, status: 'CONFIRMED', code: '00', reason: null },
        { lineNo: 2, status: 'REJECTED', code: '01', reason: 'Fondos insuficientes' },
        { lineNo: 3, status: 'REJECTED', code: 'REJECTED', reason: 'Cuenta embargada, ver oficio' },
      ],
    });
  });

  it('accepts ; separators, a BOM, blank lines and Spanish words', () => {
    const r = parseDebitResponse('\uFEFFH;BPD-DA-202610DOP\n\nD;1;Confirmado;1500\nD;2;rechazado;250.10\nD;3;ACEPTADO;99.99\nT;3;1850.09\n', batch, TODAY);
    expect(r.ok && r.outcomes.map((o) => [o.status, o.reason])).toEqual([
      ['CONFIRMED', null],
      ['REJECTED', 'Rechazado por el banco'],
      ['CONFIRMED', null],
    ]);
    expect(r.ok && r.processedOn).toBeNull();
  });

  it('an unknown bank code is a rejection that names the code', () => {
    expect(responseStatus('R17', '')).toEqual({ status: 'REJECTED', code: 'R17', reason: 'Rechazado por el banco (código R17)' });
    expect(responseStatus('¿?', '')).toBeNull();
  });

  it('another batch code is refused', () => {
    expect(errorsOf(['H,BHD-DA-202610DOP', 'D,1,00,1500.00', 'D,2,00,250.10', 'D,3,00,99.99', 'T,3,1850.09'])).toEqual([{ line: 1, message: 'El archivo es del lote «BHD-DA-202610DOP», no de BPD-DA-202610DOP.' }]);
  });

  it('lists every bad line: unknown line, unknown invoice, wrong amount, repeated line, bad status', () => {
    const errors = errorsOf([
      'H,BPD-DA-202610DOP',
      'D,1,00,1500.00',
      'D,7,00,10.00',
      'D,00001-99999999,00,10.00',
      'D,2,00,250.00',
      'D,1,01,1500.00',
      'D,3,¿?,99.99',
      // 1500 + 10 + 10 + 250 + 1500 + 99.99 = 3369.99
      'T,6,3369.99',
    ]);
    expect(errors).toEqual([
      { line: 3, message: 'La línea 7 no existe en el lote BPD-DA-202610DOP.' },
      { line: 4, message: 'La factura 00001-99999999 no está en el lote BPD-DA-202610DOP.' },
      { line: 5, message: 'El importe 250.00 no coincide con el de la línea 2 del lote (250.10).' },
      { line: 6, message: 'La línea 1 del lote (factura 00001-00000042) ya tiene respuesta en la línea 2 del archivo.' },
      { line: 7, message: 'Estado «¿?» no válido: use CONFIRMED, REJECTED o el código del banco (00 = debitado).' },
    ]);
  });

  it('control totals must match the details', () => {
    const errors = errorsOf(['H,BPD-DA-202610DOP', 'D,1,00,1500.00', 'D,2,00,250.10', 'D,3,00,99.99', 'T,2,1850.10']);
    expect(errors).toEqual([
      { line: 5, message: 'El control indica 2 detalles y el archivo tiene 3.' },
      { line: 5, message: 'El total de control 1850.10 no coincide con la suma de los detalles (1850.09).' },
    ]);
  });

  it('every item must be answered', () => {
    expect(errorsOf(['H,BPD-DA-202610DOP', 'D,1,00,1500.00', 'T,1,1500.00'])).toEqual([{ line: null, message: 'Faltan respuestas para 2 líneas del lote: 2, 3.' }]);
  });

  it('header and trailer are required, once, in their places', () => {
    expect(errorsOf(['D,1,00,1500.00', 'D,2,00,250.10', 'D,3,00,99.99']).map((e) => e.message)).toEqual([
      'Falta el encabezado (H) con el código del lote.',
      'Falta el registro de control (T) con la cantidad y el total.',
    ]);
    const errors = errorsOf(['H,BPD-DA-202610DOP', 'H,BPD-DA-202610DOP', 'D,1,00,1500.00', 'D,2,00,250.10', 'D,3,00,99.99', 'T,3,1850.09', 'D,1,00,1500.00', 'X,1']);
    expect(errors).toEqual([
      { line: 2, message: 'Encabezado repetido (el primero está en la línea 1).' },
      { line: 7, message: 'Hay registros después del registro de control (T).' },
      { line: 8, message: 'Hay registros después del registro de control (T).' },
    ]);
    expect(errorsOf(['tipo,linea,estado,importe', 'H,BPD-DA-202610DOP', 'D,1,00,1500.00', 'D,2,00,250.10', 'D,3,00,99.99', 'T,3,1850.09'])[0].message).toMatch(/Tipo de registro «tipo» desconocido/);
  });

  it('a bad or future processing date and malformed amounts are errors', () => {
    const errors = errorsOf(['H,BPD-DA-202610DOP,2026-11-11', 'D,1,00,1.500,00', 'D,2,00,-250.10', 'D,3,00,99.999', 'T,3,x']);
    expect(errors.map((e) => e.line)).toEqual([1, 2, 3, 4, 5]);
    expect(errors[0].message).toBe('La fecha de proceso no puede ser futura.');
    expect(errors[1].message).toMatch(/Importe «1.500» no válido/);
    expect(errors[4].message).toMatch(/Total de control «x» no válido/);
    expect(errorsOf(['H,BPD-DA-202610DOP,2026-02-30', 'D,1,00,1500', 'D,2,00,250.1', 'D,3,00,99.99', 'T,3,1850.09'])).toEqual([{ line: 1, message: 'Fecha de proceso «2026-02-30» no válida: use AAAA-MM-DD.' }]);
  });

  it('an empty file is refused', () => {
    expect(errorsOf(['', '  '])).toEqual([{ line: null, message: 'El archivo está vacío.' }]);
  });

  it('a batch file answered with itself is not a response', () => {
    // The file we sent has H with the bank code first: the batch code does not match.
    const sent = debitBatchCsv({ bankCode: 'BPD-DA', batchCode: batch.code, period: '2026-10', currency: 'DOP', createdOn: '2026-11-02' }, [
      { lineNo: 1, agreementCode: 'AC-1', customerName: 'A', accountMasked: '******1111', fiscalNumber: '00001-00000042', amount: '1500.00' },
    ]);
    expect(parseDebitResponse(sent, batch, TODAY).ok).toBe(false);
  });
});

describe('masking', () => {
  it('shows only the last four digits', () => {
    expect(maskAccount('0097')).toBe('******0097');
  });
});
