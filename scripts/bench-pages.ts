// Speed of the built site's pages in headless Chromium, as a phone on a fast connection sees
// them: per page, bytes by type (raw and gzip), first contentful paint, when the diagrams are
// in the page (and whether the ones in the first screen are there at first paint), how fast a
// diagram appears when scrolled to, and the script the page runs. Fails when a page breaks the
// budget (scripts/lib/page-budget.ts).
//
// Usage: node scripts/bench-pages.ts [--build] [--dist dist] [--page /module-4/05-outbox-pattern-theory/]...
//          [--viewport mobile|desktop] [--theme light|dark] [--runs 3] [--cpu 4] [--json bench.json]
// Served under BASE_PATH when it is set (build with the same BASE_PATH).
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { serveStatic } from '../tests/support/static-server.ts';
import { PAGE_BUDGET, kib } from './lib/page-budget.ts';
import { basePath, buildProjectSite, builtPages, option, options } from './lib/built-site.ts';
import { VIEWPORTS, launchChromium, type Theme, type ViewportName } from './screenshot-diagrams.ts';

export type Kind = 'html' | 'css' | 'js' | 'font' | 'image' | 'other';
const KINDS: readonly Kind[] = ['html', 'css', 'js', 'font', 'image', 'other'];
const COMPRESSIBLE: ReadonlySet<Kind> = new Set(['html', 'css', 'js', 'other']);

export interface Bytes {
  raw: number;
  gzip: number;
}

export interface DiagramTiming {
  /** ms after navigation start when the parser had finished it (its SVG is in the HTML) */
  readyMs: number;
  inFirstScreen: boolean;
  /** ms from scrollIntoView to a painted frame with it on screen (diagrams below the first screen) */
  scrollMs?: number;
}

export interface PageRun {
  bytes: Record<Kind, Bytes>;
  total: Bytes;
  /** script files plus inline scripts, gzip */
  scriptGzip: number;
  inlineScript: Bytes;
  requests: number;
  /** requests to another origin (there should be none) */
  foreign: string[];
  fcpMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  diagrams: DiagramTiming[];
  /** requests made while scrolling through the diagrams (lazy loading would show here) */
  scrollRequests: number;
  /** bytes of script that ran (V8 coverage), of all script on the page */
  jsExecuted: number;
  jsTotal: number;
  /** main-thread time spent in script (Chromium's ScriptDuration) */
  scriptMs: number;
}

export interface PageResult {
  page: string;
  runs: PageRun[];
  /** diagrams visible with JavaScript disabled */
  visibleWithoutJs: number;
  problems: string[];
}

// Runs from the first moment of the document: notes when the parser has finished each diagram
// (a mutation batch is delivered when the parser yields, so before the next paint). Whether a
// diagram is in the first screen is read after load, before anything scrolls.
export const DIAGRAM_PROBE = String.raw`(() => {
  const parsed = [];
  window.__diagramParsed = parsed;
  const figures = document.getElementsByClassName('mermaid-diagram');
  const check = () => {
    for (let i = parsed.length; i < figures.length; i++) {
      if (!figures[i].nextSibling && document.readyState === 'loading') break; // still inside it
      parsed[i] = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', check);
})()`;

function kindOf(resourceType: string, url: string): Kind {
  if (resourceType === 'document') return 'html';
  if (resourceType === 'stylesheet') return 'css';
  if (resourceType === 'script') return 'js';
  if (resourceType === 'font') return 'font';
  if (resourceType === 'image' || /\.(svg|png|jpe?g|webp|avif|gif|ico)$/.test(new URL(url).pathname)) return 'image';
  return 'other';
}

function sizes(body: Buffer, kind: Kind): Bytes {
  const svg = kind === 'image' && body.subarray(0, 200).toString('utf8').includes('<svg');
  return { raw: body.length, gzip: COMPRESSIBLE.has(kind) || svg ? gzipSync(body).length : body.length };
}

/** Inline <script> elements that run (not JSON data blocks). */
export function inlineScripts(html: string): string {
  let code = '';
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = match[1] ?? '';
    if (/\bsrc=/.test(attributes)) continue;
    const type = /\btype="([^"]*)"/.exec(attributes)?.[1];
    if (type && type !== 'module' && type !== 'text/javascript') continue;
    code += match[2];
  }
  return code;
}

