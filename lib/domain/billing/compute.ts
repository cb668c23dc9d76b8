/**
 * The billing of one agreement for one period, as a pure function: which invoices (billing
 * units) it produces and their items, or a typed error the run records for that agreement.
 *
 * Rules
 * - Only ACTIVE accounts are billed. An account is *metered* when the agreement's billing
 *   opportunity is METERED and the account has a meter; otherwise it is billed as unmetered.
 *   A metered account without a consumption for the period is an error (NO_CONSUMPTION).
 * - Billing units: PER_ACCOUNT → 'AC:<account>' per account; PER_AGREEMENT → one 'AG:<agreement>';
 *   PER_GROUP → 'GR:<group>' per account group, and the accounts WITHOUT a group go together in
 *   one 'AG:<agreement>' unit (they still need an invoice; the AG key cannot collide because a
 *   PER_GROUP agreement has no other AG unit). A unit without items is omitted.
 * - Concepts (the automatic ones, as given) apply per account, filtered by appliesTo
 *   (ALL / METERED / UNMETERED as defined above):
 *   FIXED_CHARGE with an amount → that amount; without → the tariff's fixed charge (metered) or
 *   flat rate (unmetered). CONSUMPTION → one line per tariff block used (metered only; at 0 m³ a
 *   single 0 line so the invoice shows the consumption). ONE_OFF / LATE_FEE → their amount.
 *   PERCENTAGE → percentage × the net of that account's lines whose concept is in baseGroupId,
 *   computed after all other concepts (and after earlier percentage concepts, by position).
 * - Discount: the agreement's discountPct applies to every charge line, never to tax. A
 *   PERCENTAGE line takes no discount of its own: its base is already net of the discount
 *   (sewerage = 30 % of the water actually charged), so the discount is applied exactly once.
 * - Lines with a zero amount are left out (except the 0 m³ consumption line).
 * - Currency: tariffs are in their own currency (default DOP) and concept amounts in DOP. For an
 *   invoice in another currency each DOP unit price is converted (lines.ts convert, 4 decimals)
 *   before the line is computed, so every line and total reconciles in the invoice currency.
 * - Order: units by their first account number; items by account number, then concept group
 *   position, concept position, concept code, and block.
 */
import type { BillingMode, BillingOpportunity, ItemGrouping } from '@/lib/domain/billing-frequency';
import { Decimal, money, type MoneyInput } from '@/lib/domain/money';
import type { ConceptAppliesTo, ConceptKind } from './labels';
import { convert, exactLine, formatRate, formatUnitPrice, sumLines, type ExactLine, type LineAmounts } from './lines';
import { LOCAL_CURRENCY } from './invoice-class';
import { blockLabel, splitBlocks, validateBlocks, type TariffBlock } from './tariff';

export interface BillingAgreement {
  id: string;
  billingMode: BillingMode;
  billingOpportunity: BillingOpportunity;
  /** Percent 0–100. */
  discountPct: MoneyInput;
  /** Invoice currency: 'DOP', 'USD', 'EUR'. */
  currency: string;
  /** Not used to compute; carried so callers can pass the agreement row as is. */
  itemGrouping?: ItemGrouping;
  dueDays?: number;
}

export interface BillingAccount {
  id: string;
  number: string;
  description: string;
  groupId: string | null;
  tariffCategoryId: string;
  /** The account has a meter. */
  metered: boolean;
  /** Only 'ACTIVE' is billed. */
  status: string;
}

export interface Consumption {
  /** Whole m³ for the period. */
  m3: number;
  estimated: boolean;
}

/** The tariff in force for the period for one category (see tariffInForce). */
export interface BillingTariff {
  id: string;
  /** Currency of fixedCharge, flatRate and block prices (default 'DOP'). */
  currency?: string;
  fixedCharge: MoneyInput;
  flatRate: MoneyInput;
  blocks: readonly TariffBlock[];
}

export interface BillingConcept {
  id: string;
  code: string;
  name: string;
  kind: ConceptKind;
  appliesTo: ConceptAppliesTo;
  /** DOP; null for FIXED_CHARGE = tariff fixed charge / flat rate. */
  amount: MoneyInput | null;
  /** Percent, PERCENTAGE only. */
  percentage: MoneyInput | null;
  baseGroupId: string | null;
  /** Percent 0–100 (e.g. '18.00' ITBIS, '0' exempt). */
  taxRate: MoneyInput;
  groupId: string;
  groupName: string;
  groupPosition?: number;
  position: number;
}

