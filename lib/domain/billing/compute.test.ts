import { describe, it, expect } from 'vitest';
import { money, sumMoney } from '@/lib/domain/money';
import { billingUnitOf, computeBilling, type BillingItem, type ComputeResult } from './compute';
import { CA, CF, CONCEPTS, MED, RES, SEW, VAR, account, agreement, input } from './test-fixtures';

function units(r: ComputeResult) {
  if (!r.ok) throw new Error(`unexpected error ${r.error.code}: ${r.error.message}`);
  return r.units;
}
const row = (i: BillingItem) => [i.conceptCode, i.description, i.quantity, i.unitPrice, i.gross, i.discount, i.net, i.tax, i.total];

describe('computeBilling: one metered account (tariff 0–20 @10, 20–40 @15.50, 40+ @25; fixed 100)', () => {
  it('bills fixed charge, consumption per block, sewerage 30 % of water and meter rental with ITBIS', () => {
    const [u] = units(computeBilling(input()));
    expect(u.billingUnit).toBe('AC:a1');
    expect(u.items.map(row)).toEqual([
      ['CF', 'Cargo fijo', '1.000', '100.0000', '100.00', '0.00', '100.00', '0.00', '100.00'],
      // 25 m³ = 20 × 10 + 5 × 15.50
      ['CA', 'Consumo de agua 0–20 m³ (20 m³)', '20.000', '10.0000', '200.00', '0.00', '200.00', '0.00', '200.00'],
      ['CA', 'Consumo de agua 21–40 m³ (5 m³)', '5.000', '15.5000', '77.50', '0.00', '77.50', '0.00', '77.50'],
      // 30 % of water net 100 + 200 + 77.50 = 377.50 → 113.25
      ['ALC', 'Alcantarillado 30 % s/ agua potable', '1.000', '113.2500', '113.25', '0.00', '113.25', '0.00', '113.25'],
      // 50.00 + 18 % = 59.00
      ['MED', 'Alquiler de medidor', '1.000', '50.0000', '50.00', '0.00', '50.00', '9.00', '59.00'],
    ]);
    expect(u.totals).toEqual({ gross: '540.75', discount: '0.00', net: '540.75', tax: '9.00', total: '549.75' });
    expect(u.items.every((i) => i.accountId === 'a1')).toBe(true);
    expect(u.items.map((i) => i.conceptGroupName)).toEqual(['Agua potable', 'Agua potable', 'Agua potable', 'Alcantarillado', 'Cargos varios']);
    expect(u.items.map((i) => i.taxRate)).toEqual(['0.00', '0.00', '0.00', '0.00', '18.00']);
  });

  it('applies the agreement discount to charges, not to tax, and not twice to the percentage', () => {
    const [u] = units(computeBilling(input({ agreement: agreement({ discountPct: '10.00' }) })));
    expect(u.items.map((i) => [i.conceptCode, i.gross, i.discount, i.net, i.tax, i.total])).toEqual([
      ['CF', '100.00', '10.00', '90.00', '0.00', '90.00'],
      ['CA', '200.00', '20.00', '180.00', '0.00', '180.00'],
      ['CA', '77.50', '7.75', '69.75', '0.00', '69.75'],
      // base = water net 90 + 180 + 69.75 = 339.75; 30 % = 101.925 → 101.93; no second discount
      ['ALC', '101.93', '0.00', '101.93', '0.00', '101.93'],
      // 50 − 10 % = 45.00; tax 18 % of 45.00 = 8.10 (not of 50)
      ['MED', '50.00', '5.00', '45.00', '8.10', '53.10'],
    ]);
    expect(u.totals).toEqual({ gross: '529.43', discount: '42.75', net: '486.68', tax: '8.10', total: '494.78' });
  });

  it('marks an estimated consumption in the description', () => {
    const [u] = units(computeBilling(input({ consumption: { a1: { m3: 21, estimated: true } } })));
    expect(u.items.filter((i) => i.conceptCode === 'CA').map((i) => i.description)).toEqual([
      'Consumo de agua 0–20 m³ (20 m³, estimado)',
      'Consumo de agua 21–40 m³ (1 m³, estimado)',
    ]);
  });

  it('shows a zero consumption as one 0 m³ line at the first block price', () => {
    const [u] = units(computeBilling(input({ consumption: { a1: { m3: 0, estimated: false } } })));
    expect(u.items.filter((i) => i.conceptCode === 'CA').map(row)).toEqual([
      ['CA', 'Consumo de agua (0 m³)', '0.000', '10.0000', '0.00', '0.00', '0.00', '0.00', '0.00'],
    ]);
    // sewerage then only on the fixed charge: 30 % of 100 = 30.00
    expect(u.items.find((i) => i.conceptCode === 'ALC')?.net).toBe('30.00');
  });

  it.each([
    [20, ['200.00']],
    [40, ['200.00', '310.00']],
    [41, ['200.00', '310.00', '25.00']],
    [1000, ['200.00', '310.00', '24000.00']],
  ])('block edges through the engine: %i m³ → %j', (m3, grosses) => {
    const [u] = units(computeBilling(input({ consumption: { a1: { m3, estimated: false } } })));
    expect(u.items.filter((i) => i.conceptCode === 'CA').map((i) => i.gross)).toEqual(grosses);
  });
});

