import { describe, expect, it } from 'vitest';
import {
  attributeKeyValid,
  definitionSchema,
  isDateOnly,
  normalizeAttributeNumber,
  parseOptions,
  validateAttributeValues,
  type AttributeDefinition,
} from './dynamic-attributes';

const def = (key: string, type: AttributeDefinition['type'], extra: Partial<AttributeDefinition> = {}): AttributeDefinition => ({
  key,
  label: key,
  type,
  required: false,
  options: null,
  ...extra,
});

describe('attributeKeyValid', () => {
  it('accepts lowercase snake_case starting with a letter', () => {
    expect(attributeKeyValid('zona_riego')).toBe(true);
    expect(attributeKeyValid('m3_contratados')).toBe(true);
  });

  it('accepts 2 and 40 characters, rejects 1 and 41', () => {
    expect(attributeKeyValid('ab')).toBe(true);
    expect(attributeKeyValid('a'.repeat(40))).toBe(true);
    expect(attributeKeyValid('a')).toBe(false);
    expect(attributeKeyValid('a'.repeat(41))).toBe(false);
  });

  it('rejects uppercase, a leading digit or underscore, spaces, dashes, dots and doubled or trailing underscores', () => {
    for (const key of ['Zona', '1zona', '_zona', 'zona riego', 'zona-riego', 'attr.zona', 'zona__riego', 'zona_']) {
      expect(attributeKeyValid(key), key).toBe(false);
    }
  });
});

describe('isDateOnly', () => {
  it('accepts a real date and 29 February of a leap year', () => {
    expect(isDateOnly('2026-11-23')).toBe(true);
    expect(isDateOnly('2028-02-29')).toBe(true);
  });

  it('rejects 29 February 2026, 31 April, month 13 and other formats', () => {
    for (const s of ['2026-02-29', '2026-04-31', '2026-13-01', '23/11/2026', '2026-1-5', '2026-11-23T00:00']) {
      expect(isDateOnly(s), s).toBe(false);
    }
  });
});

describe('normalizeAttributeNumber', () => {
  it('drops thousands commas and trailing zeros', () => {
    // '1,234.50' → 1234.50 → '1234.5'
    expect(normalizeAttributeNumber('1,234.50')).toBe('1234.5');
    expect(normalizeAttributeNumber('1234.5')).toBe('1234.5');
  });

  it('keeps decimals exactly, without float noise', () => {
    // as a float 0.1 + 0.2 would print 0.30000000000000004; the string stays as typed
    expect(normalizeAttributeNumber('0.30000000000000000001')).toBe('0.30000000000000000001');
  });

  it('keeps negatives and writes zero as "0"', () => {
    expect(normalizeAttributeNumber('-12.0')).toBe('-12');
    expect(normalizeAttributeNumber('-0.00')).toBe('0');
  });

  it('rejects a decimal comma, misplaced commas, exponents and words', () => {
    for (const s of ['1234,5', '1,23.4', '1e5', 'doce', '']) {
      expect(normalizeAttributeNumber(s), s).toBeNull();
    }
  });
});

