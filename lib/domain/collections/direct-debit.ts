/**
 * Direct debit (débito automático, issue 6): which documents a bank's batch debits, the batch file
 * sent to the bank and the bank's response file. Pure: no database, no clock (dates come in).
 * Amounts are decimal strings added as BigInt cents, never floats.
 *
 * ── Batch file (what we send; CSV, comma-separated, CRLF, UTF-8 without BOM) ─────────────────────
 *   H,<bank code>,<batch code>,<period AAAA-MM>,<currency>,<created AAAA-MM-DD>,<item count>,<control total>
 *   D,<line no>,<agreement code>,<customer name>,<masked account>,<fiscal number>,<amount>
 *   … one D record per item, line numbers 1…n …
 *   T,<item count>,<control total>
 * Amounts have a dot and two decimals ('1234.50'); the control total is the exact sum of the D amounts.
 * Example:
 *   H,BPD-DA,BPD-DA-202610DOP,2026-10,DOP,2026-11-02,2,1750.00
 *   D,1,AC-000123,Industrias del Cibao,******4821,00001-00000042,1500.00
 *   D,2,AC-000311,Ana Pérez,******0097,00001-00000057,250.00
 *   T,2,1750.00
 *
 * ── Response file (what the bank answers; ',' or ';' separated, BOM tolerated) ──────────────────
 *   H,<batch code>[,<processing date AAAA-MM-DD>]
 *   D,<line no | fiscal number>,<status>,<amount>[,<reason>]
 *   T,<count of D records>,<sum of D amounts>
 * Status: CONFIRMED / CONFIRMADO / ACEPTADO / 00 → debited; REJECTED / RECHAZADO or any other bank
 * code (01, 51, R03…) → rejected, with the reason given or the code's usual meaning. Every item of
 * the batch must be answered exactly once, with its amount; any error refuses the whole file.
 */
import { csvLine, splitCsvRecords } from '@/lib/domain/csv';
import { fromCents, toCents } from '@/lib/domain/money';
import { validDate } from '@/lib/domain/billing/period';

const ZERO = BigInt(0);

// ─── Which documents go in a batch ───────────────────────────────────────────────────────────

export type DebitBatchKey = { entityId: string; period: string; currency: string };

/** An open document of an agreement that pays the bank by direct debit, as the database sees it. */
export type DebitCandidate = {
  invoiceId: string;
  docType: string;
  status: string;
  fiscalNumber: string | null;
  period: string | null;
  issueDate: string | null;
  dueDate: string | null;
  currency: string;
  balance: string;
  agreementId: string;
  agreementCode: string;
  agreementCurrency: string;
  customerName: string;
  /** The agreement's default active payment method (null when it has none). */
  method: { method: string; entityId: string | null; last4: string | null } | null;
  /** A PENDING or CONFIRMED item of another batch already debits this document. */
  debitedElsewhere: boolean;
};

/** One line of a batch (and of its file). */
export type DebitLine = {
  lineNo: number;
  invoiceId: string;
  agreementId: string;
  agreementCode: string;
  customerName: string;
  accountMasked: string;
  fiscalNumber: string;
  amount: string;
};

// The account as printed in the file and on screen: only the stored last four digits; e.g. maskAccount('4821') → '******4821'.
export function maskAccount(last4: string): string {
  return `******${last4}`;
}

// A document belongs to a period by its billing period, or by its issue date when it has none (manual notes); e.g. ('2026-10', issued '2026-10-31') → true.
export function inDebitPeriod(doc: Pick<DebitCandidate, 'period' | 'issueDate'>, period: string): boolean {
  if (doc.period) return doc.period === period;
  return doc.issueDate !== null && doc.issueDate.slice(0, 7) === period;
}

/**
 * Why a document is not debited in the batch of `key`, or null when it is: an issued (or partly
 * paid) invoice or debit note of the period, with a balance, in the batch's currency (also the
 * agreement's: the payment is in it), whose agreement's default active method is DIRECT_DEBIT with
 * this bank and a known account, and not already in a pending or confirmed item of another batch.
 */
