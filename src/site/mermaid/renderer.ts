// IO: renders mermaid diagrams in one shared headless Chromium. Requests are queued and handed
// to a small pool of pages in batches (one page.evaluate per batch); each page loads mermaid
// once and keeps it. The browser closes on close() or after a quiet period.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join, normalize, sep } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../browser/launch.ts';
import { DiagramError } from './errors.ts';

const require = createRequire(import.meta.url);
const MERMAID_DIST = join(dirname(require.resolve('mermaid/package.json')), 'dist');
export const MERMAID_VERSION: string = (require('mermaid/package.json') as { version: string }).version;

const ORIGIN = 'http://mermaid.invalid';

/** Pages in parallel: one per core, at least 2 (even 2 cores gain ~1.4×), at most 4. */
export function defaultPages(): number {
  return Math.max(2, Math.min(4, availableParallelism()));
}

export interface RenderJob {
  id: string;
  source: string;
}

interface QueuedJob extends RenderJob {
  resolve: (svg: string) => void;
  reject: (error: Error) => void;
}

type PageResult = { ok: true; svg: string } | { ok: false; message: string };

export interface RendererOptions {
  /** mermaid.initialize() configuration */
  config: object;
  /** pages rendering in parallel (separate renderer processes) */
  maxPages?: number;
  /** most diagrams handed to a page in one call */
  batchSize?: number;
  /** close the browser after this long without work (ms) */
  idleMs?: number;
  /** give up on a batch after this long (ms) */
  batchTimeoutMs?: number;
}

interface Worker {
  context: BrowserContext;
  page: Page;
  busy: boolean;
}

export class MermaidRenderer {
  private readonly options: Required<RendererOptions>;
  private browser: Promise<Browser> | undefined;
  private workers: Promise<Worker>[] = [];
  private readonly ready: Worker[] = [];
  private readonly queue: QueuedJob[] = [];
  private pumpScheduled = false;
  private idleTimer: NodeJS.Timeout | undefined;
  private active = 0;
  /** time spent with at least one batch in flight */
  renderMs = 0;
  private busySince = 0;
  launches = 0;
  /** process-relative times (performance.now()) of the first batch start and last batch end */
  firstBatchAt: number | undefined;
  lastBatchAt: number | undefined;

  constructor(options: RendererOptions) {
    this.options = { maxPages: defaultPages(), batchSize: 8, idleMs: 15_000, batchTimeoutMs: 120_000, ...options };
  }

  render(job: RenderJob): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.queue.push({ ...job, resolve, reject });
      this.schedulePump();
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const browser = this.browser;
    this.browser = undefined;
    this.workers = [];
    this.ready.length = 0;
    if (!browser) return;
    try {
      await (await browser).close();
    } catch {
      // launch failed or the browser is gone already
    }
  }

  private schedulePump(): void {
    clearTimeout(this.idleTimer);
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    // Let the other pages Astro is transforming right now add their diagrams first.
    setTimeout(() => {
      this.pumpScheduled = false;
      this.pump();
    }, 2);
  }

  private pump(): void {
    if (this.queue.length === 0) {
      if (this.active === 0) this.idleTimer = setTimeout(() => void this.close(), this.options.idleMs).unref();
      return;
    }
    const wanted = Math.min(this.options.maxPages, Math.max(1, Math.ceil(this.queue.length / this.options.batchSize)));
    while (this.workers.length < wanted) this.startWorker();
    for (const worker of this.ready) {
      if (this.queue.length === 0) break;
      if (worker.busy) continue;
      const share = Math.ceil(this.queue.length / Math.max(1, this.workers.length));
      const batch = this.queue.splice(0, Math.max(1, Math.min(this.options.batchSize, share)));
      void this.run(worker, batch);
    }
  }

  private startWorker(): void {
    const worker = this.createWorker();
    this.workers.push(worker);
    worker.then(
      (ready) => {
        this.ready.push(ready);
        this.pump();
      },
      (error: unknown) => {
        // Nothing can render: fail everything queued with the launch error (e.g. no browser).
        this.workers = this.workers.filter((w) => w !== worker);
        const failure = error instanceof Error ? error : new Error(String(error));
        for (const job of this.queue.splice(0)) job.reject(failure);
        if (this.workers.length === 0) void this.close();
      },
    );
  }

  private async createWorker(): Promise<Worker> {
    if (!this.browser) {
      this.launches += 1;
      this.browser = launchBrowser();
      this.browser.catch(() => {
        this.browser = undefined;
      });
    }
    const browser = await this.browser;
    const context = await browser.newContext();
    // Serve mermaid's ES module build from node_modules; nothing else may load.
    await context.route('**/*', (route) => route.abort());
    await context.route(`${ORIGIN}/**`, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/') {
        return route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>' });
      }
      const file = normalize(join(MERMAID_DIST, decodeURIComponent(url.pathname)));
      if (!file.startsWith(MERMAID_DIST + sep)) return route.abort();
      try {
        return await route.fulfill({ contentType: 'text/javascript', body: await readFile(file) });
      } catch {
        return route.abort();
      }
    });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/`);
    await page.evaluate(`(${SETUP_IN_PAGE})(${JSON.stringify(this.options.config)})`);
    return { context, page, busy: false };
  }

  private async run(worker: Worker, batch: QueuedJob[]): Promise<void> {
    worker.busy = true;
    if (this.active === 0) this.busySince = performance.now();
    this.firstBatchAt ??= performance.now();
    this.active += 1;
    let timer: NodeJS.Timeout | undefined;
    try {
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`mermaid rendering timed out after ${this.options.batchTimeoutMs} ms`)), this.options.batchTimeoutMs);
      });
      const jobs = batch.map(({ id, source }) => ({ id, source }));
      const results = await Promise.race([worker.page.evaluate<PageResult[]>(`(${RENDER_IN_PAGE})(${JSON.stringify(jobs)})`), timeout]);
      batch.forEach((job, i) => {
        const result = results[i];
        if (result?.ok) job.resolve(result.svg);
        else job.reject(new DiagramError(result?.message ?? 'mermaid returned nothing'));
      });
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const job of batch) job.reject(failure);
    } finally {
      clearTimeout(timer);
      worker.busy = false;
      this.active -= 1;
      if (this.active === 0) this.renderMs += performance.now() - this.busySince;
      this.lastBatchAt = performance.now();
      this.pump();
    }
  }
}

// The page-side code is kept as source text: Astro loads this module through Vite, whose
// transforms would otherwise rewrite `import()` inside a function passed to page.evaluate.

/** Loads mermaid's ES module build (chunks load on demand) and initialises it. */
const SETUP_IN_PAGE = `async (config) => {
  const mod = await import('/mermaid.esm.min.mjs');
  globalThis.mermaid = mod.default;
  mod.default.initialize(config);
}`;

/** Renders each diagram, collecting mermaid's error message on failure. */
const RENDER_IN_PAGE = `async (jobs) => {
  const results = [];
  for (const job of jobs) {
    try {
      const { svg } = await globalThis.mermaid.render(job.id, job.source);
      results.push({ ok: true, svg });
    } catch (error) {
      results.push({ ok: false, message: error instanceof Error ? error.message : String(error) });
    } finally {
      // mermaid leaves its scratch element behind when a diagram fails
      document.getElementById('d' + job.id)?.remove();
      document.getElementById(job.id)?.remove();
    }
  }
  return results;
}`;
