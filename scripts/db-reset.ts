import { rmSync } from 'node:fs';
import postgres from 'postgres';
import { defaultDataDir, openDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { seedDemo } from '@/db/seed';
import { ensureAuthSecret, loadEnv } from './env';

loadEnv();
// The seed tokenizes demo card numbers with a key derived from AUTH_SECRET.
ensureAuthSecret(console.log);
// Destroys all data: the embedded folder, or every table of the PostgreSQL database.
const url = process.env.DATABASE_URL;
if (url) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  await sql.unsafe('drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;');
  await sql.end();
} else {
  rmSync(defaultDataDir(), { recursive: true, force: true });
}
const handle = openDatabase();
try {
  await runMigrations(handle);
  await seedDemo(handle, console.log);
  console.log(`Base reiniciada (${handle.kind}: ${handle.location}).`);
} finally {
  await handle.close();
}