export function notDebitableReason(c: DebitCandidate, key: DebitBatchKey): string | null {
  if (c.docType !== 'INVOICE' && c.docType !== 'DEBIT_NOTE') return 'no es una factura ni una nota de débito';
  if (c.status !== 'ISSUED' && c.status !== 'PARTIALLY_PAID') return 'no está pendiente de pago';
  if (!c.fiscalNumber) return 'no tiene número fiscal';
  if (toCents(c.balance) <= ZERO) return 'no tiene saldo';
  if (!inDebitPeriod(c, key.period)) return 'es de otro período';
  if (c.currency !== key.currency || c.agreementCurrency !== key.currency) return 'está en otra moneda';
  if (!c.method || c.method.method !== 'DIRECT_DEBIT' || c.method.entityId !== key.entityId) return 'el acuerdo no paga por débito automático con este banco';
  if (!c.method.last4) return 'el medio de pago no tiene cuenta';
  if (c.debitedElsewhere) return 'ya está en otro lote de débito';
  return null;
}

/**
 * The batch's lines: every debitable candidate for its balance, ordered by agreement code, due
 * date and fiscal number, numbered from 1. A document listed twice counts once.
 */
export function selectDebitItems(candidates: readonly DebitCandidate[], key: DebitBatchKey): DebitLine[] {
  const seen = new Set<string>();
  const chosen = candidates.filter((c) => {
    if (seen.has(c.invoiceId) || notDebitableReason(c, key) !== null) return false;
    seen.add(c.invoiceId);
    return true;
  });
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  chosen.sort((a, b) => cmp(a.agreementCode, b.agreementCode) || cmp(a.dueDate ?? '', b.dueDate ?? '') || cmp(a.fiscalNumber ?? '', b.fiscalNumber ?? ''));
  return chosen.map((c, i) => ({
    lineNo: i + 1,
    invoiceId: c.invoiceId,
    agreementId: c.agreementId,
    agreementCode: c.agreementCode,
    customerName: c.customerName,
    accountMasked: maskAccount(c.method!.last4!),
    fiscalNumber: c.fiscalNumber!,
    amount: fromCents(toCents(c.balance)),
  }));
}

// The batch's code, unique as its bank, period and currency are (bank codes ≤ 20 characters → ≤ 30); e.g. ('BPD-DA', '2026-10', 'DOP') → 'BPD-DA-202610DOP'.
export function debitBatchCode(entityCode: string, period: string, currency: string): string {
  return `${entityCode}-${period.replace('-', '')}${currency}`;
}

// Count and exact sum of amounts; e.g. controlTotals(['0.10', '0.20']) → { count: 2, total: '0.30' }.
export function controlTotals(amounts: readonly string[]): { count: number; total: string } {
  return { count: amounts.length, total: fromCents(amounts.reduce((n, a) => n + toCents(a), ZERO)) };
}

// ─── The batch file ──────────────────────────────────────────────────────────────────────────

export type DebitFileHeader = { bankCode: string; batchCode: string; period: string; currency: string; createdOn: string };
export type DebitFileLine = Pick<DebitLine, 'lineNo' | 'agreementCode' | 'customerName' | 'accountMasked' | 'fiscalNumber' | 'amount'>;

/** The batch file (layout at the top of this module): header, one detail per line, trailer. */
export function debitBatchCsv(header: DebitFileHeader, lines: readonly DebitFileLine[]): string {
  const { count, total } = controlTotals(lines.map((l) => l.amount));
  const out = [csvLine(['H', header.bankCode, header.batchCode, header.period, header.currency, header.createdOn, count, total])];
  for (const l of lines) out.push(csvLine(['D', l.lineNo, l.agreementCode, l.customerName, l.accountMasked, l.fiscalNumber, fromCents(toCents(l.amount))]));
  out.push(csvLine(['T', count, total]));
  return out.join('');
}

// ─── The bank's response ─────────────────────────────────────────────────────────────────────

/** Usual meaning of the banks' reject codes, used when the response gives no reason. */
export const BANK_REJECT_REASONS: Record<string, string> = {
  '01': 'Fondos insuficientes',
  '02': 'Cuenta cerrada',
  '03': 'Cuenta inexistente',
  '04': 'Autorización de débito inexistente o revocada',
  '05': 'Cuenta bloqueada o embargada',
  '06': 'El importe supera el límite autorizado',
  '07': 'El titular rechazó el débito',
  '99': 'Otro motivo',
};