describe('computeBilling: unmetered', () => {
  it('an account without a meter pays the flat rate, no consumption, no meter rental', () => {
    const [u] = units(computeBilling(input({ accounts: [account('a1', { metered: false })], consumption: {} })));
    expect(u.items.map((i) => [i.description, i.net])).toEqual([
      ['Cargo fijo', '450.00'],
      // 30 % of 450 = 135
      ['Alcantarillado 30 % s/ agua potable', '135.00'],
    ]);
  });

  it('an UNMETERED agreement bills its metered accounts at the flat rate and needs no reading', () => {
    const r = computeBilling(input({ agreement: agreement({ billingOpportunity: 'UNMETERED' }), consumption: {} }));
    expect(units(r)[0].items.map((i) => i.net)).toEqual(['450.00', '135.00']);
  });

  it('UNMETERED concepts apply only to unmetered accounts', () => {
    const flat = { ...MED, id: 'c-fl', code: 'FL', name: 'Cargo por pozo', appliesTo: 'UNMETERED' as const, amount: '20.00', taxRate: '0' };
    const r = computeBilling(input({ accounts: [account('a1'), account('a2', { metered: false })], concepts: [CF, flat] }));
    expect(units(r).map((u) => u.items.map((i) => i.conceptCode))).toEqual([['CF'], ['CF', 'FL']]);
  });
});

describe('computeBilling: percentage concepts', () => {
  it('are computed per account over that account own base lines', () => {
    const r = computeBilling(input({
      agreement: agreement({ billingMode: 'PER_AGREEMENT' }),
      accounts: [account('a1'), account('a2', { metered: false })],
    }));
    const [u] = units(r);
    expect(u.items.filter((i) => i.conceptCode === 'ALC').map((i) => [i.accountId, i.net])).toEqual([
      ['a1', '113.25'], // 30 % of 377.50
      ['a2', '135.00'], // 30 % of 450.00
    ]);
  });

  it('rounds half-up: 12.5 % of 100.20 = 12.525 → 12.53', () => {
    const pct = { ...SEW, percentage: '12.5000' };
    const [u] = units(computeBilling(input({ concepts: [{ ...CF, amount: '100.20' }, pct] })));
    expect(u.items.map((i) => [i.description, i.net])).toEqual([
      ['Cargo fijo', '100.20'],
      ['Alcantarillado 12.5 % s/ agua potable', '12.53'],
    ]);
  });

  it('carry their own tax rate, on the percentage amount', () => {
    const [u] = units(computeBilling(input({ concepts: [CF, { ...SEW, taxRate: '18' }] })));
    // 30 % of 100 = 30.00; 18 % of 30 = 5.40
    expect(u.items[1]).toMatchObject({ net: '30.00', tax: '5.40', total: '35.40' });
  });

  it('use the net of base lines only, never their tax', () => {
    const water = { ...CF, taxRate: '18' };
    const [u] = units(computeBilling(input({ concepts: [water, SEW] })));
    expect(u.items[1].net).toBe('30.00'); // 30 % of 100.00, not of 118.00
  });

  it('can take an earlier percentage line as base (chained), and are placed by position', () => {
    // 10 % of the sewerage line: 10 % of 113.25 = 11.325 → 11.33
    const tenOfSewer = { ...SEW, id: 'c-p2', code: 'P2', name: 'Tasa ambiental', percentage: '10', baseGroupId: SEW.groupId, groupId: VAR, groupName: 'Cargos varios', groupPosition: 3, position: 0 };
    const [u] = units(computeBilling(input({ concepts: [tenOfSewer, ...CONCEPTS] })));
    expect(u.items.map((i) => [i.conceptCode, i.net])).toEqual([
      ['CF', '100.00'], ['CA', '200.00'], ['CA', '77.50'], ['ALC', '113.25'], ['P2', '11.33'], ['MED', '50.00'],
    ]);
    expect(u.items[4].description).toBe('Tasa ambiental 10 % s/ alcantarillado');
  });

  it('are left out when their base is zero', () => {
    const [u] = units(computeBilling(input({ concepts: [MED, { ...SEW, baseGroupId: 'g-none' }] })));
    expect(u.items.map((i) => i.conceptCode)).toEqual(['MED']);
  });
});

