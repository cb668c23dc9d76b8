import { describe, it, expect } from 'vitest';
import { isValidCedula, isValidRnc, validateDocument } from '@/lib/domain/documents';
import {
  LARGE_ACCOUNT_FIXTURES,
  MAX_CUSTOMER_INDEX,
  cedulaForIndex,
  customerCode,
  generateCustomers,
  rncForIndex,
} from './customers';
import { PROVINCES } from './geography';

const BRANCHES = ['SD-01', 'SD-02', 'STI-01'];
const N = 5000;
const customers = generateCustomers(N, 2026, { branchCodes: BRANCHES });

describe('document helpers', () => {
  it('rncForIndex(0) = 1 + serial 3067219 + check 9', () => {
    // serial = (0·4829371 + 3067219) mod 10^7 = 3067219 → body 13067219
    // 1·7+3·9+0·8+6·6+7·5+2·4+1·3+9·2 = 7+27+0+36+35+8+3+18 = 134; 134 % 11 = 2 → 11 − 2 = 9
    expect(rncForIndex(0)).toBe('130672199');
  });

  it('government RNCs start with 4: rncForIndex(0, "4") = 430672191', () => {
    // 4·7+3·9+0·8+6·6+7·5+2·4+1·3+9·2 = 28+27+0+36+35+8+3+18 = 155; 155 % 11 = 1 → 1
    expect(rncForIndex(0, '4')).toBe('430672191');
  });

  it("cedulaForIndex(0, '001') = 001 + serial 1903552 + check 5", () => {
    // body 0011903552 × 1212121212 → 0,0,1,2,9,0,3,10→1,5,4 = 25; (10 − 5) % 10 = 5
    expect(cedulaForIndex(0, '001')).toBe('00119035525');
  });

  it('customerCode is 1-based and zero-padded: index 0 → CL-000001, 999999 → CL-1000000', () => {
    expect(customerCode(0)).toBe('CL-000001');
    expect(customerCode(999_999)).toBe('CL-1000000');
  });

  it('document serials stay unique up to index 1,000,000 (bijection on 10^7)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1_000_000; i++) seen.add(rncForIndex(i).slice(1, 8));
    expect(seen.size).toBe(1_000_000);
  });
});