export interface ComputeInput {
  agreement: BillingAgreement;
  accounts: readonly BillingAccount[];
  /** accountId → consumption of the period (metered accounts). */
  consumptions: ReadonlyMap<string, Consumption>;
  /** tariffCategoryId → tariff in force for the period. */
  tariffs: ReadonlyMap<string, BillingTariff>;
  /** The automatic concepts billed by the run. */
  concepts: readonly BillingConcept[];
  /** DOP per unit of the agreement's currency; required when it is not DOP. */
  exchangeRate?: MoneyInput | null;
}

/** One invoice item, every number as the decimal string stored in invoice_items. */
export interface BillingItem extends LineAmounts {
  accountId: string;
  conceptId: string;
  conceptCode: string;
  conceptName: string;
  conceptGroupName: string;
  description: string;
  /** 3 decimals. */
  quantity: string;
  /** 4 decimals, in the invoice currency. */
  unitPrice: string;
  /** 2 decimals. */
  taxRate: string;
}

/** What one automatic invoice bills. */
export interface BillingUnit {
  /** 'AG:<agreementId>' | 'GR:<groupId>' | 'AC:<accountId>'. */
  billingUnit: string;
  /** Set for GR units, and for AC units of an account in a group. */
  accountGroupId: string | null;
  /** Set for AC units. */
  accountId: string | null;
  /** Accounts billed by this unit (for billed_accounts), in item order. */
  accountIds: string[];
  items: BillingItem[];
  totals: LineAmounts;
}

export const BILLING_ERROR_CODES = ['NO_TARIFF', 'INVALID_TARIFF', 'NO_CONSUMPTION', 'NO_EXCHANGE_RATE', 'CURRENCY_MISMATCH', 'INVALID_CONCEPT'] as const;
export type BillingErrorCode = (typeof BILLING_ERROR_CODES)[number];

export interface BillingError {
  code: BillingErrorCode;
  /** Spanish, for the run's issue list. */
  message: string;
  accountId?: string;
  conceptId?: string;
  tariffCategoryId?: string;
}

export type ComputeResult = { ok: true; units: BillingUnit[] } | { ok: false; error: BillingError };

class BillingFailure extends Error {
  constructor(readonly error: BillingError) {
    super(error.message);
  }
}
const fail = (error: BillingError): never => {
  throw new BillingFailure(error);
};

