import 'server-only';

type PgErrorLike = { code?: string; constraint?: string; constraint_name?: string; cause?: unknown };

/**
 * The name of the unique constraint a failed write hit (Postgres 23505), or null for any other
 * error. Drizzle wraps the driver error in `cause`; PGlite names the constraint `constraint`,
 * postgres.js `constraint_name`. Returns '' when the driver did not say which constraint.
 */
export function uniqueViolation(err: unknown): string | null {
  for (let e = err as PgErrorLike | undefined, depth = 0; e && depth < 3; e = e.cause as PgErrorLike | undefined, depth++) {
    if (e.code === '23505') return e.constraint ?? e.constraint_name ?? '';
  }
  return null;
}
