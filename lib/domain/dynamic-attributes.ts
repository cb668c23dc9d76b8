/**
 * Dynamic attributes (atributos dinámicos): admin-defined fields on agreements, account groups and
 * accounts. Definitions are validated with `definitionSchema`; values typed into a form are checked
 * against their definitions with `validateAttributeValues`. Pure functions, no I/O.
 */
import { z } from 'zod';
import { money } from './money';

export const ATTRIBUTE_TYPES = ['TEXT', 'NUMBER', 'DATE', 'BOOLEAN', 'CHOICE'] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export const ATTRIBUTE_TYPE_LABELS: Record<AttributeType, string> = {
  TEXT: 'Texto',
  NUMBER: 'Número',
  DATE: 'Fecha',
  BOOLEAN: 'Sí / No',
  CHOICE: 'Lista de opciones',
};

export const ATTRIBUTE_ENTITIES = ['AGREEMENT', 'ACCOUNT_GROUP', 'ACCOUNT'] as const;
export type AttributeEntity = (typeof ATTRIBUTE_ENTITIES)[number];

export const ATTRIBUTE_ENTITY_LABELS: Record<AttributeEntity, string> = {
  AGREEMENT: 'Acuerdo',
  ACCOUNT_GROUP: 'Grupo de cuentas',
  ACCOUNT: 'Cuenta',
};

export type AttributeDefinition = {
  key: string;
  label: string;
  type: AttributeType;
  required: boolean;
  options: string[] | null;
};

/** NUMBER values are kept as normalized decimal strings ('1234.5'), never floats. */
export type AttributeValue = string | number | boolean | null;

export type AttributeValidation =
  | { ok: true; values: Record<string, AttributeValue> }
  | { ok: false; fieldErrors: Record<string, string[]> };

export const MAX_TEXT_LENGTH = 500;
export const REQUIRED_ERROR = 'Este campo es obligatorio.';

// Lowercase snake_case, 2–40 chars, starting with a letter, no '__' or trailing '_'; e.g. 'zona_riego' → true, 'Zona' / '1zona' / 'zona_' → false.
export function attributeKeyValid(key: string): boolean {
  return key.length >= 2 && key.length <= 40 && /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(key);
}

