import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { seedDemo, seedScale } from '@/db/seed';
import { ensureAuthSecret, loadEnv } from './env';

loadEnv();
// Payment instrument tokens are keyed with a secret derived from AUTH_SECRET.
ensureAuthSecret(console.log);
const { values } = parseArgs({ options: { scale: { type: 'string' } } });
const scale = values.scale === undefined ? 0 : Number(values.scale);
if (!Number.isInteger(scale) || scale < 0) {
  console.error('--scale debe ser un número entero positivo.');
  process.exit(2);
}
const handle = openDatabase();
try {
  await runMigrations(handle);
  // Idempotent: loads the demo into an empty database (or its CRM part into one seeded before the CRM).
  await seedDemo(handle, console.log);
  if (scale > 0) await seedScale(handle, scale, console.log);
} finally {
  await handle.close();
}
