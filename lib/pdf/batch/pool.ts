/**
 * The pool of PDF render threads (piscina): one thread per core by default, each rendering tasks of
 * a few invoices and retiring after a few hundred renders (lib/pdf/batch/recycle.ts), when piscina
 * starts a fresh thread in its place. A task that reached a thread as it retired is sent again
 * (rendering is pure, so a retry is harmless). Plain server code: the pdf-batch job, the benchmark
 * and the tests use it.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type Piscina from 'piscina';
import type { PrintFormat } from '@/lib/domain/pdf/print-format';
import type { BatchInvoice } from './load';
import { chunkByLines, DEFAULT_RECYCLE, type RecyclePolicy } from './recycle';
import type { RenderedPdf, RenderTask, RenderTaskResult } from './worker';

export type { RenderedPdf } from './worker';

export type RenderPoolOptions = {
  /** Render threads; default one per core. */
  threads?: number;
  recycle?: Partial<RecyclePolicy>;
  /** Project root (where lib/pdf lives); default the working directory, as for the fonts. */
  root?: string;
};

/** At most this many invoices, and about this many printed lines, per task. */
const TASK_ITEMS = 8;
const TASK_LINES = 240;
const MAX_ATTEMPTS = 4;

const retriable = (err: unknown) => err instanceof Error && err.message.startsWith('worker exited');

export class RenderPool {
  private retired = 0;
  /** The largest heap a render thread reported after a task (MB). */
  heapMb = 0;

  private constructor(
    private readonly piscina: Piscina,
    readonly threads: number,
    private readonly recycle: RecyclePolicy,
  ) {}

  static async create(opts: RenderPoolOptions = {}): Promise<RenderPool> {
    const threads = Math.max(1, Math.floor(opts.threads ?? availableParallelism()));
    // Loaded at run time, never bundled: piscina finds its own worker script next to itself.
    const { Piscina } = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ 'piscina')) as typeof import('piscina');
    const entry = path.join(opts.root ?? process.cwd(), 'lib', 'pdf', 'batch', 'worker-entry.mjs');
    const piscina = new Piscina({
      filename: pathToFileURL(entry).href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
      // The threads' event loops must run between tasks (a retiring thread exits on a timer).
      atomics: 'disabled',
      // An explicit limit also keeps V8 from letting a thread's heap grow lazily: ~65 MB after a task
      // instead of ~160 MB without it (measured), with room for a 1,500-line invoice (~155 MB).
      // A larger young generation (64 MB semi-spaces instead of 16) spends far less time in
      // scavenges: a render allocates many short-lived objects. 10,000 invoices: 60 per s with
      // 192 MB, 56 with 96 (same machine, same hour), for ≈ 100 MB more at the peak.
      resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 192 },
      env: { ...process.env, NODE_ENV: 'production' },
    });
    return new RenderPool(piscina, threads, { ...DEFAULT_RECYCLE, ...opts.recycle });
  }

  /** How many threads have retired so far (and been replaced). */
  get retiredThreads() {
    return this.retired;
  }

  /** Splits loaded invoices into tasks (a long invoice alone), the way render() sends them. */
  static tasksOf(items: readonly BatchInvoice[]): BatchInvoice[][] {
    return chunkByLines(items, (i) => i.data.lines.length, TASK_ITEMS, TASK_LINES);
  }

  /** Renders one task's invoices on a thread; the PDFs come back in the same order. */
  async render(items: readonly BatchInvoice[]): Promise<RenderedPdf[]> {
    const formats: Record<string, PrintFormat> = {};
    for (const i of items) formats[i.formatKey] ??= i.format;
    const task: RenderTask = { items: items.map((i) => ({ id: i.id, data: i.data, formatKey: i.formatKey })), formats, recycle: this.recycle };
    for (let attempt = 1; ; attempt++) {
      try {
        const out = (await this.piscina.run(task)) as RenderTaskResult;
        if (out.retiring) this.retired++;
        this.heapMb = Math.max(this.heapMb, out.heapMb);
        // Structured clone turns the Buffers into plain Uint8Arrays.
        return out.results;
      } catch (err) {
        if (attempt >= MAX_ATTEMPTS || !retriable(err)) throw err;
      }
    }
  }

  async close(): Promise<void> {
    await this.piscina.close({ force: true });
  }
}
