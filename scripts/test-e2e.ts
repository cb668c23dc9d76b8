/**
 * `npm run test:e2e`: starts Cauce the way a user does (`npm start`: builds when the sources
 * changed, migrates, seeds the demo) on a free port with a throw-away PGlite folder, waits for
 * /login, runs the browser tests (vitest.e2e.config.mts, Chromium through playwright-core), then
 * stops the server and removes the folder, also on failure or Ctrl-C. Exit code: the tests'.
 *
 *   E2E_BASE_URL=http://localhost:3000 npm run test:e2e   # test a server that is already running
 *   npm run test:e2e -- tests/e2e/login.test.ts           # extra arguments go to vitest
 *
 * Also: CHROMIUM_PATH (default /usr/bin/chromium), E2E_PORT (first port tried, default 3100),
 * E2E_START_TIMEOUT_S (default 600; the first start compiles the app).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

const log = (m: string) => console.log(`[test:e2e] ${m}`);
const root = process.cwd();
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const startTimeoutMs = Number(process.env.E2E_START_TIMEOUT_S ?? 600) * 1000;

let server: ChildProcess | undefined;
let tests: ChildProcess | undefined;
let serverLog: WriteStream | undefined;
let tempDir: string | undefined;
let cleanup: Promise<void> | undefined;

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    log(`${sig}: deteniendo…`);
    tests?.kill('SIGTERM');
    void stopAll().finally(() => process.exit(128 + os.constants.signals[sig]));
  });
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  console.error(`[test:e2e] ${err instanceof Error ? err.message : String(err)}`);
  exitCode = 1;
} finally {
  await stopAll();
}
process.exit(exitCode);

async function main(): Promise<number> {
  if (!existsSync(chromiumPath)) {
    throw new Error(`No se encontró Chromium en ${chromiumPath}. Instálelo (apt-get install chromium) o defina CHROMIUM_PATH.`);
  }
  let baseUrl = process.env.E2E_BASE_URL?.replace(/\/$/, '');
  if (baseUrl) {
    log(`Usando el servidor ya en marcha: ${baseUrl}`);
    await waitForLogin(baseUrl, 30_000);
  } else {
    baseUrl = await startServer();
  }

  const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const args = [vitest, 'run', '--config', 'vitest.e2e.config.mts', ...process.argv.slice(2)];
  log(`Pruebas de navegador contra ${baseUrl} (Chromium: ${chromiumPath})`);
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...process.env, E2E_BASE_URL: baseUrl, CHROMIUM_PATH: chromiumPath } });
  tests = child;
  const [code, signal] = (await new Promise((resolve) => child.on('exit', (c, s) => resolve([c, s])))) as [number | null, NodeJS.Signals | null];
  return code ?? (signal ? 1 : 0);
}

async function startServer(): Promise<string> {
  const port = await freePort(Number(process.env.E2E_PORT ?? 3100));
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'cauce-e2e-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // What start.ts uses for the build and the server anyway; a caller's NODE_ENV=test must not leak in.
    NODE_ENV: 'production',
    PORT: String(port),
    CAUCE_DATA_DIR: path.join(tempDir, 'pglite'),
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    // Empty, not unset: .env files must not point the throw-away server at a real database.
    DATABASE_URL: '',
  };
  mkdirSync(path.join(root, 'test-results'), { recursive: true });
  const logFile = path.join(root, 'test-results', 'e2e-server.log');
  serverLog = createWriteStream(logFile);
  log(`Iniciando la aplicación con \`npm start\` en ${baseUrl}, datos en ${env.CAUCE_DATA_DIR} (registro: ${path.relative(root, logFile)})`);
  log('Compila primero si las fuentes cambiaron desde la última compilación: puede tardar unos minutos.');
  const started = Date.now();
  // detached: its own process group, so npm, tsx, start.ts and next start all stop together.
  server = spawn('npm', ['start'], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [server.stdout!, server.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      console.log(`  [app] ${line}`);
      serverLog?.write(`${line}\n`);
    });
  }
  await waitForLogin(baseUrl, startTimeoutMs, server);
  log(`La aplicación responde (${((Date.now() - started) / 1000).toFixed(1)} s).`);
  return baseUrl;
}

/** Polls GET /login until it answers 200; fails early if the server process exits. */
async function waitForLogin(baseUrl: string, timeoutMs: number, proc?: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  proc?.once('exit', (code, signal) => (exited = `el servidor terminó antes de responder (código ${code ?? signal})`));
  let last = '';
  while (Date.now() < deadline) {
    if (exited) throw new Error(exited);
    try {
      const res = await fetch(`${baseUrl}/login`, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${baseUrl}/login no respondió 200 en ${timeoutMs / 1000} s (último resultado: ${last}).`);
}

function stopAll(): Promise<void> {
  cleanup ??= (async () => {
    if (server?.pid && server.exitCode === null && server.signalCode === null) {
      log('Deteniendo la aplicación…');
      await killGroup(server.pid);
    }
    serverLog?.end();
    if (tempDir) {
      rmSync(tempDir, { recursive: true, force: true });
      log(`Datos temporales borrados (${tempDir}).`);
    }
  })();
  return cleanup;
}

/** SIGTERM to the whole process group, then SIGKILL after 15 s if anything is still alive. */
async function killGroup(pgid: number) {
  const alive = () => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const send = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pgid, sig);
    } catch {
      /* already gone */
    }
  };
  send('SIGTERM');
  for (let i = 0; i < 150 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  if (alive()) {
    log('La aplicación no terminó con SIGTERM: SIGKILL.');
    send('SIGKILL');
    for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first port from `from` that nobody listens on (IPv4 or IPv6), or one the OS picks. */
async function freePort(from: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number | null>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(null));
      srv.listen({ port }, () => {
        const { port: p } = srv.address() as AddressInfo;
        srv.close(() => resolve(p));
      });
    });
  for (let port = from; port < from + 50; port++) {
    const p = await tryPort(port);
    if (p) return p;
  }
  const p = await tryPort(0);
  if (!p) throw new Error('No hay ningún puerto libre.');
  return p;
}
