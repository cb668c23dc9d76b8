import { describe, expect, it } from 'vitest';
import { amountInWords, integerInWords } from './amount-in-words';

describe('amountInWords', () => {
  it('writes thousands, hundreds and cents', () => {
    expect(amountInWords('1234.56', 'DOP')).toBe('MIL DOSCIENTOS TREINTA Y CUATRO PESOS CON 56/100');
  });

  it('writes zero and one with the singular currency', () => {
    expect(amountInWords('0', 'DOP')).toBe('CERO PESOS CON 00/100');
    expect(amountInWords('0.07', 'DOP')).toBe('CERO PESOS CON 07/100');
    expect(amountInWords('1', 'DOP')).toBe('UN PESO CON 00/100');
    expect(amountInWords('1.01', 'USD')).toBe('UN DÓLAR CON 01/100');
  });

  it('uses the short forms before a noun: VEINTIÚN, TREINTA Y UN, CIENTO UN, CIEN', () => {
    expect(amountInWords('21', 'DOP')).toBe('VEINTIÚN PESOS CON 00/100');
    expect(amountInWords('31', 'DOP')).toBe('TREINTA Y UN PESOS CON 00/100');
    expect(amountInWords('101', 'DOP')).toBe('CIENTO UN PESOS CON 00/100');
    expect(amountInWords('100', 'DOP')).toBe('CIEN PESOS CON 00/100');
    expect(amountInWords('21000', 'DOP')).toBe('VEINTIÚN MIL PESOS CON 00/100');
    expect(amountInWords('100000', 'DOP')).toBe('CIEN MIL PESOS CON 00/100');
  });

  it('writes the irregular numbers 11–29 and the hundreds', () => {
    expect(integerInWords(16)).toBe('DIECISÉIS');
    expect(integerInWords(22)).toBe('VEINTIDÓS');
    expect(integerInWords(26)).toBe('VEINTISÉIS');
    expect(integerInWords(500)).toBe('QUINIENTOS');
    expect(integerInWords(777)).toBe('SETECIENTOS SETENTA Y SIETE');
    expect(integerInWords(990)).toBe('NOVECIENTOS NOVENTA');
  });

  it('writes MIL without UN', () => {
    expect(amountInWords('1000', 'DOP')).toBe('MIL PESOS CON 00/100');
    expect(amountInWords('1001', 'DOP')).toBe('MIL UN PESOS CON 00/100');
  });

  it('writes millions: UN MILLÓN DE, MILLONES DE for whole millions, no DE otherwise', () => {
    expect(amountInWords('1000000', 'DOP')).toBe('UN MILLÓN DE PESOS CON 00/100');
    expect(amountInWords('2000000.10', 'DOP')).toBe('DOS MILLONES DE PESOS CON 10/100');
    expect(amountInWords('1500000', 'DOP')).toBe('UN MILLÓN QUINIENTOS MIL PESOS CON 00/100');
    expect(amountInWords('21000000', 'DOP')).toBe('VEINTIÚN MILLONES DE PESOS CON 00/100');
    expect(amountInWords('1001000', 'DOP')).toBe('UN MILLÓN MIL PESOS CON 00/100');
  });

  it('writes thousands of millions (Spanish has no "billion" below 10^12)', () => {
    expect(amountInWords('1000000000', 'DOP')).toBe('MIL MILLONES DE PESOS CON 00/100');
    expect(amountInWords('1001000000', 'DOP')).toBe('MIL UN MILLONES DE PESOS CON 00/100');
    expect(amountInWords('999999999999.99', 'DOP')).toBe(
      'NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE MILLONES NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE PESOS CON 99/100',
    );
  });

  it('names dollars and euros, and an unknown currency by its code', () => {
    expect(amountInWords('2.50', 'USD')).toBe('DOS DÓLARES CON 50/100');
    expect(amountInWords('1000000', 'EUR')).toBe('UN MILLÓN DE EUROS CON 00/100');
    expect(amountInWords('1', 'EUR')).toBe('UN EURO CON 00/100');
    expect(amountInWords('3', 'GBP')).toBe('TRES GBP CON 00/100');
  });

  it('rounds to cents half-up first: 10.995 → 11.00', () => {
    expect(amountInWords('10.995', 'DOP')).toBe('ONCE PESOS CON 00/100');
    expect(amountInWords('1,234.56', 'DOP')).toBe('MIL DOSCIENTOS TREINTA Y CUATRO PESOS CON 56/100');
  });

  it('refuses negatives and amounts of a billion or more', () => {
    expect(() => amountInWords('-1', 'DOP')).toThrow(RangeError);
    expect(() => amountInWords('1000000000000', 'DOP')).toThrow(RangeError);
    // 999 999 999 999.995 rounds up to a billion.
    expect(() => amountInWords('999999999999.995', 'DOP')).toThrow(RangeError);
    expect(amountInWords('-0.001', 'DOP')).toBe('CERO PESOS CON 00/100');
  });
});
