/**
 * `npm start`: one command from a fresh clone to a running Cauce. Loads .env files, generates
 * AUTH_SECRET once if missing, builds when there is no current build, migrates, seeds the demo
 * utility into an empty database, then serves with `next start` (PORT, default 3000).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS } from '@/db/seed';
import { migrateAndSeed } from '@/db/setup';
import { ensureAuthSecret, loadEnv } from './env';

const log = (m: string) => console.log(`[cauce] ${m}`);
const root = process.cwd();
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

loadEnv();
ensureAuthSecret(log);

// 1. Build when the sources changed since the last build (a fingerprint of paths, sizes, mtimes).
const fingerprint = sourceFingerprint();
const stamp = path.join(root, '.next', 'cauce-build-fingerprint');
const built = existsSync(path.join(root, '.next', 'BUILD_ID')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === fingerprint;
if (!built || process.env.CAUCE_FORCE_BUILD === '1') {
  log('Compilando la aplicación (solo la primera vez o tras cambios; tarda unos minutos)…');
  const res = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  if (res.status !== 0) {
    console.error('[cauce] La compilación falló.');
    process.exit(res.status ?? 1);
  }
  writeFileSync(stamp, fingerprint);
}

// 2. Migrate and seed in this process, then close: PGlite allows one process at a time.
await migrateAndSeed(log);

// 3. Serve.
const port = process.env.PORT ?? '3000';
const server = spawn(process.execPath, [nextBin, 'start', '-p', port], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
log(`Cauce en http://localhost:${port}`);
log(`Usuarios de demostración (contraseña ${DEMO_PASSWORD}):`);
for (const u of DEMO_USERS) log(`  ${u.email.padEnd(26)} ${u.role}`);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => server.kill(sig));
server.on('exit', (code) => process.exit(code ?? 0));

function sourceFingerprint() {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (['node_modules', '.next', '.data', '.git', 'tests', 'test-results'].includes(name)) continue;
      const p = path.join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (/\.(tsx?|mjs|css|json|sql)$/.test(name)) hash.update(`${path.relative(root, p)}:${st.size}:${st.mtimeMs}\n`);
    }
  };
  for (const d of ['app', 'components', 'lib', 'db', 'public']) if (existsSync(path.join(root, d))) walk(path.join(root, d));
  for (const f of ['next.config.mjs', 'package.json', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json']) {
    if (existsSync(path.join(root, f))) hash.update(`${f}:${readFileSync(path.join(root, f))}`);
  }
  return hash.digest('hex');
}