// The unit an account is billed in; e.g. PER_GROUP with no group → 'AG:<agreement>', PER_ACCOUNT → 'AC:<account>'.
export function billingUnitOf(mode: BillingMode, agreementId: string, account: Pick<BillingAccount, 'id' | 'groupId'>): string {
  if (mode === 'PER_ACCOUNT') return `AC:${account.id}`;
  if (mode === 'PER_GROUP' && account.groupId) return `GR:${account.groupId}`;
  return `AG:${agreementId}`;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function lowerFirst(s: string): string {
  return s.length === 0 ? s : s[0].toLocaleLowerCase('es') + s.slice(1);
}

function pct(x: MoneyInput, what: string): Decimal {
  const d = money(x);
  if (d.isNeg() || d.greaterThan(100)) throw new RangeError(`${what} fuera de 0–100: ${d.toString()}`);
  return d;
}

const ZERO_DISCOUNT = new Decimal(0);
/** Bound of the per-run line memo (cleared when full). */
const MAX_MEMO = 50_000;

/** A unit price in the invoice currency, parsed once per run. */
interface Price {
  text: string;
  value: Decimal;
}

interface PreparedConcept {
  concept: BillingConcept;
  taxRate: Decimal;
  taxRateText: string;
  percentage: Decimal | null;
}

interface PreparedBlock {
  fromM3: number;
  toM3: number | null;
  label: string;
  price: MoneyInput;
}

interface Work {
  sort: number;
  item: BillingItem;
  groupId: string;
  line: ExactLine;
}

/**
 * Everything parsed or converted once per call: the per-account loop then only multiplies,
 * which keeps a large PER_ACCOUNT agreement (or a bench of a million accounts) fast.
 */
class Run {
  readonly currency: string;
  readonly discount: Decimal;
  readonly groupNames: Map<string, string>;
  readonly concepts: PreparedConcept[];
  private readonly prices = new Map<string, Price>();
  private readonly blocks = new Map<BillingTariff, PreparedBlock[]>();
  private readonly lines = new Map<string, ExactLine>();
  private readonly rate: MoneyInput | null;

  constructor(readonly input: ComputeInput) {
    this.currency = input.agreement.currency;
    this.rate = input.exchangeRate ?? null;
    this.discount = pct(input.agreement.discountPct, 'Descuento');
    this.groupNames = new Map(input.concepts.map((c) => [c.groupId, c.groupName]));
    this.concepts = [...input.concepts]
      .sort((a, b) => (a.groupPosition ?? 0) - (b.groupPosition ?? 0) || a.position - b.position || byText(a.code, b.code))
      .map((c) => {
        const taxRate = pct(c.taxRate, 'Tasa de impuesto');
        return { concept: c, taxRate, taxRateText: formatRate(taxRate), percentage: c.percentage === null ? null : money(c.percentage) };
      });
  }

  // An amount in `from` currency as a unit price in the invoice currency (DOP → foreign converted at the rate).
  price(amount: MoneyInput, from: string, account: BillingAccount): Price {
    const key = `${from}|${String(amount)}`;
    let p = this.prices.get(key);
    if (!p) {
      let text: string;
      if (from === this.currency) text = formatUnitPrice(amount);
      else if (from === LOCAL_CURRENCY) text = convert(amount, this.rate as MoneyInput);
      else {
        return fail({
          code: 'CURRENCY_MISMATCH',
          accountId: account.id,
          message: `La tarifa de la cuenta ${account.number} está en ${from} y el acuerdo factura en ${this.currency}.`,
        });
      }
      p = { text, value: new Decimal(text) };
      this.prices.set(key, p);
    }
    return p;
  }

  // Line arithmetic memoized per run: most accounts repeat the same lines (fixed charge, full blocks).
  line(quantity: number, price: Price, discount: Decimal, pc: PreparedConcept): ExactLine {
    const key = `${quantity}|${price.text}|${discount === ZERO_DISCOUNT ? 0 : 1}|${pc.taxRateText}`;
    let line = this.lines.get(key);
    if (!line) {
      line = exactLine(new Decimal(quantity), price.value, discount, pc.taxRate);
      if (this.lines.size >= MAX_MEMO) this.lines.clear();
      this.lines.set(key, line);
    }
    return line;
  }

  tariff(account: BillingAccount): { tariff: BillingTariff; blocks: PreparedBlock[] } {
    const tariff = this.input.tariffs.get(account.tariffCategoryId);
    if (!tariff) {
      return fail({
        code: 'NO_TARIFF',
        accountId: account.id,
        tariffCategoryId: account.tariffCategoryId,
        message: `No hay tarifa vigente en el período para la categoría de la cuenta ${account.number}.`,
      });
    }
    let blocks = this.blocks.get(tariff);
    if (!blocks) {
      if (!validateBlocks(tariff.blocks).ok) {
        return fail({
          code: 'INVALID_TARIFF',
          accountId: account.id,
          tariffCategoryId: account.tariffCategoryId,
          message: `La tarifa vigente de la cuenta ${account.number} tiene tramos no válidos.`,
        });
      }
      blocks = tariff.blocks.map((b) => ({ fromM3: b.fromM3, toM3: b.toM3, label: blockLabel(b), price: b.price }));
      this.blocks.set(tariff, blocks);
    }
    return { tariff, blocks };
  }
}

function work(run: Run, sort: number, account: BillingAccount, pc: PreparedConcept, description: string, quantity: number, price: Price, discount: Decimal): Work {
  const c = pc.concept;
  const line = run.line(quantity, price, discount, pc);
  return {
    sort,
    groupId: c.groupId,
    line,
    item: {
      accountId: account.id,
      conceptId: c.id,
      conceptCode: c.code,
      conceptName: c.name,
      conceptGroupName: c.groupName,
      description,
      quantity: `${quantity}.000`,
      unitPrice: price.text,
      ...line.amounts,
      taxRate: pc.taxRateText,
    },
  };
}


function accountItems(run: Run, account: BillingAccount): Work[] {
  const metered = run.input.agreement.billingOpportunity === 'METERED' && account.metered;
  const applies = (c: BillingConcept) => c.appliesTo === 'ALL' || (c.appliesTo === 'METERED') === metered;
  const out: Work[] = [];
  const push = (w: Work, keepZero = false) => {
    if (keepZero || !w.line.gross.isZero()) out.push(w);
  };

  run.concepts.forEach((pc, sort) => {
    const c = pc.concept;
    if (!applies(c) || c.kind === 'PERCENTAGE') return;
    if (c.kind === 'CONSUMPTION') {
      if (!metered) return;
      const consumption = run.input.consumptions.get(account.id);
      if (!consumption) {
        return fail({ code: 'NO_CONSUMPTION', accountId: account.id, message: `La cuenta ${account.number} no tiene lectura ni consumo estimado para el período.` });
      }
      if (!Number.isInteger(consumption.m3) || consumption.m3 < 0) throw new RangeError(`Consumo no válido: ${consumption.m3}`);
      const { tariff, blocks } = run.tariff(account);
      const from = tariff.currency ?? LOCAL_CURRENCY;
      const suffix = consumption.estimated ? ', estimado' : '';
      const parts = splitBlocks(consumption.m3, blocks);
      if (parts.length === 0) {
        push(work(run, sort, account, pc, `${c.name} (0 m³${suffix})`, 0, run.price(blocks[0].price, from, account), run.discount), true);
      }
      for (const { block, quantity } of parts) {
        const description = `${c.name} ${block.label} (${quantity} m³${suffix})`;
        push(work(run, sort, account, pc, description, quantity, run.price(block.price, from, account), run.discount));
      }
      return;
    }
    let amount: MoneyInput;
    let from = LOCAL_CURRENCY;
    if (c.amount !== null) amount = c.amount;
    else if (c.kind === 'FIXED_CHARGE') {
      const { tariff } = run.tariff(account);
      amount = metered ? tariff.fixedCharge : tariff.flatRate;
      from = tariff.currency ?? LOCAL_CURRENCY;
    } else {
      return fail({ code: 'INVALID_CONCEPT', conceptId: c.id, message: `El concepto ${c.code} no tiene importe.` });
    }
    push(work(run, sort, account, pc, c.name, 1, run.price(amount, from, account), run.discount));
  });

  // Percentage concepts last, over the net already computed for this account (earlier percentages included).
  run.concepts.forEach((pc, sort) => {
    const c = pc.concept;
    if (!applies(c) || c.kind !== 'PERCENTAGE') return;
    if (pc.percentage === null || c.baseGroupId === null) {
      return fail({ code: 'INVALID_CONCEPT', conceptId: c.id, message: `El concepto ${c.code} no indica porcentaje y grupo base.` });
    }
    let base = new Decimal(0);
    for (const w of out) if (w.groupId === c.baseGroupId) base = base.plus(w.line.net);
    if (base.isZero()) return;
    const amount = base.times(pc.percentage).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    const text = amount.toFixed(4);
    const baseName = lowerFirst(run.groupNames.get(c.baseGroupId) ?? 'base');
    const description = `${c.name} ${pc.percentage.toString()} % s/ ${baseName}`;
    push(work(run, sort, account, pc, description, 1, { text, value: amount }, ZERO_DISCOUNT));
  });

  // Stable: concept order, then insertion (block) order.
  return out.map((w, i) => ({ w, i })).sort((a, b) => a.w.sort - b.w.sort || a.i - b.i).map((x) => x.w);
}

const KEYS = ['gross', 'discount', 'net', 'tax', 'total'] as const;

// Bills one agreement for one period: billing units with items and totals, or the first typed error; e.g. PER_ACCOUNT with 2 active accounts → 2 'AC:' units.
export function computeBilling(input: ComputeInput): ComputeResult {
  const { agreement } = input;
  const rate = input.exchangeRate ?? null;
  if (agreement.currency !== LOCAL_CURRENCY && (rate === null || !money(rate).greaterThan(0))) {
    return { ok: false, error: { code: 'NO_EXCHANGE_RATE', message: `No hay tasa de cambio ${agreement.currency} para el período.` } };
  }
  const accounts = input.accounts.filter((a) => a.status === 'ACTIVE').sort((a, b) => byText(a.number, b.number) || byText(a.id, b.id));
  const units = new Map<string, { unit: BillingUnit; sums: Record<(typeof KEYS)[number], Decimal> }>();
  try {
    const run = new Run(input);
    // A broken tariff fails the agreement even when this period's concepts would not touch it.
    for (const a of accounts) if (input.tariffs.has(a.tariffCategoryId)) run.tariff(a);
    for (const account of accounts) {
      const items = accountItems(run, account);
      if (items.length === 0) continue;
      const key = billingUnitOf(agreement.billingMode, agreement.id, account);
      let entry = units.get(key);
      if (!entry) {
        const zero = new Decimal(0);
        entry = {
          unit: {
            billingUnit: key,
            accountGroupId: key.startsWith('AG:') ? null : account.groupId,
            accountId: key.startsWith('AC:') ? account.id : null,
            accountIds: [],
            items: [],
            totals: sumLines([]),
          },
          sums: { gross: zero, discount: zero, net: zero, tax: zero, total: zero },
        };
        units.set(key, entry);
      }
      entry.unit.accountIds.push(account.id);
      for (const w of items) {
        entry.unit.items.push(w.item);
        for (const k of KEYS) entry.sums[k] = entry.sums[k].plus(w.line[k]);
      }
    }
  } catch (e) {
    if (e instanceof BillingFailure) return { ok: false, error: e.error };
    throw e;
  }
  return {
    ok: true,
    units: [...units.values()].map(({ unit, sums }) => {
      const fixed = (d: Decimal) => (d.isZero() ? '0.00' : d.toFixed(2));
      unit.totals = { gross: fixed(sums.gross), discount: fixed(sums.discount), net: fixed(sums.net), tax: fixed(sums.tax), total: fixed(sums.total) };
      return unit;
    }),
  };
}