describe('computeBilling: billing units per mode', () => {
  const accounts = [
    account('a4', { groupId: null }),
    account('a2', { groupId: 'g1', metered: false }),
    account('a1', { groupId: 'g1' }),
    account('a3', { groupId: 'g2' }),
    account('a5', { groupId: 'g1', status: 'DISCONNECTED' }),
    account('a6', { groupId: 'g2', status: 'CLOSED' }),
  ];
  const consumption = { a1: { m3: 25, estimated: false }, a3: { m3: 10, estimated: false }, a4: { m3: 41, estimated: false } };
  const run = (billingMode: 'PER_ACCOUNT' | 'PER_GROUP' | 'PER_AGREEMENT') =>
    units(computeBilling(input({ agreement: agreement({ billingMode }), accounts, consumption })));

  it('PER_ACCOUNT: one AC unit per active account, ordered by account number', () => {
    const u = run('PER_ACCOUNT');
    expect(u.map((x) => [x.billingUnit, x.accountId, x.accountGroupId, x.accountIds])).toEqual([
      ['AC:a1', 'a1', 'g1', ['a1']],
      ['AC:a2', 'a2', 'g1', ['a2']],
      ['AC:a3', 'a3', 'g2', ['a3']],
      ['AC:a4', 'a4', null, ['a4']],
    ]);
  });

  it('PER_GROUP: one GR unit per group and the accounts without group in one AG unit', () => {
    const u = run('PER_GROUP');
    expect(u.map((x) => [x.billingUnit, x.accountId, x.accountGroupId, x.accountIds])).toEqual([
      ['GR:g1', null, 'g1', ['a1', 'a2']],
      ['GR:g2', null, 'g2', ['a3']],
      ['AG:agr', null, null, ['a4']],
    ]);
  });

  it('PER_AGREEMENT: a single AG unit with every active account', () => {
    const u = run('PER_AGREEMENT');
    expect(u.map((x) => [x.billingUnit, x.accountId, x.accountGroupId, x.accountIds])).toEqual([['AG:agr', null, null, ['a1', 'a2', 'a3', 'a4']]]);
  });

  it('only ACTIVE accounts are billed, and the total is the same whatever the mode', () => {
    const totals = (['PER_ACCOUNT', 'PER_GROUP', 'PER_AGREEMENT'] as const).map((m) => {
      const u = run(m);
      expect(u.flatMap((x) => x.items).some((i) => i.accountId === 'a5' || i.accountId === 'a6')).toBe(false);
      return sumMoney(u.map((x) => x.totals.total)).toFixed(2);
    });
    expect(new Set(totals).size).toBe(1);
  });

  it('unit totals are the exact sums of their items', () => {
    for (const u of run('PER_GROUP')) {
      expect(u.totals.total).toBe(sumMoney(u.items.map((i) => i.total)).toFixed(2));
      expect(u.totals.net).toBe(sumMoney(u.items.map((i) => i.net)).toFixed(2));
      expect(u.totals.tax).toBe(sumMoney(u.items.map((i) => i.tax)).toFixed(2));
    }
  });

  it('no active accounts → no units (the run records a skip)', () => {
    expect(units(computeBilling(input({ accounts: [account('a5', { status: 'DISCONNECTED' })] })))).toEqual([]);
  });

  it('billingUnitOf names the unit of an account', () => {
    expect(billingUnitOf('PER_ACCOUNT', 'agr', { id: 'a', groupId: 'g' })).toBe('AC:a');
    expect(billingUnitOf('PER_GROUP', 'agr', { id: 'a', groupId: 'g' })).toBe('GR:g');
    expect(billingUnitOf('PER_GROUP', 'agr', { id: 'a', groupId: null })).toBe('AG:agr');
    expect(billingUnitOf('PER_AGREEMENT', 'agr', { id: 'a', groupId: 'g' })).toBe('AG:agr');
  });
});