// Real calendar date in 'YYYY-MM-DD'; e.g. '2028-02-29' → true, '2026-02-29' → false (2026 is not a leap year).
export function isDateOnly(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

// Decimal string with thousands commas removed and no trailing zeros, or null; e.g. '1,234.50' → '1234.5', '1234,5' → null.
export function normalizeAttributeNumber(s: string): string | null {
  try {
    const d = money(s);
    return d.isZero() ? '0' : d.toString();
  } catch {
    return null;
  }
}

type Check = { value: AttributeValue } | { error: string };

// One form value to text: strings trimmed, numbers/booleans stringified, absent → '', anything else (a list) → null.
function asText(v: unknown): string | null {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

// Checks one value against its definition; empty → null, or REQUIRED_ERROR when required. BOOLEAN is never empty.
function checkValue(def: AttributeDefinition, raw: unknown): Check {
  if (def.type === 'BOOLEAN') {
    // An unchecked checkbox is not sent at all, so absent means false and `required` cannot apply.
    if (raw === true || raw === 'on' || raw === 'true' || raw === '1') return { value: true };
    if (raw === false || raw === undefined || raw === null || raw === '' || raw === 'false' || raw === '0') return { value: false };
    return { error: 'Valor no válido.' };
  }
  const text = asText(raw);
  if (text === null) return { error: 'Valor no válido.' };
  if (text === '') return def.required ? { error: REQUIRED_ERROR } : { value: null };

  switch (def.type) {
    case 'TEXT':
      return text.length <= MAX_TEXT_LENGTH ? { value: text } : { error: `Máximo ${MAX_TEXT_LENGTH} caracteres.` };
    case 'NUMBER': {
      const n = normalizeAttributeNumber(text);
      return n === null ? { error: 'Indique un número (por ejemplo 1234.5).' } : { value: n };
    }
    case 'DATE':
      return isDateOnly(text) ? { value: text } : { error: 'Indique una fecha válida (AAAA-MM-DD).' };
    case 'CHOICE':
      return def.options?.includes(text) ? { value: text } : { error: 'Elija una de las opciones.' };
  }
}

/**
 * Validates raw form values against the definitions, keyed by definition key. A value is looked up
 * under its key as given ('zona') or, failing that, under the form's field name ('attr.zona');
 * errors are keyed by the bare key. Keys without a definition are dropped. E.g. with a NUMBER
 * 'caudal': { caudal: '1,234.50', otra: 'x' } → { ok, values: { caudal: '1234.5' } }.
 */
export function validateAttributeValues(
  defs: readonly AttributeDefinition[],
  raw: Record<string, unknown>,
): AttributeValidation {
  const values: Record<string, AttributeValue> = {};
  const fieldErrors: Record<string, string[]> = {};
  for (const def of defs) {
    const given = Object.hasOwn(raw, def.key) ? raw[def.key] : raw[`attr.${def.key}`];
    const check = checkValue(def, given);
    if ('error' in check) fieldErrors[def.key] = [check.error];
    else values[def.key] = check.value;
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, values };
}

// Options typed one per line, or comma-separated when on one line, trimmed, blanks and repeats dropped; e.g. 'A, B, A' → ['A','B'].
export function parseOptions(input: string | readonly string[] | null | undefined): string[] {
  if (!input) return [];
  const parts = typeof input === 'string' ? splitOptionText(input) : input;
  return [...new Set(parts.map((p) => p.trim()).filter((p) => p !== ''))];
}

// One per line when there are several lines, so an option may contain a comma ("Sí, con medidor").
function splitOptionText(text: string): string[] {
  const lines = text.split(/\r?\n/);
  return lines.length > 1 ? lines : text.split(',');
}

const MAX_OPTION_LENGTH = 80;

// Zod skips object refinements once any field failed; the option checks only need type and options,
// so they still run (and the admin sees every error at once) when, say, only the key is wrong.
const typeAndOptionsParsed = (payload: z.core.ParsePayload) =>
  !payload.issues.some((i) => i.path?.[0] === 'type' || i.path?.[0] === 'options');

/** The admin form for a definition. Options only matter for CHOICE (≥ 2 distinct) and are null otherwise. */
export const definitionSchema = z
  .object({
    key: z
      .string({ error: 'Indique la clave.' })
      .trim()
      .refine(attributeKeyValid, {
        error: 'La clave debe tener de 2 a 40 caracteres: minúsculas, dígitos y guiones bajos, empezando por una letra.',
      }),
    label: z
      .string({ error: 'Indique la etiqueta.' })
      .trim()
      .min(2, { error: 'La etiqueta debe tener entre 2 y 80 caracteres.' })
      .max(80, { error: 'La etiqueta debe tener entre 2 y 80 caracteres.' }),
    type: z.enum(ATTRIBUTE_TYPES, { error: 'Seleccione el tipo.' }),
    entity: z.enum(ATTRIBUTE_ENTITIES, { error: 'Seleccione a qué se aplica.' }),
    required: z
      .union([z.boolean(), z.string()])
      .nullish()
      .transform((v) => v === true || v === 'on' || v === 'true'),
    options: z
      .union([z.string(), z.array(z.string())], { error: 'Opciones no válidas.' })
      .nullish()
      .transform(parseOptions),
  })
  .refine((d) => d.type !== 'CHOICE' || d.options.length >= 2, {
    path: ['options'],
    error: 'Indique al menos dos opciones distintas.',
    when: typeAndOptionsParsed,
  })
  .refine((d) => d.type !== 'CHOICE' || d.options.every((o) => o.length <= MAX_OPTION_LENGTH), {
    path: ['options'],
    error: `Cada opción admite hasta ${MAX_OPTION_LENGTH} caracteres.`,
    when: typeAndOptionsParsed,
  })
  .transform((d) => ({ ...d, options: d.type === 'CHOICE' ? d.options : null }));

export type DefinitionInput = z.output<typeof definitionSchema>;