const CONFIRMED_TOKENS = new Set(['00', 'CONFIRMED', 'CONFIRMADO', 'ACEPTADO', 'ACCEPTED']);
const REJECTED_TOKENS = new Set(['REJECTED', 'RECHAZADO']);
const BANK_CODE = /^[A-Z0-9]{1,10}$/;
const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
/** More errors than this are summarised (the file is refused anyway). */
export const MAX_RESPONSE_ERRORS = 200;

export type DebitResponseItem = { lineNo: number; fiscalNumber: string; amount: string };
export type DebitOutcome = { lineNo: number; status: 'CONFIRMED' | 'REJECTED'; code: string; reason: string | null };
/** `line` is the line of the response file (null: the file as a whole). */
export type DebitResponseError = { line: number | null; message: string };
export type ParsedDebitResponse =
  | { ok: true; processedOn: string | null; outcomes: DebitOutcome[]; confirmed: number; rejected: number }
  | { ok: false; errors: DebitResponseError[] };

// 'Rechazado ' → 'RECHAZADO', 'confirmé' → 'CONFIRME'.
const token = (s: string) => s.trim().toUpperCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** The status of one response line, or null when it is not a status. */
export function responseStatus(raw: string, reason: string): { status: 'CONFIRMED' | 'REJECTED'; code: string; reason: string | null } | null {
  const code = token(raw);
  if (CONFIRMED_TOKENS.has(code)) return { status: 'CONFIRMED', code: '00', reason: null };
  if (!REJECTED_TOKENS.has(code) && !BANK_CODE.test(code)) return null;
  const fallback = REJECTED_TOKENS.has(code) ? 'Rechazado por el banco' : (BANK_REJECT_REASONS[code] ?? `Rechazado por el banco (código ${code})`);
  return { status: 'REJECTED', code: code.slice(0, 20), reason: reason.trim().slice(0, 500) || fallback };
}


/**
 * Checks the bank's response against the batch (code and items) and returns one outcome per item,
 * or every error found with its line (Spanish): unknown record types, a missing or repeated header
 * or trailer, another batch's code, unknown or repeated lines, amounts that differ from the item,
 * statuses that are not a status, items left unanswered, and control totals that do not add up.
 * `today` ('YYYY-MM-DD') bounds the processing date.
 */
