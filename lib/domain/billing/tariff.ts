/**
 * Block tariffs. A block covers the consumption range (fromM3, toM3]: "from" exclusive, "to"
 * inclusive; the last block has toM3 = null ("and above"). With blocks 0–20, 20–40, 40+ a
 * consumption of 20 m³ is all in block 1, 21 m³ is 20 in block 1 + 1 in block 2, and 25 m³ is
 * 20 + 5. Readings are whole m³, so for people the blocks read "0–20", "21–40", "41+" (blockLabel).
 * Pure functions, no I/O.
 */
import { Decimal, money, type MoneyInput } from '@/lib/domain/money';
import { formatUnitPrice } from './lines';
import { periodBounds } from './period';

export interface TariffBlock {
  fromM3: number;
  /** Inclusive upper bound; null = no upper bound (only the last block). */
  toM3: number | null;
  /** Price per m³ (≤ 4 decimals). */
  price: MoneyInput;
}

/** The part of a consumption billed at one block's price. */
export interface BlockCharge {
  fromM3: number;
  toM3: number | null;
  /** Whole m³ billed in this block (> 0). */
  quantity: number;
  /** The block's price, 4 decimals. */
  unitPrice: string;
  /** e.g. '21–40 m³'. */
  label: string;
}

export interface BlockIssue {
  /** Index of the block (0-based) or null for the whole list. */
  index: number | null;
  field?: 'fromM3' | 'toM3' | 'price';
  message: string;
}

export type BlocksValidation = { ok: true } | { ok: false; issues: BlockIssue[] };

const isWhole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

function priceOf(p: MoneyInput): Decimal | null {
  try {
    return money(p);
  } catch {
    return null;
  }
}

// Blocks must start at 0, be contiguous and increasing, with prices ≥ 0 and only the last one open; e.g. [0–20, 20–∞] → ok, [0–20, 25–∞] → "El tramo 2 debe empezar en 20 m³…".
export function validateBlocks(blocks: readonly TariffBlock[]): BlocksValidation {
  const issues: BlockIssue[] = [];
  if (blocks.length === 0) return { ok: false, issues: [{ index: null, message: 'Defina al menos un tramo de consumo.' }] };
  let expectedFrom: number | null = 0;
  blocks.forEach((b, i) => {
    const n = i + 1;
    const last = i === blocks.length - 1;
    if (!isWhole(b.fromM3)) {
      issues.push({ index: i, field: 'fromM3', message: `El tramo ${n} debe empezar en un número entero de m³ (0 o más).` });
    } else if (expectedFrom !== null && b.fromM3 !== expectedFrom) {
      issues.push({
        index: i,
        field: 'fromM3',
        message: i === 0 ? 'El primer tramo debe empezar en 0 m³.' : `El tramo ${n} debe empezar en ${expectedFrom} m³, donde termina el anterior.`,
      });
    }
    if (b.toM3 === null) {
      if (!last) issues.push({ index: i, field: 'toM3', message: `Solo el último tramo puede quedar abierto; indique hasta cuántos m³ llega el tramo ${n}.` });
    } else if (!isWhole(b.toM3)) {
      issues.push({ index: i, field: 'toM3', message: `El tramo ${n} debe terminar en un número entero de m³.` });
    } else if (isWhole(b.fromM3) && b.toM3 <= b.fromM3) {
      issues.push({ index: i, field: 'toM3', message: `En el tramo ${n}, «hasta» debe ser mayor que «desde».` });
    } else if (last) {
      issues.push({ index: i, field: 'toM3', message: 'El último tramo debe quedar abierto (sin «hasta»), para cualquier consumo mayor.' });
    }
    const price = priceOf(b.price);
    if (price === null) issues.push({ index: i, field: 'price', message: `El precio del tramo ${n} no es un importe válido.` });
    else if (price.isNeg()) issues.push({ index: i, field: 'price', message: `El precio del tramo ${n} no puede ser negativo.` });
    else if (price.decimalPlaces() > 4) issues.push({ index: i, field: 'price', message: `El precio del tramo ${n} admite hasta 4 decimales.` });
    expectedFrom = b.toM3 !== null && isWhole(b.toM3) ? b.toM3 : null;
  });
  return issues.length === 0 ? { ok: true } : { ok: false, issues };
}

// How people read a block with whole m³; e.g. {0,20} → '0–20 m³', {20,40} → '21–40 m³', {40,null} → '41+ m³'.
export function blockLabel(block: Pick<TariffBlock, 'fromM3' | 'toM3'>): string {
  const from = block.fromM3 === 0 ? 0 : block.fromM3 + 1;
  return block.toM3 === null ? `${from}+ m³` : `${from}–${block.toM3} m³`;
}

// Splits a whole-m³ consumption over blocks already validated, (from, to] each, omitting empty blocks; e.g. 21 m³ on 0–20/20–∞ → [20, 1].
export function splitBlocks<B extends Pick<TariffBlock, 'fromM3' | 'toM3'>>(m3: number, blocks: readonly B[]): { block: B; quantity: number }[] {
  const parts: { block: B; quantity: number }[] = [];
  for (const b of blocks) {
    if (m3 <= b.fromM3) break;
    parts.push({ block: b, quantity: (b.toM3 === null ? m3 : Math.min(m3, b.toM3)) - b.fromM3 });
  }
  return parts;
}

// Splits a whole-m³ consumption over valid blocks, (from, to] each, omitting empty blocks; e.g. 25 m³ on 0–20/20–40/40+ → [20 @ block 1, 5 @ block 2]; 0 m³ → [].
export function consumptionCharge(m3: number, blocks: readonly TariffBlock[]): BlockCharge[] {
  if (!isWhole(m3)) throw new RangeError(`Consumo no válido: ${m3} (se esperan m³ enteros ≥ 0)`);
  const v = validateBlocks(blocks);
  if (!v.ok) throw new RangeError(`Tramos no válidos: ${v.issues.map((x) => x.message).join(' ')}`);
  return splitBlocks(m3, blocks).map(({ block: b, quantity }) => ({
    fromM3: b.fromM3,
    toM3: b.toM3,
    quantity,
    unitPrice: formatUnitPrice(b.price),
    label: blockLabel(b),
  }));
}

// The tariff in force for a period: the latest whose effectiveFrom ≤ the period's last day (null if none); e.g. from 2026-10-15 is in force for '2026-10'.
export function tariffInForce<T extends { effectiveFrom: string }>(tariffs: readonly T[], period: string): T | null {
  const { last } = periodBounds(period);
  let best: T | null = null;
  for (const t of tariffs) {
    // 'YYYY-MM-DD' strings compare like the dates they name.
    if (t.effectiveFrom <= last && (best === null || t.effectiveFrom > best.effectiveFrom)) best = t;
  }
  return best;
}
