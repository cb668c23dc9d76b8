import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import nextEnv from '@next/env';

/** Loads .env, .env.local… the way Next does, so scripts and the server see one configuration. */
export function loadEnv() {
  nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
}

/** Local start without AUTH_SECRET: generate one into .env.local once, and say so. */
export function ensureAuthSecret(log: (m: string) => void) {
  if (process.env.AUTH_SECRET) return;
  const file = path.join(process.cwd(), '.env.local');
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const secret = randomBytes(32).toString('base64url');
  appendFileSync(file, `${existing && !existing.endsWith('\n') ? '\n' : ''}AUTH_SECRET=${secret}\n`);
  process.env.AUTH_SECRET = secret;
  log('AUTH_SECRET no estaba definido: se generó uno nuevo en .env.local (se conserva para los próximos inicios).');
}
