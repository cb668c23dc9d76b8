/**
 * Dominican identity and tax document numbers (RNC, cédula, passport,
 * foreign tax id): normalization, check digits, formatting and validation.
 * Pure functions, no I/O.
 */

export const DOCUMENT_TYPES = ['RNC', 'CEDULA', 'PASSPORT', 'FOREIGN_TAX_ID'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  RNC: 'RNC',
  CEDULA: 'Cédula',
  PASSPORT: 'Pasaporte',
  FOREIGN_TAX_ID: 'Identificación fiscal extranjera',
};

export type DocumentValidation = { ok: true; normalized: string } | { ok: false; error: string };

const RNC_WEIGHTS = [7, 9, 8, 6, 5, 4, 3, 2] as const;

// Type guard for the document-type enum, e.g. isDocumentType('RNC') → true, isDocumentType('DNI') → false.
export function isDocumentType(value: unknown): value is DocumentType {
  return typeof value === 'string' && (DOCUMENT_TYPES as readonly string[]).includes(value);
}

// Strips spaces (any whitespace) and dashes, e.g. ' 001-1391820-5 ' → '00113918205'.
export function normalizeDocument(s: string): string {
  return s.replace(/[\s\-‐‑‒–—]/g, '');
}

// RNC check digit: Σ(d_i·[7,9,8,6,5,4,3,2]) % 11 = r; r=0→2, r=1→1, else 11−r; e.g. '10101063' → 2.
export function rncCheckDigit(first8: string): number {
  if (!/^\d{8}$/.test(first8)) throw new Error(`rncCheckDigit expects 8 digits, got "${first8}"`);
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(first8[i]) * RNC_WEIGHTS[i];
  const r = sum % 11;
  return r === 0 ? 2 : r === 1 ? 1 : 11 - r;
}

// Cédula check digit (Luhn): weights 1,2,1,2…, products >9 digit-summed, check=(10−Σ%10)%10; e.g. '0011391820' → 5.
export function cedulaCheckDigit(first10: string): number {
  if (!/^\d{10}$/.test(first10)) throw new Error(`cedulaCheckDigit expects 10 digits, got "${first10}"`);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let p = Number(first10[i]) * (i % 2 === 0 ? 1 : 2);
    if (p > 9) p -= 9; // same as summing the two digits of p (p ≤ 18)
    sum += p;
  }
  return (10 - (sum % 10)) % 10;
}

// Valid RNC = 9 digits whose last digit equals rncCheckDigit(first 8); e.g. '1-01-01063-2' → true, '101010633' → false.
export function isValidRnc(s: string): boolean {
  const n = normalizeDocument(s);
  return /^\d{9}$/.test(n) && rncCheckDigit(n.slice(0, 8)) === Number(n[8]);
}

// Valid cédula = 11 digits whose last digit equals cedulaCheckDigit(first 10); e.g. '001-1391820-5' → true, '00113918206' → false.
export function isValidCedula(s: string): boolean {
  const n = normalizeDocument(s);
  return /^\d{11}$/.test(n) && cedulaCheckDigit(n.slice(0, 10)) === Number(n[10]);
}

// Formats an RNC as D-DD-DDDDD-D (input returned as-is if not 9 digits); e.g. '101010632' → '1-01-01063-2'.
export function formatRnc(s: string): string {
  const n = normalizeDocument(s);
  if (!/^\d{9}$/.test(n)) return s;
  return `${n.slice(0, 1)}-${n.slice(1, 3)}-${n.slice(3, 8)}-${n.slice(8)}`;
}

// Formats a cédula as DDD-DDDDDDD-D (input returned as-is if not 11 digits); e.g. '00113918205' → '001-1391820-5'.
export function formatCedula(s: string): string {
  const n = normalizeDocument(s);
  if (!/^\d{11}$/.test(n)) return s;
  return `${n.slice(0, 3)}-${n.slice(3, 10)}-${n.slice(10)}`;
}

// Formats any document for display: RNC/cédula with dashes, others uppercased; e.g. ('CEDULA','00113918205') → '001-1391820-5'.
export function formatDocument(type: DocumentType, number: string): string {
  switch (type) {
    case 'RNC':
      return formatRnc(number);
    case 'CEDULA':
      return formatCedula(number);
    default:
      return number.trim().toUpperCase();
  }
}

// Validates by type and returns the normalized number or a Spanish error; e.g. ('RNC','1-01-01063-2') → { ok, normalized: '101010632' }.
export function validateDocument(type: DocumentType, number: string): DocumentValidation {
  const raw = (number ?? '').trim();
  if (raw === '') return { ok: false, error: 'El número de documento es obligatorio' };

  switch (type) {
    case 'RNC': {
      const n = normalizeDocument(raw);
      if (!/^\d{9}$/.test(n)) return { ok: false, error: 'El RNC debe tener 9 dígitos' };
      if (!isValidRnc(n)) return { ok: false, error: 'El dígito verificador del RNC no es válido' };
      return { ok: true, normalized: n };
    }
    case 'CEDULA': {
      const n = normalizeDocument(raw);
      if (!/^\d{11}$/.test(n)) return { ok: false, error: 'La cédula debe tener 11 dígitos' };
      if (!isValidCedula(n)) return { ok: false, error: 'El dígito verificador de la cédula no es válido' };
      return { ok: true, normalized: n };
    }
    case 'PASSPORT': {
      const n = normalizeDocument(raw).toUpperCase();
      if (!/^[A-Z0-9]{5,20}$/.test(n)) {
        return { ok: false, error: 'El pasaporte debe tener entre 5 y 20 letras o dígitos' };
      }
      return { ok: true, normalized: n };
    }
    case 'FOREIGN_TAX_ID': {
      // Dashes are meaningful in many foreign tax ids (e.g. US EIN 12-3456789): keep them, drop spaces only.
      const n = raw.replace(/\s+/g, '').toUpperCase();
      if (!/^[A-Z0-9-]{3,30}$/.test(n) || !/[A-Z0-9]/.test(n)) {
        return {
          ok: false,
          error: 'La identificación fiscal extranjera debe tener entre 3 y 30 caracteres (letras, dígitos o guiones)',
        };
      }
      return { ok: true, normalized: n };
    }
    default:
      return { ok: false, error: 'Tipo de documento no válido' };
  }
}
