import { openDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { loadEnv } from './env';

loadEnv();
const handle = openDatabase();
try {
  await runMigrations(handle);
  console.log(`Migraciones aplicadas (${handle.kind}: ${handle.location}).`);
} finally {
  await handle.close();
}
