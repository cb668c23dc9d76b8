/**
 * `npm run test:pg`: the same vitest suite as `npm test`, on a real PostgreSQL server instead of
 * PGlite. The server comes from `DATABASE_URL` (environment or .env files), or
 * postgres://postgres@127.0.0.1:5432/test when unset and it answers. Every test file creates its
 * own database there (tests/support/db.ts) and drops it at the end; nothing else is touched.
 * Extra arguments go to vitest: `npm run test:pg -- tests/integration/customers.test.ts`.
 * Exit code: vitest's.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import postgres from 'postgres';
import { redactUrl } from '@/db/client';
import { loadEnv } from './env';

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
const log = (m: string) => console.log(`[test:pg] ${m}`);

loadEnv();
const explicit = process.env.DATABASE_URL;
const url = explicit || DEFAULT_URL;

const probe = await probeServer(url);
if (!probe.ok) {
  console.error(`[test:pg] PostgreSQL no responde en ${redactUrl(url)}: ${probe.error}`);
  if (!explicit) console.error('[test:pg] Defina DATABASE_URL=postgres://usuario:clave@host:puerto/base (un servidor donde el usuario pueda crear bases).');
  process.exit(2);
}
if (!probe.canCreateDb) {
  console.error(`[test:pg] El usuario de ${redactUrl(url)} no puede crear bases de datos (CREATEDB): cada archivo de pruebas crea la suya.`);
  process.exit(2);
}
log(`Servidor: ${redactUrl(url)}${explicit ? '' : ' (por defecto)'} — ${probe.version}`);

// The app code never sees DATABASE_URL here: each test file opens its own database from TEST_DATABASE_URL.
const env: NodeJS.ProcessEnv = { ...process.env, TEST_DATABASE_URL: url };
delete env.DATABASE_URL;
const vitest = path.join(process.cwd(), 'node_modules', 'vitest', 'vitest.mjs');
const child = spawn(process.execPath, [vitest, 'run', ...process.argv.slice(2)], { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

async function probeServer(u: string): Promise<{ ok: true; version: string; canCreateDb: boolean } | { ok: false; error: string }> {
  const sql = postgres(u, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    const [row] = await sql<{ version: string; can: boolean }[]>`
      select current_setting('server_version') as version,
             (select rolcreatedb or rolsuper from pg_roles where rolname = current_user) as can`;
    return { ok: true, version: `PostgreSQL ${row.version}`, canCreateDb: row.can };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}