describe('computeBilling: amounts and omissions', () => {
  it('a concept amount overrides the tariff fixed charge; ONE_OFF automatic concepts bill their amount', () => {
    const oneOff = { ...MED, id: 'c-one', code: 'ONE', name: 'Cargo de reconexión', kind: 'ONE_OFF' as const, appliesTo: 'ALL' as const, amount: '1000.00' };
    const [u] = units(computeBilling(input({ concepts: [{ ...CF, amount: '75.00' }, oneOff] })));
    expect(u.items.map((i) => [i.conceptCode, i.net, i.tax])).toEqual([['CF', '75.00', '0.00'], ['ONE', '1000.00', '180.00']]);
  });

  it('zero-amount lines are left out', () => {
    const tariffs = new Map([['RES', { ...RES, fixedCharge: '0.00' }]]);
    const [u] = units(computeBilling(input({ tariffs, concepts: [CF, MED] })));
    expect(u.items.map((i) => i.conceptCode)).toEqual(['MED']);
  });

  it('an account with no applicable concept produces no unit', () => {
    expect(units(computeBilling(input({ accounts: [account('a1', { metered: false })], concepts: [MED], consumption: {} })))).toEqual([]);
  });

  it('the tariff is only required when a concept uses it', () => {
    const r = computeBilling(input({ accounts: [account('a1', { tariffCategoryId: 'NONE' })], concepts: [MED] }));
    expect(units(r)[0].items.map((i) => i.conceptCode)).toEqual(['MED']);
  });
});

describe('computeBilling: foreign currency', () => {
  const usd = (over: Parameters<typeof input>[0] = {}) => input({ agreement: agreement({ currency: 'USD' }), exchangeRate: '58.5', ...over });

  it('converts DOP unit prices at the rate (4 decimals) before computing lines', () => {
    const [u] = units(computeBilling(usd()));
    expect(u.items.map((i) => [i.conceptCode, i.quantity, i.unitPrice, i.gross, i.tax, i.total])).toEqual([
      ['CF', '1.000', '1.7094', '1.71', '0.00', '1.71'], // 100 / 58.5 = 1.709401…
      ['CA', '20.000', '0.1709', '3.42', '0.00', '3.42'], // 10 / 58.5 = 0.170940…; 20 × 0.1709 = 3.418
      ['CA', '5.000', '0.2650', '1.33', '0.00', '1.33'], // 15.5 / 58.5 = 0.264957…; 5 × 0.2650 = 1.325
      ['ALC', '1.000', '1.9400', '1.94', '0.00', '1.94'], // 30 % of 1.71 + 3.42 + 1.33 = 6.46 → 1.938
      ['MED', '1.000', '0.8547', '0.85', '0.15', '1.00'], // 50 / 58.5 = 0.854700…; 18 % of 0.85 = 0.153
    ]);
    expect(u.totals).toEqual({ gross: '9.25', discount: '0.00', net: '9.25', tax: '0.15', total: '9.40' });
  });

  it('every converted line reconciles: gross = round2(quantity × unit price)', () => {
    const r = computeBilling(usd({ agreement: agreement({ currency: 'USD', discountPct: '3.5', billingMode: 'PER_AGREEMENT' }), accounts: [account('a1'), account('a2')], consumption: { a1: { m3: 77, estimated: false }, a2: { m3: 3, estimated: false } } }));
    const [u] = units(r);
    for (const i of u.items) {
      expect(i.gross).toBe(money(i.quantity).times(i.unitPrice).toDecimalPlaces(2).toFixed(2));
      expect(money(i.gross).minus(i.discount).equals(money(i.net))).toBe(true);
      expect(money(i.net).plus(i.tax).equals(money(i.total))).toBe(true);
    }
    expect(u.totals.total).toBe(sumMoney(u.items.map((i) => i.total)).toFixed(2));
  });

  it('a tariff already in the invoice currency is not converted', () => {
    const tariffs = new Map([['RES', { ...RES, currency: 'USD', fixedCharge: '5.00' }]]);
    const [u] = units(computeBilling(usd({ tariffs, concepts: [CF] })));
    expect(u.items[0].unitPrice).toBe('5.0000');
  });
});

