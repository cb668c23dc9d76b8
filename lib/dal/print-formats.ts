import 'server-only';
import { getDb, type DbOrTx } from '@/db/client';
import { findAgreement } from '@/db/queries/agreements';
import { recordAudit } from '@/db/queries/audit';
import { nextCode } from '@/db/queries/codes';
import * as q from '@/db/queries/print-formats';
import { printFormatAssignments } from '@/db/schema';
import { ForbiddenError, NotFoundError, UserError } from '@/lib/auth/errors';
import { can, type Permission } from '@/lib/auth/roles';
import { assertBranchInScope, branchScope, type Actor } from '@/lib/auth/scope';
import { INVOICE_CLASSES } from '@/lib/domain/billing/invoice-class';
import { checkLogo, logoDataUri } from '@/lib/domain/pdf/logo';
import { PRINT_FORMAT_TYPE_LABELS, type PrintFormat } from '@/lib/domain/pdf/print-format';
import { toPrintFormat } from '@/lib/pdf/format-row';
import type { PrintAssignmentInput, PrintFormatDefaultsInput, PrintFormatInput, PrintFormatPreviewInput } from '@/lib/validation/print-formats';
import { isUuid } from './customers';
import { uniqueViolation } from './unique-violation';

function assertCan(actor: Actor, permission: Permission) {
  if (!can(actor.role, permission)) throw new ForbiddenError();
}

const formatNotFound = () => new NotFoundError('No se encontró el formato de impresión.');
const agreementNotFound = () => new NotFoundError('No se encontró el acuerdo.');
const assignmentNotFound = () => new NotFoundError('No se encontró la asignación de formato.');
const REVIEW = 'Revise los campos marcados.';

/** The audit log keeps the logo's type and size, never its bytes. */
function auditable<T extends { logo?: Buffer | null }>(row: T) {
  const { logo, ...rest } = row;
  return { ...rest, logoBytes: logo ? logo.length : null };
}

/** A logo file's bytes checked by content and size; throws a field error on `logo`. */
function checkedLogo(bytes: Uint8Array) {
  const check = checkLogo(bytes);
  if (!check.ok) throw new UserError(REVIEW, { logo: [check.error] });
  return { logo: Buffer.from(bytes), logoMime: check.mime };
}

function formatValues(input: PrintFormatInput) {
  const { removeLogo: _removeLogo, ...values } = input;
  void _removeLogo;
  return values;
}

// Formats (/admin/formatos), permission admin.catalogs

export async function listPrintFormatsForAdmin(actor: Actor, db = getDb()) {
  assertCan(actor, 'admin.catalogs');
  return q.listPrintFormats(db);
}

/** One format for its edit form, with its stored logo as a data URI and how many use it. */
export async function getPrintFormat(actor: Actor, id: string, db = getDb()) {
  assertCan(actor, 'admin.catalogs');
  if (!isUuid(id)) throw formatNotFound();
  const row = await q.findPrintFormat(db, id);
  if (!row) throw formatNotFound();
  const [logo, uses] = await Promise.all([q.findPrintFormatLogo(db, id), q.printFormatUses(db, id)]);
  return { ...row, logoDataUri: logo ? logoDataUri(logo.mime, logo.bytes) : null, uses };
}

/** Creates a format; `logo` is the uploaded file's bytes (checked by content, ≤ 512 KB) or null. */
export async function createPrintFormat(actor: Actor, input: PrintFormatInput, logo: Uint8Array | null, db = getDb()) {
  assertCan(actor, 'admin.catalogs');
  const logoValues = logo ? checkedLogo(logo) : {};
  return db
    .transaction(async (tx) => {
      await assertCodeFree(tx, input.code);
      const created = await q.insertPrintFormat(tx, { ...formatValues(input), ...logoValues, createdBy: actor.id });
      await recordAudit(tx, actor, { entity: 'print_format', entityId: created.id, action: 'CREATE', after: auditable(created) });
      return created;
    })
    .catch(translateUniqueViolation);
}

/**
 * Edits a format: a new logo file replaces the stored one, `removeLogo` drops it, otherwise it is
 * kept. A company default cannot be deactivated (choose another default first).
 */
