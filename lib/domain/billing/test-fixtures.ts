/** Shared fixtures for the billing unit tests (not a test file itself). */
import type { BillingAccount, BillingAgreement, BillingConcept, BillingTariff, ComputeInput, Consumption } from './compute';

export const AGUA = 'g-agua';
export const ALC = 'g-alc';
export const VAR = 'g-var';

export const CF: BillingConcept = {
  id: 'c-cf', code: 'CF', name: 'Cargo fijo', kind: 'FIXED_CHARGE', appliesTo: 'ALL', amount: null, percentage: null,
  baseGroupId: null, taxRate: '0', groupId: AGUA, groupName: 'Agua potable', groupPosition: 1, position: 1,
};
export const CA: BillingConcept = {
  id: 'c-ca', code: 'CA', name: 'Consumo de agua', kind: 'CONSUMPTION', appliesTo: 'METERED', amount: null, percentage: null,
  baseGroupId: null, taxRate: '0', groupId: AGUA, groupName: 'Agua potable', groupPosition: 1, position: 2,
};
export const SEW: BillingConcept = {
  id: 'c-alc', code: 'ALC', name: 'Alcantarillado', kind: 'PERCENTAGE', appliesTo: 'ALL', amount: null, percentage: '30.0000',
  baseGroupId: AGUA, taxRate: '0', groupId: ALC, groupName: 'Alcantarillado', groupPosition: 2, position: 1,
};
export const MED: BillingConcept = {
  id: 'c-med', code: 'MED', name: 'Alquiler de medidor', kind: 'FIXED_CHARGE', appliesTo: 'METERED', amount: '50.00', percentage: null,
  baseGroupId: null, taxRate: '18.00', groupId: VAR, groupName: 'Cargos varios', groupPosition: 3, position: 1,
};
export const CONCEPTS = [CF, CA, SEW, MED];

export const RES: BillingTariff = {
  id: 't-res', fixedCharge: '100.00', flatRate: '450.00',
  blocks: [{ fromM3: 0, toM3: 20, price: '10.0000' }, { fromM3: 20, toM3: 40, price: '15.5000' }, { fromM3: 40, toM3: null, price: '25.0000' }],
};
export const COM: BillingTariff = {
  id: 't-com', fixedCharge: '300.00', flatRate: '900.00',
  blocks: [{ fromM3: 0, toM3: 50, price: '20.0000' }, { fromM3: 50, toM3: null, price: '30.0000' }],
};

export const account = (id: string, over: Partial<BillingAccount> = {}): BillingAccount => ({
  id, number: id.toUpperCase(), description: `Cuenta ${id}`, groupId: null, tariffCategoryId: 'RES', metered: true, status: 'ACTIVE', ...over,
});

export const agreement = (over: Partial<BillingAgreement> = {}): BillingAgreement => ({
  id: 'agr', billingMode: 'PER_ACCOUNT', billingOpportunity: 'METERED', discountPct: '0.00', currency: 'DOP', itemGrouping: 'SIMPLE', dueDays: 30, ...over,
});

export function input(over: Partial<ComputeInput> & { consumption?: Record<string, Consumption> } = {}): ComputeInput {
  const { consumption, ...rest } = over;
  return {
    agreement: agreement(),
    accounts: [account('a1')],
    consumptions: new Map(Object.entries(consumption ?? { a1: { m3: 25, estimated: false } })),
    tariffs: new Map([['RES', RES], ['COM', COM]]),
    concepts: CONCEPTS,
    exchangeRate: null,
    ...rest,
  };
}
