import { parseArgs } from 'node:util';
import { openDatabase } from '@/db/client';
import { runMigrations } from '@/db/migrate';
import { isSeeded, seedDemo, seedScale } from '@/db/seed';
import { loadEnv } from './env';

loadEnv();
const { values } = parseArgs({ options: { scale: { type: 'string' } } });
const scale = values.scale === undefined ? 0 : Number(values.scale);
if (!Number.isInteger(scale) || scale < 0) {
  console.error('--scale debe ser un número entero positivo.');
  process.exit(2);
}
const handle = openDatabase();
try {
  await runMigrations(handle);
  if (await isSeeded(handle)) console.log('La base ya tiene los datos de demostración; no se vuelven a cargar.');
  else await seedDemo(handle, console.log);
  if (scale > 0) await seedScale(handle, scale, console.log);
} finally {
  await handle.close();
}