export async function updatePrintFormat(actor: Actor, id: string, input: PrintFormatInput, logo: Uint8Array | null, db = getDb()) {
  assertCan(actor, 'admin.catalogs');
  if (!isUuid(id)) throw formatNotFound();
  const logoValues = logo ? checkedLogo(logo) : input.removeLogo ? { logo: null, logoMime: null } : {};
  return db
    .transaction(async (tx) => {
      const existing = await q.lockPrintFormat(tx, id);
      if (!existing) throw formatNotFound();
      await assertCodeFree(tx, input.code, id);
      if (existing.active && !input.active && (await q.printFormatUses(tx, id)).defaults > 0) {
        throw new UserError(REVIEW, { active: ['Es el formato por omisión de la empresa para alguna clase: elija otro formato por omisión antes de desactivarlo.'] });
      }
      const updated = await q.updatePrintFormatRow(tx, id, { ...formatValues(input), ...logoValues });
      await recordAudit(tx, actor, { entity: 'print_format', entityId: id, action: 'UPDATE', before: auditable(existing), after: auditable(updated) });
      return updated;
    })
    .catch(translateUniqueViolation);
}

/**
 * The format the live preview renders: the form's unsaved values, with the uploaded logo, or the
 * stored logo of `formatId` (unless the form removes it). Nothing is written.
 */
export async function previewPrintFormat(actor: Actor, input: PrintFormatPreviewInput, logo: Uint8Array | null, db = getDb()): Promise<PrintFormat> {
  assertCan(actor, 'admin.catalogs');
  let stored: { logo: Buffer | null; logoMime: string | null } = { logo: null, logoMime: null };
  if (logo) stored = checkedLogo(logo);
  else if (input.formatId && !input.removeLogo) {
    const found = await q.findPrintFormatLogo(db, input.formatId);
    if (found) stored = { logo: found.bytes, logoMime: found.mime };
  }
  return toPrintFormat({ ...input, ...stored });
}

async function assertCodeFree(tx: DbOrTx, code: string, exceptId?: string) {
  const taken = await q.findPrintFormatByCode(tx, code, exceptId);
  if (taken) throw new UserError(REVIEW, { code: [`El código ${code} ya es del formato ${taken.name}.`] });
}

function translateUniqueViolation(err: unknown): never {
  if (uniqueViolation(err) === null) throw err;
  throw new UserError(REVIEW, { code: ['Código ya registrado.'] });
}

// Company defaults per class

/** The default per class and the active formats to choose from. */
export async function printFormatDefaultsForAdmin(actor: Actor, db = getDb()) {
  assertCan(actor, 'admin.catalogs');
  const [defaults, options] = await Promise.all([q.listPrintFormatDefaults(db), q.listActivePrintFormatOptions(db)]);
  return { defaults, options };
}

/** Sets (or clears: the built-in format applies) the company default of each class; one audit row per changed class. */
export async function savePrintFormatDefaults(actor: Actor, input: PrintFormatDefaultsInput, db = getDb()) {
  assertCan(actor, 'admin.catalogs');
  return db.transaction(async (tx) => {
    const active = new Set((await q.listActivePrintFormatOptions(tx)).map((f) => f.id));
    const fieldErrors: Record<string, string[]> = {};
    for (const c of INVOICE_CLASSES) {
      const id = input[c];
      if (id && !active.has(id)) fieldErrors[c] = ['Seleccione un formato activo.'];
    }
    if (Object.keys(fieldErrors).length) throw new UserError(REVIEW, fieldErrors);
    let changed = 0;
    for (const c of INVOICE_CLASSES) {
      const before = await q.lockPrintFormatDefault(tx, c);
      const formatId = input[c];
      if ((before?.formatId ?? null) === formatId) continue;
      if (formatId) {
        const after = await q.upsertPrintFormatDefault(tx, c, formatId, actor.id);
        await recordAudit(tx, actor, { entity: 'print_format_default', entityId: c, action: before ? 'UPDATE' : 'CREATE', before, after });
      } else {
        await q.deletePrintFormatDefault(tx, c);
        await recordAudit(tx, actor, { entity: 'print_format_default', entityId: c, action: 'DELETE', before });
      }
      changed++;
    }
    return changed;
  });
}

