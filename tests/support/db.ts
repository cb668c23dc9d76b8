import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, setDatabase, type DatabaseHandle } from '@/db/client';
import { runMigrations } from '@/db/migrate';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the PostgreSQL server of `TEST_DATABASE_URL` (`npm run test:pg`), dropped on close.
 * It also becomes the database the data layer (`getDb()`) uses.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = openDatabase({ url: '', dataDir: 'memory://' });
    await runMigrations(handle);
    setDatabase(handle);
    return handle;
  }
  const name = `cauce_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const inner = openDatabase({ url: url.toString(), max: 8 });
  await runMigrations(inner);
  const handle: DatabaseHandle = {
    ...inner,
    close: async () => {
      await inner.close();
      const drop = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await drop.unsafe(`drop database if exists ${name} with (force)`);
      await drop.end();
    },
  };
  setDatabase(handle);
  return handle;
}
