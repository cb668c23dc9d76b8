import { z } from 'zod';
import { isDateOnly } from '@/lib/domain/dynamic-attributes';
import { CONCEPT_APPLIES_TO, CONCEPT_KIND_LABELS, CONCEPT_KINDS } from '@/lib/domain/billing/labels';
import { validateBlocks } from '@/lib/domain/billing/tariff';
import { money } from '@/lib/domain/money';

// Kinds and their labels are the billing domain's (lib/domain/billing/labels.ts); re-exported for the admin screens.
export { CONCEPT_APPLIES_TO_LABELS, CONCEPT_KIND_LABELS, type ConceptAppliesTo, type ConceptKind } from '@/lib/domain/billing/labels';

/** The label of a stored tax rate; e.g. '18.00' → 'ITBIS 18 %', '0.00' → 'Exento', '16.00' → '16 %'. */
export function taxRateLabel(rate: string): string {
  const r = money(rate);
  if (r.isZero()) return 'Exento';
  const pct = r.toDecimalPlaces(2).toString();
  return r.eq(18) ? `ITBIS ${pct} %` : `${pct} %`;
}

/** The rates an admin may choose: those concepts already use, plus ITBIS 18 % and exempt. Sorted, as 2-decimal strings. */
export function taxRateChoices(used: readonly string[]): string[] {
  const all = new Set(['18.00', '0.00', ...used.map((r) => money(r).toFixed(2))]);
  return [...all].sort((a, b) => money(b).comparedTo(money(a)));
}

const CODE_ERROR = 'El código lleva de 2 a 20 letras, dígitos o guiones, sin espacios (ej.: AGUA-FIJO).';
const code = z
  .string({ error: 'Indique el código.' })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9](?:[A-Z0-9-]{0,18}[A-Z0-9])?$/, { error: CODE_ERROR, abort: true })
  .min(2, { error: CODE_ERROR });