// Assignments of an agreement: agreements.read / agreements.write within the agreement's branch

async function agreementInScope(db: DbOrTx, actor: Actor, agreementId: string) {
  const row = isUuid(agreementId) ? await findAgreement(db, branchScope(actor), agreementId) : undefined;
  if (!row) throw agreementNotFound();
  return row.agreement;
}

/** The agreement's assignments and, for writers, the active formats to choose from. */
export async function listAgreementPrintAssignments(actor: Actor, agreementId: string, db = getDb()) {
  assertCan(actor, 'agreements.read');
  const agreement = await agreementInScope(db, actor, agreementId);
  const [rows, options] = await Promise.all([q.listAgreementPrintAssignments(db, agreement.id), can(actor.role, 'agreements.write') ? q.listActivePrintFormatOptions(db) : Promise.resolve([])]);
  return { rows, options };
}

/** Assigns a format to the agreement for a class and type (one per agreement, class and type), coded FI-NNNNNN. */
export async function createPrintAssignment(actor: Actor, agreementId: string, input: PrintAssignmentInput, db = getDb()) {
  assertCan(actor, 'agreements.write');
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction(async (tx) => {
        const agreement = await agreementInScope(tx, actor, agreementId);
        assertBranchInScope(branchScope(actor), agreement.branchId);
        if (agreement.status === 'CLOSED') throw new UserError('El acuerdo está cerrado: no admite cambios en sus formatos de impresión.');
        const fieldErrors: Record<string, string[]> = {};
        const format = await q.findPrintFormat(tx, input.formatId);
        if (!format || !format.active) fieldErrors.formatId = ['Seleccione un formato activo.'];
        const taken = await q.findPrintAssignmentFor(tx, { agreementId: agreement.id, invoiceClass: input.invoiceClass, type: input.type });
        if (taken) fieldErrors.invoiceClass = [`Ya hay una asignación para la clase ${input.invoiceClass} ${PRINT_FORMAT_TYPE_LABELS[input.type].toLowerCase()}: ${taken.code} (${taken.formatName}). Quítela primero.`];
        if (Object.keys(fieldErrors).length) throw new UserError(REVIEW, fieldErrors);
        const code = await nextCode(tx, printFormatAssignments, printFormatAssignments.code, 'FI');
        const created = await q.insertPrintAssignment(tx, { ...input, code, agreementId: agreement.id, createdBy: actor.id });
        await recordAudit(tx, actor, { entity: 'print_format_assignment', entityId: created.id, action: 'CREATE', after: created });
        return created;
      });
    } catch (err) {
      const constraint = uniqueViolation(err);
      if (constraint === 'print_format_assignments_code_unique' && attempt < 5) continue;
      if (constraint === 'print_format_assignments_uq') throw new UserError(REVIEW, { invoiceClass: ['Ya hay una asignación para esa clase y tipo.'] });
      throw err;
    }
  }
}

/** Removes an assignment: the agreement's invoices of that class and type print with the company default again. */
export async function deletePrintAssignment(actor: Actor, id: string, db = getDb()) {
  assertCan(actor, 'agreements.write');
  if (!isUuid(id)) throw assignmentNotFound();
  return db.transaction(async (tx) => {
    const existing = await q.findPrintAssignment(tx, id);
    if (!existing) throw assignmentNotFound();
    const agreement = await findAgreement(tx, branchScope(actor), existing.agreementId);
    if (!agreement) throw assignmentNotFound();
    assertBranchInScope(branchScope(actor), agreement.agreement.branchId);
    if (agreement.agreement.status === 'CLOSED') throw new UserError('El acuerdo está cerrado: no admite cambios en sus formatos de impresión.');
    const removed = await q.deletePrintAssignmentRow(tx, id);
    await recordAudit(tx, actor, { entity: 'print_format_assignment', entityId: id, action: 'DELETE', before: removed });
    return removed;
  });
}