describe('validateAttributeValues', () => {
  const defs = [
    def('contrato', 'TEXT', { required: true }),
    def('caudal', 'NUMBER'),
    def('inicio', 'DATE'),
    def('riego', 'BOOLEAN'),
    def('zona', 'CHOICE', { options: ['Norte', 'Sur'] }),
  ];

  it('returns typed values for a filled form and drops unknown keys', () => {
    const raw = { contrato: '  C-17 ', caudal: '1,234.5', inicio: '2026-11-23', riego: 'on', zona: 'Sur', otra: 'x' };
    expect(validateAttributeValues(defs, raw)).toEqual({
      ok: true,
      values: { contrato: 'C-17', caudal: '1234.5', inicio: '2026-11-23', riego: true, zona: 'Sur' },
    });
  });

  it('turns empty optional fields into null and an absent checkbox into false', () => {
    expect(validateAttributeValues(defs, { contrato: 'C-17', caudal: '', inicio: '  ' })).toEqual({
      ok: true,
      values: { contrato: 'C-17', caudal: null, inicio: null, riego: false, zona: null },
    });
  });

  it('requires a required field, blank after trimming', () => {
    expect(validateAttributeValues(defs, { contrato: '   ' })).toEqual({
      ok: false,
      fieldErrors: { contrato: ['Este campo es obligatorio.'] },
    });
  });

  it('reports one error per invalid field, keyed by the bare key', () => {
    const raw = { contrato: 'C-17', caudal: '12,5', inicio: '2026-02-30', riego: 'maybe', zona: 'Este' };
    expect(validateAttributeValues(defs, raw)).toEqual({
      ok: false,
      fieldErrors: {
        caudal: ['Indique un número (por ejemplo 1234.5).'],
        inicio: ['Indique una fecha válida (AAAA-MM-DD).'],
        riego: ['Valor no válido.'],
        zona: ['Elija una de las opciones.'],
      },
    });
  });

  it('reads form field names attr.<key> when the bare key is absent', () => {
    const raw = { 'attr.contrato': 'C-17', 'attr.riego': 'on' };
    expect(validateAttributeValues(defs, raw)).toEqual({
      ok: true,
      values: { contrato: 'C-17', caudal: null, inicio: null, riego: true, zona: null },
    });
  });

  it('matches choices exactly (case matters)', () => {
    expect(validateAttributeValues([def('zona', 'CHOICE', { options: ['Norte', 'Sur'] })], { zona: 'sur' })).toEqual({
      ok: false,
      fieldErrors: { zona: ['Elija una de las opciones.'] },
    });
  });

  it('accepts booleans and numbers given as values, not only as form strings', () => {
    expect(validateAttributeValues([def('riego', 'BOOLEAN'), def('caudal', 'NUMBER')], { riego: false, caudal: 12.5 })).toEqual({
      ok: true,
      values: { riego: false, caudal: '12.5' },
    });
  });

  it('refuses a list where one value is expected', () => {
    expect(validateAttributeValues([def('contrato', 'TEXT')], { contrato: ['a', 'b'] })).toEqual({
      ok: false,
      fieldErrors: { contrato: ['Valor no válido.'] },
    });
  });

  it('limits text to 500 characters', () => {
    expect(validateAttributeValues([def('nota', 'TEXT')], { nota: 'x'.repeat(500) }).ok).toBe(true);
    expect(validateAttributeValues([def('nota', 'TEXT')], { nota: 'x'.repeat(501) })).toEqual({
      ok: false,
      fieldErrors: { nota: ['Máximo 500 caracteres.'] },
    });
  });
});

describe('parseOptions', () => {
  it('splits one line on commas, trims, drops blanks and repeats', () => {
    expect(parseOptions(' Norte, Sur ,, Norte ')).toEqual(['Norte', 'Sur']);
  });

  it('splits several lines on newlines only, so options may contain commas', () => {
    expect(parseOptions('Sí, con medidor\r\nNo\n\n')).toEqual(['Sí, con medidor', 'No']);
  });

  it('accepts a list and empty input', () => {
    expect(parseOptions([' A', 'B '])).toEqual(['A', 'B']);
    expect(parseOptions(undefined)).toEqual([]);
  });
});

describe('definitionSchema', () => {
  const base = { key: 'zona', label: 'Zona', type: 'CHOICE', entity: 'ACCOUNT', required: 'on', options: 'Norte\nSur' };

  it('parses a CHOICE definition from the form', () => {
    expect(definitionSchema.parse(base)).toEqual({
      key: 'zona',
      label: 'Zona',
      type: 'CHOICE',
      entity: 'ACCOUNT',
      required: true,
      options: ['Norte', 'Sur'],
    });
  });

  it('treats an absent checkbox as not required and drops options of other types', () => {
    const { required: _required, ...rest } = base;
    void _required;
    expect(definitionSchema.parse({ ...rest, type: 'TEXT' })).toMatchObject({ required: false, options: null });
  });

  it('needs two distinct options for CHOICE ("A, A" is one)', () => {
    const r = definitionSchema.safeParse({ ...base, options: 'A, A' });
    expect(r.success).toBe(false);
    expect(r.error?.issues).toEqual([expect.objectContaining({ path: ['options'], message: 'Indique al menos dos opciones distintas.' })]);
  });

  it('reports a bad key and missing options together', () => {
    const r = definitionSchema.safeParse({ ...base, key: 'Zona', options: '' });
    expect(r.error?.issues.map((i) => i.path[0]).sort()).toEqual(['key', 'options']);
  });

  it('limits each option to 80 characters', () => {
    const r = definitionSchema.safeParse({ ...base, options: `A\n${'b'.repeat(81)}` });
    expect(r.error?.issues[0]).toMatchObject({ path: ['options'], message: 'Cada opción admite hasta 80 caracteres.' });
  });

  it('needs a label of 2 to 80 characters, trimmed', () => {
    expect(definitionSchema.safeParse({ ...base, label: ' Z ' }).error?.issues[0]).toMatchObject({
      path: ['label'],
      message: 'La etiqueta debe tener entre 2 y 80 caracteres.',
    });
    expect(definitionSchema.safeParse({ ...base, label: 'x'.repeat(81) }).success).toBe(false);
  });

  it('refuses an unknown type or entity with a Spanish message', () => {
    const r = definitionSchema.safeParse({ ...base, type: 'JSON', entity: 'CUSTOMER' });
    expect(r.error?.issues.map((i) => i.message)).toEqual(['Seleccione el tipo.', 'Seleccione a qué se aplica.']);
  });
});