describe('generateCustomers', () => {
  it('is deterministic: same seed → same output', () => {
    expect(generateCustomers(200, 2026, { branchCodes: BRANCHES })).toEqual(customers.slice(0, 200));
  });

  it('a different seed gives different customers', () => {
    const other = generateCustomers(50, 7, { branchCodes: BRANCHES });
    expect(other.map((c) => c.legalName)).not.toEqual(customers.slice(0, 50).map((c) => c.legalName));
  });

  it('numbers codes from the index: CL-000001 … CL-005000', () => {
    expect(customers[0].code).toBe('CL-000001');
    expect(customers[N - 1].code).toBe('CL-005000');
  });

  it('every document is valid for its type', () => {
    for (const c of customers) {
      const r = validateDocument(c.documentType, c.documentNumber);
      expect(r, `${c.code} ${c.documentType} ${c.documentNumber}`).toEqual({ ok: true, normalized: c.documentNumber });
    }
  });

  it('documents are unique across 5,000 customers', () => {
    expect(new Set(customers.map((c) => `${c.documentType}:${c.documentNumber}`)).size).toBe(N);
    expect(new Set(customers.map((c) => c.documentNumber)).size).toBe(N);
  });

  it('codes are unique', () => {
    expect(new Set(customers.map((c) => c.code)).size).toBe(N);
  });

  it('segment mix is about 60/25/10/5', () => {
    const count = (s: string) => customers.filter((c) => c.segment === s).length;
    // expected 3000/1250/500/250 of 5000; σ ≈ √(n·p·(1−p)) = 35/31/21/15 → allow about ±4σ
    expect(Math.abs(count('RESIDENTIAL') - 3000)).toBeLessThan(140);
    expect(Math.abs(count('COMMERCIAL') - 1250)).toBeLessThan(125);
    expect(Math.abs(count('INDUSTRIAL') - 500)).toBeLessThan(85);
    expect(Math.abs(count('GOVERNMENT') - 250)).toBeLessThan(60);
  });

  it('about 5% are large accounts (3%–8%)', () => {
    // expected 0.10·0.35 + 0.25·0.03 + 0.05·(0.35·0.5) ≈ 5.1%
    const share = customers.filter((c) => c.isLargeAccount).length / N;
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.08);
  });

  it('industrial "Grupo"/"Corporación" names are always large accounts with a manager', () => {
    const big = customers.filter((c) => c.segment === 'INDUSTRIAL' && /^(Grupo|Corporación) /.test(c.legalName));
    expect(big.length).toBeGreaterThan(0);
    for (const c of big) {
      expect(c.isLargeAccount).toBe(true);
      expect(c.keyAccountManager).not.toBeNull();
    }
  });

  it('tax condition matches segment and document type', () => {
    for (const c of customers) {
      if (c.taxCondition === 'FOREIGN') {
        expect(['PASSPORT', 'FOREIGN_TAX_ID']).toContain(c.documentType);
      } else if (c.segment === 'GOVERNMENT') {
        expect([c.taxCondition, c.documentType, c.documentNumber[0]]).toEqual(['EXEMPT', 'RNC', '4']);
      } else if (c.segment === 'RESIDENTIAL') {
        expect(c.documentType).toBe('CEDULA');
        expect(['FINAL_CONSUMER', 'REGISTERED']).toContain(c.taxCondition);
      } else {
        expect([c.taxCondition, c.documentType]).toEqual(['REGISTERED', 'RNC']);
      }
    }
  });

  it('residential customers are mostly final consumers (> 85%)', () => {
    const res = customers.filter((c) => c.segment === 'RESIDENTIAL');
    const fc = res.filter((c) => c.taxCondition === 'FINAL_CONSUMER').length;
    expect(fc / res.length).toBeGreaterThan(0.85);
  });

  it('includes some foreign customers with passport and foreign tax id', () => {
    expect(customers.some((c) => c.documentType === 'PASSPORT')).toBe(true);
    expect(customers.some((c) => c.documentType === 'FOREIGN_TAX_ID')).toBe(true);
  });

  it('province and locality come from the geography table, branch from the options', () => {
    for (const c of customers) {
      const p = PROVINCES.find((x) => x.code === c.provinceCode);
      expect(p, c.provinceCode).toBeDefined();
      expect(p!.localities).toContain(c.locality);
      expect(BRANCHES).toContain(c.branchCode);
    }
  });

  it('phones look like 809-555-0123 with area code 809/829/849', () => {
    for (const c of customers) expect(c.phone).toMatch(/^(809|829|849)-\d{3}-\d{4}$/);
  });

  it('e-mails are well formed and use the reserved .example domain', () => {
    for (const c of customers) expect(c.email).toMatch(/^[a-z0-9.]+@[a-z0-9.]+\.example$/);
  });

  it('people have a first name and two surnames', () => {
    const people = customers.filter((c) => c.documentType === 'CEDULA');
    for (const c of people.slice(0, 200)) expect(c.legalName.split(' ').length).toBeGreaterThanOrEqual(3);
  });

  it('addresses have a street and a number or km', () => {
    for (const c of customers) expect(c.address).toMatch(/^(Calle|Av\.|Autopista|Zona Franca|Carretera) .*\d/);
  });

  it('startIndex continues codes without collision and reproduces the same customers', () => {
    const first = generateCustomers(300, 99, { branchCodes: BRANCHES });
    const more = generateCustomers(200, 99, { branchCodes: BRANCHES, startIndex: 300 });
    expect(more[0].code).toBe('CL-000301');
    const all = [...first, ...more];
    expect(new Set(all.map((c) => c.code)).size).toBe(500);
    expect(new Set(all.map((c) => c.documentNumber)).size).toBe(500);
    // generating 500 at once yields exactly the same 500 customers
    expect(generateCustomers(500, 99, { branchCodes: BRANCHES })).toEqual(all);
  });

  it('rejects an empty branch list, a negative count and indexes past the limit', () => {
    expect(() => generateCustomers(1, 1, { branchCodes: [] })).toThrow(RangeError);
    expect(() => generateCustomers(-1, 1, { branchCodes: BRANCHES })).toThrow(RangeError);
    expect(() => generateCustomers(1, 1, { branchCodes: BRANCHES, startIndex: MAX_CUSTOMER_INDEX })).toThrow(RangeError);
  });
});

describe('LARGE_ACCOUNT_FIXTURES', () => {
  it('has the two demo large accounts, industrial and large', () => {
    expect(LARGE_ACCOUNT_FIXTURES.map((c) => c.legalName)).toEqual([
      'Industrias Alimenticias del Cibao, S.A.',
      'Cervecería Nacional del Este, S.R.L.',
    ]);
    for (const c of LARGE_ACCOUNT_FIXTURES) {
      expect(c.segment).toBe('INDUSTRIAL');
      expect(c.isLargeAccount).toBe(true);
      expect(c.documentType).toBe('RNC');
    }
  });

  it('have valid, fixed RNCs from the reserved serials', () => {
    expect(LARGE_ACCOUNT_FIXTURES.map((c) => c.documentNumber)).toEqual(['134084778', '182378481']);
    for (const c of LARGE_ACCOUNT_FIXTURES) expect(isValidRnc(c.documentNumber)).toBe(true);
    expect(rncForIndex(MAX_CUSTOMER_INDEX)).toBe('134084778');
    expect(rncForIndex(MAX_CUSTOMER_INDEX + 1)).toBe('182378481');
  });

  it('never collide with generated customers (codes or documents)', () => {
    const docs = new Set(customers.map((c) => c.documentNumber));
    const codes = new Set(customers.map((c) => c.code));
    for (const c of LARGE_ACCOUNT_FIXTURES) {
      expect(docs.has(c.documentNumber)).toBe(false);
      expect(codes.has(c.code)).toBe(false);
    }
  });

  it('point at a real province and locality', () => {
    for (const c of LARGE_ACCOUNT_FIXTURES) {
      expect(PROVINCES.find((p) => p.code === c.provinceCode)?.localities).toContain(c.locality);
    }
  });
});

describe('sanity of the validators used above', () => {
  it('a generated cédula passes isValidCedula', () => {
    expect(isValidCedula(cedulaForIndex(12345, '402'))).toBe(true);
  });
});