export function parseDebitResponse(text: string, batch: { code: string; items: readonly DebitResponseItem[] }, today: string): ParsedDebitResponse {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records = splitCsvRecords(body, sep);
  const errors: DebitResponseError[] = [];
  const fail = (line: number | null, message: string) => errors.push({ line, message });
  if (!records.length) return { ok: false, errors: [{ line: null, message: 'El archivo está vacío.' }] };

  const byLine = new Map(batch.items.map((i) => [i.lineNo, i]));
  const byFiscal = new Map(batch.items.map((i) => [i.fiscalNumber.toUpperCase(), i]));
  const answered = new Map<number, number>(); // item line → response file line
  const outcomes: DebitOutcome[] = [];
  let header: { line: number } | null = null;
  let trailer: { line: number; count: string; total: string } | null = null;
  let processedOn: string | null = null;
  let details = 0;
  let detailCents = ZERO;

  for (const { line, fields } of records) {
    const f = fields.map((x) => x.trim());
    const type = token(f[0] ?? '');
    if (trailer) {
      fail(line, 'Hay registros después del registro de control (T).');
      continue;
    }
    if (type === 'H') {
      if (header) {
        fail(line, `Encabezado repetido (el primero está en la línea ${header.line}).`);
        continue;
      }
      if (details) fail(line, 'El encabezado (H) debe ser el primer registro.');
      header = { line };
      if (!f[1]) fail(line, 'El encabezado no indica el código del lote.');
      else if (f[1].toUpperCase() !== batch.code.toUpperCase()) fail(line, `El archivo es del lote «${f[1]}», no de ${batch.code}.`);
      if (f[2]) {
        if (!validDate(f[2])) fail(line, `Fecha de proceso «${f[2]}» no válida: use AAAA-MM-DD.`);
        else if (f[2] > today) fail(line, 'La fecha de proceso no puede ser futura.');
        else processedOn = f[2];
      }
      continue;
    }
    if (type === 'T') {
      trailer = { line, count: f[1] ?? '', total: f[2] ?? '' };
      continue;
    }
    if (type !== 'D') {
      fail(line, `Tipo de registro «${f[0] ?? ''}» desconocido: use H (encabezado), D (detalle) o T (control).`);
      continue;
    }
    details++;
    const [, ref = '', rawStatus = '', rawAmount = '', reason = ''] = f;
    const amountOk = AMOUNT.test(rawAmount);
    if (amountOk) detailCents += toCents(normalizeAmount(rawAmount));
    if (!ref) {
      fail(line, 'Falta la línea del lote o el número de factura.');
      continue;
    }
    const item = /^\d+$/.test(ref) ? byLine.get(Number(ref)) : byFiscal.get(ref.toUpperCase());
    if (!item) {
      fail(line, /^\d+$/.test(ref) ? `La línea ${ref} no existe en el lote ${batch.code}.` : `La factura ${ref} no está en el lote ${batch.code}.`);
      continue;
    }
    const earlier = answered.get(item.lineNo);
    if (earlier !== undefined) {
      fail(line, `La línea ${item.lineNo} del lote (factura ${item.fiscalNumber}) ya tiene respuesta en la línea ${earlier} del archivo.`);
      continue;
    }
    answered.set(item.lineNo, line);
    if (!amountOk) fail(line, `Importe «${rawAmount}» no válido: use números con punto decimal y hasta 2 decimales.`);
    else if (toCents(normalizeAmount(rawAmount)) !== toCents(item.amount)) fail(line, `El importe ${normalizeAmount(rawAmount)} no coincide con el de la línea ${item.lineNo} del lote (${item.amount}).`);
    const status = responseStatus(rawStatus, reason);
    if (!status) fail(line, `Estado «${rawStatus}» no válido: use CONFIRMED, REJECTED o el código del banco (00 = debitado).`);
    else outcomes.push({ lineNo: item.lineNo, ...status });
  }

  if (!header) fail(null, 'Falta el encabezado (H) con el código del lote.');
  if (!trailer) fail(null, 'Falta el registro de control (T) con la cantidad y el total.');
  else {
    if (!/^\d+$/.test(trailer.count) || Number(trailer.count) !== details) fail(trailer.line, `El control indica ${trailer.count || '(nada)'} detalles y el archivo tiene ${details}.`);
    if (!AMOUNT.test(trailer.total)) fail(trailer.line, `Total de control «${trailer.total}» no válido.`);
    else if (toCents(normalizeAmount(trailer.total)) !== detailCents) fail(trailer.line, `El total de control ${normalizeAmount(trailer.total)} no coincide con la suma de los detalles (${fromCents(detailCents)}).`);
  }
  const missing = batch.items.filter((i) => !answered.has(i.lineNo)).map((i) => i.lineNo);
  if (missing.length) {
    const shown = missing.slice(0, 20).join(', ');
    fail(null, `Faltan respuestas para ${missing.length === 1 ? 'la línea' : `${missing.length} líneas`} del lote: ${shown}${missing.length > 20 ? '…' : ''}.`);
  }
  if (errors.length) {
    const extra = errors.length - MAX_RESPONSE_ERRORS;
    return { ok: false, errors: extra > 0 ? [...errors.slice(0, MAX_RESPONSE_ERRORS), { line: null, message: `… y ${extra} errores más.` }] : errors };
  }
  outcomes.sort((a, b) => a.lineNo - b.lineNo);
  const confirmed = outcomes.filter((o) => o.status === 'CONFIRMED').length;
  return { ok: true, processedOn, outcomes, confirmed, rejected: outcomes.length - confirmed };
}

// '12' → '12.00', '12.5' → '12.50' (AMOUNT-shaped input only).
function normalizeAmount(s: string): string {
  const dot = s.indexOf('.');
  return dot < 0 ? `${s}.00` : s.padEnd(dot + 3, '0');
}