const name = z.string({ error: 'Indique el nombre.' }).trim().min(2, { error: 'Indique el nombre (mínimo 2 caracteres).' }).max(120, { error: 'Máximo 120 caracteres.' });
const position = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : '0'))
  .pipe(z.string().regex(/^\d{1,4}$/, { error: 'Indique un número entero de 0 a 9999.' }).transform(Number));
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Máximo ${max} caracteres.` })
    .optional()
    .transform((v) => (v ? v : null));
const uuidOrNull = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  .pipe(z.uuid({ error: 'Seleccione un grupo de la lista.' }).nullable());
const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('false'), z.boolean()])
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === true);

/** A decimal typed in a form, commas dropped: blank → null (checked by the kind rules below). */
const decimalText = () =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/,/g, '') : null));
const isDecimal = (v: string, places: number, intDigits = 12) => new RegExp(`^\\d{1,${intDigits}}(\\.\\d{1,${places}})?$`).test(v);

export const conceptGroupInputSchema = z.object({ code, name, position });
export type ConceptGroupInput = z.output<typeof conceptGroupInputSchema>;

const AMOUNT_ERROR = 'Indique un importe de 0 o más, con hasta 2 decimales (ej.: 850.00).';

/**
 * A concept as the admin types it. The rules that depend on the kind mirror the table's checks
 * (db/schema/billing.ts) and come back as field errors: ONE_OFF and LATE_FEE need an amount,
 * PERCENTAGE needs a percentage above 0 and a base group; fields that do not apply to the kind are dropped.
 */
export const conceptInputSchema = z
  .object({
    code,
    name,
    groupId: z.string({ error: 'Seleccione el grupo.' }).trim().pipe(z.uuid({ error: 'Seleccione el grupo.' })),
    kind: z.enum(CONCEPT_KINDS, { error: 'Seleccione el tipo de concepto.' }),
    appliesTo: z.enum(CONCEPT_APPLIES_TO, { error: 'Seleccione a qué cuentas se aplica.' }),
    automatic: checkbox,
    amount: decimalText(),
    percentage: decimalText(),
    baseGroupId: uuidOrNull,
    taxRate: z
      .string({ error: 'Seleccione la tasa de impuesto.' })
      .trim()
      .refine((v) => isDecimal(v, 2, 3) && money(v).lte(100), { error: 'Seleccione la tasa de impuesto.' })
      .transform((v) => money(v).toFixed(2)),
    accountingCode: optionalText(30).pipe(z.string().regex(/^[0-9A-Za-z.-]+$/, { error: 'Solo dígitos, letras, puntos y guiones (ej.: 4.1.01.001).' }).nullable()),
    position,
    active: checkbox,
  })
  .superRefine((c, ctx) => {
    const needsAmount = c.kind === 'ONE_OFF' || c.kind === 'LATE_FEE';
    const takesAmount = needsAmount || c.kind === 'FIXED_CHARGE';
    if (takesAmount && c.amount !== null && !isDecimal(c.amount, 2)) ctx.addIssue({ code: 'custom', path: ['amount'], message: AMOUNT_ERROR });
    if (needsAmount && c.amount === null) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: `Indique el importe: un ${CONCEPT_KIND_LABELS[c.kind].toLowerCase()} siempre lo lleva.` });
    }
    if (c.kind === 'PERCENTAGE') {
      if (c.percentage === null) ctx.addIssue({ code: 'custom', path: ['percentage'], message: 'Indique el porcentaje (ej.: 30).' });
      else if (!isDecimal(c.percentage, 4, 3) || money(c.percentage).lte(0)) {
        ctx.addIssue({ code: 'custom', path: ['percentage'], message: 'Indique un porcentaje mayor que 0 y menor que 1000, con hasta 4 decimales.' });
      }
      if (c.baseGroupId === null) ctx.addIssue({ code: 'custom', path: ['baseGroupId'], message: 'Seleccione el grupo sobre el que se calcula el porcentaje.' });
      else if (c.baseGroupId === c.groupId) ctx.addIssue({ code: 'custom', path: ['baseGroupId'], message: 'El grupo base no puede ser el grupo del propio concepto.' });
    }
  })
  .transform((c) => ({
    ...c,
    amount: c.kind === 'FIXED_CHARGE' || c.kind === 'ONE_OFF' || c.kind === 'LATE_FEE' ? (c.amount === null ? null : money(c.amount).toFixed(2)) : null,
    percentage: c.kind === 'PERCENTAGE' && c.percentage !== null ? money(c.percentage).toFixed(4) : null,
    baseGroupId: c.kind === 'PERCENTAGE' ? c.baseGroupId : null,
  }));
export type ConceptInput = z.output<typeof conceptInputSchema>;

export const conceptListSchema = z.object({
  group: z.uuid().optional().catch(undefined),
  kind: z.enum(CONCEPT_KINDS).optional().catch(undefined),
});

// Tariffs

export type TariffBlockInput = { fromM3: number; toM3: number | null; price: string };

const MONEY_FIELD_ERROR = 'Indique un importe de 0 o más, con hasta 2 decimales (ej.: 150.00).';
const moneyField = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .transform((v) => v.replace(/,/g, ''))
    .pipe(z.string().min(1, { error: missing }).refine((v) => isDecimal(v, 2), { error: MONEY_FIELD_ERROR }))
    .transform((v) => money(v).toFixed(2));

const rawBlock = z.object({ from: z.unknown(), to: z.unknown(), price: z.unknown() });
const asText = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');

/**
 * The form sends the block rows as parallel lists (`blockFrom[]`, `blockTo[]`, `blockPrice[]`);
 * code may pass `blocks: [{ from, to, price }]`. Either way the rows are checked one by one and each
 * problem is reported on its own key, e.g. `blocks.2.price`, so the form marks the right cell.
 */
function zipBlocks(raw: unknown) {
  if (typeof raw !== 'object' || raw === null) return raw;
  const r = raw as Record<string, unknown>;
  if (Array.isArray(r.blocks)) return r;
  const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
  const from = list(r.blockFrom);
  const to = list(r.blockTo);
  const price = list(r.blockPrice);
  const n = Math.max(from.length, to.length, price.length);
  return { ...r, blocks: Array.from({ length: n }, (_, i) => ({ from: from[i], to: to[i], price: price[i] })) };
}

/**
 * Reads the typed block rows and checks them with the domain's rules (validateBlocks: contiguous
 * from 0, each ending above its start, only the last open, prices ≥ 0 with up to 4 decimals).
 * Errors are keyed per cell: `blocks.<row>.from|to|price`, or `blocks` for the whole list.
 */
export function checkBlocks(rows: readonly { from: unknown; to: unknown; price: unknown }[]): { blocks: TariffBlockInput[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const blocks: TariffBlockInput[] = rows.map((row, i) => {
    const n = i + 1;
    const from = asText(row.from);
    const to = asText(row.to);
    const price = asText(row.price).replace(/,/g, '');
    if (!/^\d{1,7}$/.test(from)) errors[`blocks.${i}.from`] = `El tramo ${n} debe empezar en un número entero de m³ (0 o más).`;
    if (to !== '' && !/^\d{1,7}$/.test(to)) errors[`blocks.${i}.to`] = `El tramo ${n} debe terminar en un número entero de m³.`;
    if (price === '') errors[`blocks.${i}.price`] = `Indique el precio por m³ del tramo ${n}.`;
    else if (!/^\d{1,12}(\.\d+)?$/.test(price)) errors[`blocks.${i}.price`] = `El precio del tramo ${n} debe ser un importe de 0 o más (ej.: 12.50).`;
    return {
      fromM3: errors[`blocks.${i}.from`] ? -1 : Number(from),
      toM3: to === '' || errors[`blocks.${i}.to`] ? null : Number(to),
      price: errors[`blocks.${i}.price`] ? '0' : price,
    };
  });
  const checked = validateBlocks(blocks.map((b, i) => (errors[`blocks.${i}.from`] ? { ...b, fromM3: Number.NaN } : b)));
  if (!checked.ok) {
    for (const issue of checked.issues) {
      const key = issue.index === null ? 'blocks' : `blocks.${issue.index}.${issue.field === 'fromM3' ? 'from' : issue.field === 'toM3' ? 'to' : 'price'}`;
      errors[key] ??= issue.message;
    }
  }
  return { blocks: blocks.map((b) => ({ ...b, price: money(b.price).toFixed(4) })), errors };
}

export const tariffInputSchema = z.preprocess(
  zipBlocks,
  z
    .object({
      tariffCategoryId: z.string({ error: 'Seleccione la categoría tarifaria.' }).trim().pipe(z.uuid({ error: 'Seleccione la categoría tarifaria.' })),
      effectiveFrom: z.string({ error: 'Indique la fecha de vigencia.' }).trim().refine(isDateOnly, { error: 'Indique una fecha válida (AAAA-MM-DD).' }),
      fixedCharge: moneyField('Indique el cargo fijo (0 si no tiene).'),
      flatRate: moneyField('Indique la tarifa plana de las cuentas sin medidor (0 si no tiene).'),
      notes: optionalText(500),
      blocks: z.array(rawBlock).max(20, { error: 'Máximo 20 tramos.' }),
    })
    // Runs even when other fields failed, so every mistake shows at once.
    .superRefine((t, ctx) => {
      for (const [key, message] of Object.entries(checkBlocks(Array.isArray(t.blocks) ? t.blocks : []).errors)) ctx.addIssue({ code: 'custom', path: [key], message });
    })
    .transform((t) => ({ ...t, blocks: checkBlocks(t.blocks).blocks })),
);
export type TariffInput = z.output<typeof tariffInputSchema>;

export const tariffListSchema = z.object({ category: z.uuid().optional().catch(undefined) });

/** The m³ of the simulate box: whole cubic metres, 0 to 9,999,999. */
export const simulateSchema = z.object({ m3: z.string().trim().regex(/^\d{1,7}$/).transform(Number).optional().catch(undefined) });

/** 'YYYY-MM' of a date 'YYYY-MM-DD'. */
const monthOf = (date: string) => date.slice(0, 7);

/**
 * Whether a tariff can still change. A period is billed with the tariff in force on its last day, so
 * a tariff from `effectiveFrom` has priced every period from its month on; once any period from that
 * month on has been invoiced (and the date has passed), editing it would rewrite issued invoices.
 * e.g. tariffLocked('2025-01-01', '2026-11-23', '2026-10') → true; tariffLocked('2026-12-01', …) → false.
 */
export function tariffLocked(effectiveFrom: string, today: string, lastBilledPeriod: string | null): boolean {
  return effectiveFrom <= today && lastBilledPeriod !== null && monthOf(effectiveFrom) <= lastBilledPeriod;
}

/**
 * Whether a tariff may start on `effectiveFrom`: not inside a period already invoiced, since that
 * would change the tariff those invoices were priced with. e.g. ('2026-10-15', '2026-10') → false.
 */
export function tariffDateAllowed(effectiveFrom: string, lastBilledPeriod: string | null): boolean {
  return lastBilledPeriod === null || monthOf(effectiveFrom) > lastBilledPeriod;
}

/** The first day after a billed period, where a new tariff may start; e.g. '2026-10' → '2026-11-01', '2026-12' → '2027-01-01'. */
export function firstDayAfter(period: string): string {
  const [y, m] = period.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
