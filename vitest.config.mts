import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('./', import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // `server-only` throws outside a React Server bundle; under vitest it is a no-op.
      { find: /^server-only$/, replacement: `${root}tests/support/empty-module.ts` },
      { find: /^@\//, replacement: root },
    ],
  },
  test: {
    environment: 'node',
    // forbidden() refuses to run unless Next's authInterrupts flag is on, as it is in next.config.mjs.
    // CAUCE_SEED_HISTORY=0: seedDemo skips the 12 billed months (seconds per database); tests that
    // need them pass { history: true }.
    env: { __NEXT_EXPERIMENTAL_AUTH_INTERRUPTS: 'true', AUTH_SECRET: 'test-secret-not-for-production', CAUCE_SEED_HISTORY: '0' },
    include: ['**/*.test.ts', '**/*.test.tsx'],
    exclude: ['node_modules/**', '.next/**', '.data/**', 'tests/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // PGlite instances are ~100 MB each; two workers match the two cores.
    maxWorkers: 2,
  },
});