describe('computeBilling: typed errors', () => {
  it('NO_TARIFF when no tariff is in force for a category the concepts need', () => {
    const r = computeBilling(input({ accounts: [account('a1', { tariffCategoryId: 'IND' })] }));
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ code: 'NO_TARIFF', accountId: 'a1', tariffCategoryId: 'IND' }) });
    if (!r.ok) expect(r.error.message).toBe('No hay tarifa vigente en el período para la categoría de la cuenta A1.');
  });

  it('NO_CONSUMPTION for a metered account without a reading or estimate', () => {
    const r = computeBilling(input({ consumption: {} }));
    expect(r).toEqual({ ok: false, error: { code: 'NO_CONSUMPTION', accountId: 'a1', message: 'La cuenta A1 no tiene lectura ni consumo estimado para el período.' } });
  });

  it('NO_EXCHANGE_RATE for a foreign-currency agreement without a rate (or a zero rate)', () => {
    expect(computeBilling(input({ agreement: agreement({ currency: 'USD' }) }))).toMatchObject({ ok: false, error: { code: 'NO_EXCHANGE_RATE' } });
    expect(computeBilling(input({ agreement: agreement({ currency: 'USD' }), exchangeRate: '0' }))).toMatchObject({ ok: false, error: { code: 'NO_EXCHANGE_RATE' } });
  });

  it('INVALID_TARIFF when the tariff in force has broken blocks', () => {
    const tariffs = new Map([['RES', { ...RES, blocks: [{ fromM3: 0, toM3: 20, price: '1' }] }]]);
    expect(computeBilling(input({ tariffs }))).toMatchObject({ ok: false, error: { code: 'INVALID_TARIFF', accountId: 'a1' } });
  });

  it('CURRENCY_MISMATCH when a tariff is in a third currency', () => {
    const tariffs = new Map([['RES', { ...RES, currency: 'EUR' }]]);
    const r = computeBilling(input({ agreement: agreement({ currency: 'USD' }), exchangeRate: '58', tariffs }));
    expect(r).toMatchObject({ ok: false, error: { code: 'CURRENCY_MISMATCH', accountId: 'a1' } });
  });

  it('INVALID_CONCEPT when a one-off concept has no amount or a percentage no base', () => {
    const noAmount = { ...MED, kind: 'ONE_OFF' as const, amount: null };
    expect(computeBilling(input({ concepts: [noAmount] }))).toMatchObject({ ok: false, error: { code: 'INVALID_CONCEPT', conceptId: MED.id } });
    expect(computeBilling(input({ concepts: [{ ...SEW, baseGroupId: null }] }))).toMatchObject({ ok: false, error: { code: 'INVALID_CONCEPT' } });
  });

  it('one bad account fails the whole agreement (no partial invoices)', () => {
    const r = computeBilling(input({ agreement: agreement({ billingMode: 'PER_ACCOUNT' }), accounts: [account('a1'), account('a2')] }));
    expect(r).toMatchObject({ ok: false, error: { code: 'NO_CONSUMPTION', accountId: 'a2' } });
  });
});

describe('computeBilling: purity', () => {
  it('does not mutate its input and gives the same answer twice', () => {
    const i = input({ concepts: [MED, SEW, CA, CF] });
    const before = JSON.stringify({ ...i, consumptions: [...i.consumptions], tariffs: [...i.tariffs] });
    const a = computeBilling(i);
    const b = computeBilling(i);
    expect(a).toEqual(b);
    expect(JSON.stringify({ ...i, consumptions: [...i.consumptions], tariffs: [...i.tariffs] })).toBe(before);
    // concept order in the input does not change the item order
    expect(units(a)[0].items.map((x) => x.conceptCode)).toEqual(['CF', 'CA', 'CA', 'ALC', 'MED']);
  });
});
