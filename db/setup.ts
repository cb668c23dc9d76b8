import { openDatabase } from './client';
import { runMigrations } from './migrate';
import { isSeeded, seedDemo } from './seed';

/**
 * Migrates the configured database and seeds the demo utility when it is empty. Opens and closes
 * its own connection: PGlite allows one process at a time, so this runs before the server starts.
 */
export async function migrateAndSeed(log: (m: string) => void) {
  const handle = openDatabase();
  try {
    await runMigrations(handle);
    log(`Base de datos lista (${handle.kind === 'pglite' ? 'PGlite embebido' : 'PostgreSQL'}: ${handle.location}).`);
    if (!(await isSeeded(handle))) {
      log('Base vacía: cargando la empresa de demostración…');
      await seedDemo(handle, log);
    }
  } finally {
    await handle.close();
  }
}
