import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Schema = typeof schema;
/** The one database type the app codes against: PGlite and postgres.js both satisfy it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything a query function may run on: the database or an open transaction. */
export type DbOrTx = Db | Tx;

export type DatabaseHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Where the data lives: the PGlite folder, or the PostgreSQL URL without its password. */
  location: string;
  /** PostgreSQL only: the connection URL (for pg-boss's own pool). */
  url?: string;
  close: () => Promise<void>;
};

export function defaultDataDir() {
  return path.resolve(/*turbopackIgnore: true*/ process.env.CAUCE_DATA_DIR ?? path.join(process.cwd(), '.data', 'pglite'));
}

/**
 * Opens the database chosen by configuration: `DATABASE_URL` → PostgreSQL through postgres.js,
 * otherwise embedded PGlite under `.data/` (or `CAUCE_DATA_DIR`; `memory://` for a throw-away one).
 */
export function openDatabase(opts: { url?: string; dataDir?: string; max?: number } = {}): DatabaseHandle {
  const url = opts.url ?? process.env.DATABASE_URL;
  if (url) {
    const client = postgres(url, { max: opts.max ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return { db, kind: 'postgres', location: redactUrl(url), url, close: () => client.end({ timeout: 5 }) };
  }
  const dataDir = opts.dataDir ?? defaultDataDir();
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: 'pglite', location: dataDir, close: () => client.close() };
}

export function redactUrl(url: string) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

// One handle per process, kept on globalThis so dev reloads do not fight over PGlite's lock.
const globalForDb = globalThis as unknown as { __cauceDb?: DatabaseHandle };

export function getDb(): Db {
  if (!globalForDb.__cauceDb) globalForDb.__cauceDb = openDatabase();
  return globalForDb.__cauceDb.db;
}

/** The process's database handle (opened on first use), for what needs more than drizzle (the job queue). */
export function getDatabaseHandle(): DatabaseHandle {
  getDb();
  return globalForDb.__cauceDb!;
}

/** Tests and scripts point the app's data layer at a database they opened themselves. */
export function setDatabase(handle: DatabaseHandle | undefined) {
  globalForDb.__cauceDb = handle;
}
