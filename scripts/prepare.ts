// `npm run dev` runs this first: configuration, migrations and demo data, then `next dev`.
import { migrateAndSeed } from '@/db/setup';
import { ensureAuthSecret, loadEnv } from './env';

const log = (m: string) => console.log(`[cauce] ${m}`);
loadEnv();
ensureAuthSecret(log);
await migrateAndSeed(log);
