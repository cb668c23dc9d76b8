/**
 * The benchmarks' own database (bench:billing, bench:pdf, bench:collections): a fresh PGlite in a
 * temporary folder, or — with DATABASE_URL — a NEW database `<base>_bench_<random>` on that server,
 * created and dropped through its `postgres` maintenance database (the URL's own database is never
 * touched). `keep` keeps it (its place is printed) instead of removing it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, redactUrl, type DatabaseHandle } from '@/db/client';
import { rawQuery } from '@/lib/billing/bulk';

export type BenchDatabase = {
  handle: DatabaseHandle;
  /** The PGlite folder or the database URL, for a child process to open it again. */
  target: string;
  label: 'pglite' | 'postgres';
  dispose: (h: DatabaseHandle) => Promise<void>;
};

export async function openBenchDatabase(opts: { prefix: string; keep: boolean; max: number; log: (m: string) => void }): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), `${opts.prefix}-`));
    return {
      handle: openDatabase({ url: '', dataDir: dir }),
      target: dir,
      label: 'pglite',
      dispose: async (h) => {
        await h.close().catch(() => undefined);
        if (opts.keep) opts.log(`PGlite conservado en ${dir}`);
        else rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = new URL(serverUrl);
  const base = decodeURIComponent(url.pathname.slice(1)) || 'cauce';
  const name = `${base.replace(/[^a-zA-Z0-9_]/g, '_').slice(0, 30)}_bench_${randomBytes(4).toString('hex')}`;
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = '/postgres';
  const admin = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  return {
    handle: openDatabase({ url: url.toString(), max: opts.max }),
    target: url.toString(),
    label: 'postgres',
    dispose: async (h) => {
      await h.close();
      if (opts.keep) {
        opts.log(`Base conservada: ${redactUrl(url.toString())}`);
        return;
      }
      const drop = postgres(adminUrl.toString(), { max: 1, onnotice: () => {} });
      await drop.unsafe(`drop database if exists "${name}" with (force)`);
      await drop.end();
    },
  };
}

/** The number a `select count(*) as n …` returns. */
export async function countRows(handle: DatabaseHandle, text: string, params: (string | number)[] = []): Promise<number> {
  const [row] = await rawQuery<{ n: string | number }>(handle.db, text, params);
  return Number(row.n);
}