/** Bytes of a script that ran: its length minus the ranges V8 counted zero times. */
function executedBytes(entry: { source?: string; functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[] }): number {
  const length = entry.source?.length ?? 0;
  const unused = entry.functions.flatMap((fn) => fn.ranges).filter((range) => range.count === 0).sort((a, b) => a.startOffset - b.startOffset);
  let skipped = 0;
  let end = 0;
  for (const range of unused) {
    const start = Math.max(range.startOffset, end);
    if (range.endOffset > start) skipped += range.endOffset - start;
    end = Math.max(end, range.endOffset);
  }
  return length - skipped;
}

interface RunOptions {
  viewport: ViewportName;
  theme: Theme;
  cpu: number;
}

async function measure(browser: Browser, url: string, origin: string, { viewport, theme, cpu }: RunOptions): Promise<PageRun> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], deviceScaleFactor: viewport === 'mobile' ? 2 : 1, isMobile: viewport === 'mobile', hasTouch: viewport === 'mobile' });
  await context.addInitScript(`try { localStorage.setItem('starlight-theme', ${JSON.stringify(theme)}) } catch {}`);
  await context.addInitScript(DIAGRAM_PROBE);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.coverage.startJSCoverage({ resetOnNavigation: false });

  const bodies: Promise<{ kind: Kind; url: string; body: Buffer } | undefined>[] = [];
  let requests = 0;
  page.on('request', () => requests++);
  page.on('response', (response) => {
    const kind = kindOf(response.request().resourceType(), response.url());
    bodies.push(response.body().then((body) => ({ kind, url: response.url(), body }), () => undefined));
  });

  await page.goto(url, { waitUntil: 'load' });
  // Let the page do what it does when idle (Starlight used to fetch its search UI then).
  await page.evaluate(`new Promise((done) => requestIdleCallback(() => setTimeout(done, 300), { timeout: 2000 }))`);
  await page.waitForLoadState('networkidle');

  const timings = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { fcpMs: fcp ? fcp.startTime : NaN, domContentLoadedMs: nav.domContentLoadedEventEnd, loadMs: nav.loadEventEnd,
      diagrams: [...document.querySelectorAll('.mermaid-diagram svg')].map((svg, i) => {
        const box = svg.getBoundingClientRect();
        return { readyMs: window.__diagramParsed[i] ?? Infinity, inFirstScreen: box.height > 0 && box.top < innerHeight && box.bottom > 0 };
      }) };
  })()`)) as { fcpMs: number; domContentLoadedMs: number; loadMs: number; diagrams: DiagramTiming[] };
  const { diagrams } = timings;

  // Scroll to each diagram below the first screen: how long until a frame shows it?
  const before = requests;
  for (const [index, diagram] of diagrams.entries()) {
    if (diagram.inFirstScreen) continue;
    diagram.scrollMs = (await page.evaluate(`new Promise((done) => {
      const svg = document.querySelectorAll('.mermaid-diagram')[${index}].querySelector('svg');
      const start = performance.now();
      svg.scrollIntoView({ block: 'center', behavior: 'instant' });
      const shown = () => { const r = svg.getBoundingClientRect(); return r.height > 0 && r.bottom > 0 && r.top < innerHeight && svg.checkVisibility(); };
      const frame = () => requestAnimationFrame(() => shown() ? requestAnimationFrame(() => done(performance.now() - start)) : frame());
      frame();
    })`)) as number;
  }
  const scrollRequests = requests - before;

  const coverage = await page.coverage.stopJSCoverage();
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  await context.close();

  const bytes = Object.fromEntries(KINDS.map((kind) => [kind, { raw: 0, gzip: 0 }])) as Record<Kind, Bytes>;
  const foreign: string[] = [];
  let inline: Bytes = { raw: 0, gzip: 0 };
  for (const item of await Promise.all(bodies)) {
    if (!item) continue;
    if (new URL(item.url).origin !== origin) foreign.push(item.url);
    const size = sizes(item.body, item.kind);
    bytes[item.kind].raw += size.raw;
    bytes[item.kind].gzip += size.gzip;
    if (item.kind === 'html' && item.url === url) {
      const code = Buffer.from(inlineScripts(item.body.toString('utf8')));
      inline = { raw: code.length, gzip: code.length ? gzipSync(code).length : 0 };
    }
  }
  const total = KINDS.reduce((sum, kind) => ({ raw: sum.raw + bytes[kind].raw, gzip: sum.gzip + bytes[kind].gzip }), { raw: 0, gzip: 0 });
  return {
    bytes,
    total,
    scriptGzip: bytes.js.gzip + inline.gzip,
    inlineScript: inline,
    requests,
    foreign,
    ...timings,
    diagrams,
    scrollRequests,
    jsExecuted: coverage.reduce((sum, entry) => sum + executedBytes(entry), 0),
    jsTotal: coverage.reduce((sum, entry) => sum + (entry.source?.length ?? 0), 0),
    scriptMs: (metrics.find((metric) => metric.name === 'ScriptDuration')?.value ?? 0) * 1000,
  };
}

/** With JavaScript off, how many diagrams can the student see? (All of them: they are SVG in the HTML.) */
async function diagramsWithoutJs(browser: Browser, url: string, viewport: ViewportName): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], javaScriptEnabled: false });
  const page: Page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  let visible = 0;
  for (const svg of await page.locator('.mermaid-diagram svg').all()) {
    const box = await svg.boundingBox();
    if (box && box.width > 0 && box.height > 0) visible++;
  }
  await context.close();
  return visible;
}

const median = (values: number[]) => {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};

/** A run's problems against the budget. */
export function budgetProblems(run: PageRun, visibleWithoutJs: number): string[] {
  const problems: string[] = [];
  if (run.total.gzip > PAGE_BUDGET.totalGzip) problems.push(`${kib(run.total.gzip)} KiB gzip in total > ${kib(PAGE_BUDGET.totalGzip, 0)}`);
  if (run.scriptGzip > PAGE_BUDGET.scriptGzip) problems.push(`${kib(run.scriptGzip)} KiB gzip of script > ${kib(PAGE_BUDGET.scriptGzip, 0)}`);
  for (const [i, diagram] of run.diagrams.entries()) {
    if (diagram.inFirstScreen && !(diagram.readyMs <= run.fcpMs)) {
      problems.push(`diagram ${i + 1} is in the first screen but parsed at ${diagram.readyMs.toFixed(0)} ms, after first contentful paint (${run.fcpMs.toFixed(0)} ms)`);
    }
    if (diagram.scrollMs !== undefined && diagram.scrollMs > PAGE_BUDGET.scrollToVisibleMs) {
      problems.push(`diagram ${i + 1} took ${diagram.scrollMs.toFixed(0)} ms to appear when scrolled to`);
    }
  }
  if (run.scrollRequests > 0) problems.push(`scrolling to the diagrams made ${run.scrollRequests} request(s)`);
  if (visibleWithoutJs < run.diagrams.length) problems.push(`only ${visibleWithoutJs} of ${run.diagrams.length} diagrams are visible without JavaScript`);
  if (run.foreign.length) problems.push(`requests to other sites: ${run.foreign.join(', ')}`);
  return problems;
}

export async function benchPages(siteUrl: string, pages: readonly string[], runs: number, options: RunOptions): Promise<PageResult[]> {
  const browser = await launchChromium();
  const origin = new URL(siteUrl).origin;
  const results: PageResult[] = [];
  try {
    for (const path of pages) {
      const url = new URL(path.replace(/^\//, ''), siteUrl).href;
      const measured: PageRun[] = [];
      for (let i = 0; i < runs; i++) measured.push(await measure(browser, url, origin, options));
      const visibleWithoutJs = await diagramsWithoutJs(browser, url, options.viewport);
      // bytes do not change between runs; the worst run decides the timing checks
      const problems = [...new Set(measured.flatMap((run) => budgetProblems(run, visibleWithoutJs)))];
      results.push({ page: path, runs: measured, visibleWithoutJs, problems });
    }
  } finally {
    await browser.close();
  }
  return results;
}

const pair = (bytes: Bytes) => `${kib(bytes.raw)}/${kib(bytes.gzip)}`;
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(0) : '-');

export function formatTable(results: readonly PageResult[]): string {
  const header = [
    'page', 'HTML', 'CSS', 'JS', 'fonts', 'images', 'total gz', 'script gz', 'JS ran', 'JS ms', 'FCP', 'diagrams', 'ready', 'scroll', 'budget',
  ];
  const rows = results.map(({ page, runs, problems }) => {
    const run = runs[0]!;
    const diagrams = run.diagrams.length;
    const first = run.diagrams.filter((d) => d.inFirstScreen).length;
    const readyMs = median(runs.map((r) => Math.max(0, ...r.diagrams.map((d) => d.readyMs))));
    const scrollMs = Math.max(0, ...runs.flatMap((r) => r.diagrams.map((d) => d.scrollMs ?? 0)));
    return [
      page,
      pair(run.bytes.html),
      pair(run.bytes.css),
      pair(run.bytes.js),
      pair(run.bytes.font),
      pair(run.bytes.image),
      kib(run.total.gzip),
      kib(run.scriptGzip),
      `${kib(median(runs.map((r) => r.jsExecuted)))}/${kib(run.jsTotal)}`,
      ms(median(runs.map((r) => r.scriptMs))),
      ms(median(runs.map((r) => r.fcpMs))),
      diagrams === 0 ? '-' : `${diagrams} (${first} first)`,
      diagrams === 0 ? '-' : ms(readyMs),
      diagrams - first === 0 ? '-' : ms(scrollMs),
      problems.length === 0 ? 'ok' : 'OVER',
    ];
  });
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

const LEGEND = `KiB raw/gzip by type; script gz = script files + inline scripts; JS ran = KiB of script executed / loaded (V8 coverage);
JS ms = main-thread script time; FCP = first contentful paint, ms; ready = every diagram parsed, ms after navigation start;
scroll = slowest diagram below the first screen to appear once scrolled to, ms. Timings are medians of the runs.
Budget per page: ${kib(PAGE_BUDGET.totalGzip, 0)} KiB gzip in total, ${kib(PAGE_BUDGET.scriptGzip, 0)} KiB gzip of script, diagrams in the first screen parsed by FCP,
the others visible within ${PAGE_BUDGET.scrollToVisibleMs} ms of scrolling to them, every diagram visible without JavaScript.
Old course, outbox lesson, same machine: 261 KiB gzip in total, 240 KiB of it script, diagrams visible after 3.3 s.`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dist = resolve(option(args, '--dist') ?? 'dist');
  if (args.includes('--build') || !existsSync(dist)) buildProjectSite({ outDir: dist });
  const viewport = (option(args, '--viewport') ?? 'mobile') as ViewportName;
  const theme = (option(args, '--theme') ?? 'light') as Theme;
  if (!(viewport in VIEWPORTS) || (theme !== 'light' && theme !== 'dark')) throw new Error('use --viewport mobile|desktop and --theme light|dark');
  const runs = Number(option(args, '--runs') ?? 3);
  const cpu = Number(option(args, '--cpu') ?? 1);
  const pages = options(args, '--page');
  const base = basePath();
  const site = await serveStatic(dist, base);
  try {
    const list = pages.length ? pages : builtPages(dist);
    const results = await benchPages(site.url, list, runs, { viewport, theme, cpu });
    console.log(`bench:pages: ${list.length} page(s) of ${dist} at ${site.url}, ${viewport} ${VIEWPORTS[viewport].width}×${VIEWPORTS[viewport].height}, ${theme} theme, ${runs} run(s)${cpu > 1 ? `, CPU ${cpu}× slower` : ''}\n`);
    console.log(formatTable(results));
    console.log(`\n${LEGEND}`);
    const jsonFile = option(args, '--json');
    if (jsonFile) writeFileSync(jsonFile, JSON.stringify(results, null, 2));
    const broken = results.filter((result) => result.problems.length > 0);
    if (broken.length) {
      console.error(`\n${broken.length} page(s) over budget:`);
      for (const result of broken) for (const problem of result.problems) console.error(`  ${result.page}: ${problem}`);
      process.exitCode = 1;
    } else console.log('\nall pages within budget');
  } finally {
    await site.close();
  }
}

if (import.meta.main) await main();
