import { describe, it, expect } from 'vitest';
import { PROVINCES, findProvince } from './geography';

describe('PROVINCES', () => {
  it('has 32 entries (31 provinces + Distrito Nacional)', () => {
    expect(PROVINCES).toHaveLength(32);
  });

  it('uses the ONE codes 01…32, each exactly once', () => {
    // 32 two-digit codes '01'..'32'
    const expected = Array.from({ length: 32 }, (_, i) => String(i + 1).padStart(2, '0'));
    expect(PROVINCES.map((p) => p.code).sort()).toEqual(expected);
  });

  it('has unique names', () => {
    expect(new Set(PROVINCES.map((p) => p.name)).size).toBe(32);
  });

  it('every province has at least one locality', () => {
    for (const p of PROVINCES) expect(p.localities.length, p.name).toBeGreaterThanOrEqual(1);
  });

  it('no province repeats a locality', () => {
    for (const p of PROVINCES) expect(new Set(p.localities).size, p.name).toBe(p.localities.length);
  });

  it('maps well-known codes with correct accents', () => {
    expect(findProvince('01')?.name).toBe('Distrito Nacional');
    expect(findProvince('05')?.name).toBe('Dajabón');
    expect(findProvince('07')?.name).toBe('Elías Piña');
    expect(findProvince('14')?.name).toBe('María Trinidad Sánchez');
    expect(findProvince('25')?.name).toBe('Santiago');
    expect(findProvince('28')?.name).toBe('Monseñor Nouel');
    expect(findProvince('32')?.name).toBe('Santo Domingo');
  });

  it('lists the Santo Domingo province municipalities', () => {
    expect(findProvince('32')?.localities).toEqual(
      expect.arrayContaining([
        'Santo Domingo Este',
        'Santo Domingo Norte',
        'Santo Domingo Oeste',
        'Boca Chica',
        'Los Alcarrizos',
        'Pedro Brand',
        'San Antonio de Guerra',
      ]),
    );
  });

  it('puts the capital municipality first for Santiago', () => {
    expect(findProvince('25')?.localities[0]).toBe('Santiago de los Caballeros');
  });

  it('returns undefined for an unknown code', () => {
    expect(findProvince('33')).toBeUndefined();
  });
});
