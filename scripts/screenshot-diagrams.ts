// Screenshots of a built lesson with diagrams, in Starlight's light and dark themes, on a
// desktop and a 390 px phone, plus the checks that go with them: no diagram script, no sideways
// page scroll, axe-core inside the diagrams, WCAG contrast of diagram text and lines, page weight.
//
// Usage: node scripts/screenshot-diagrams.ts [--build] [--page /module-9/03-diagrams/] [--out screenshots/diagrams] [--dist dist]
// Screenshots are for people to look at; they are not test expectations (screenshots/ is gitignored).
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../src/site/browser/launch.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { PAGE_BUDGET, kib } from './lib/page-budget.ts';

const require = createRequire(import.meta.url);

export type Theme = 'light' | 'dark';
export const VIEWPORTS = {
  desktop: { width: 1280, height: 900 },
  mobile: { width: 390, height: 844 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** Serves a built site on a free local port; `url` has no trailing slash, so `${url}/module-4/…`. */
export async function serveDist(dist: string, base = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const site = await serveStatic(dist, base.replace(/\/?$/, '/'));
  return { url: site.url.replace(/\/$/, ''), close: site.close };
}

/** Built pages (site paths) that contain at least one diagram. */
export function pagesWithDiagrams(dist: string): string[] {
  const pages: string[] = [];
  for (const name of readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('index.html')) continue;
    if (readFileSync(join(dist, name), 'utf8').includes('class="mermaid-diagram')) {
      pages.push(`/${name.replace(/index\.html$/, '')}`);
    }
  }
  return pages.sort();
}

export async function launchChromium(): Promise<Browser> {
  const found = findBrowser();
  if (!found.ok) throw new Error(found.message);
  return chromium.launch({ executablePath: found.path, headless: true, args: CHROMIUM_ARGS });
}

export interface ContrastFinding {
  what: 'text' | 'line' | 'shape';
  ratio: number;
  min: number;
  label: string;
}

export interface PageReport {
  theme: Theme;
  viewport: ViewportName;
  dataTheme: string | undefined;
  diagrams: number;
  namedImages: number;
  /** the page scrolls sideways (it must not) */
  pageOverflowX: boolean;
  /** diagrams wider than their box (they scroll inside it) */
  scrollingDiagrams: number;
  scripts: string[];
  mermaidInScripts: string[];
  axeViolations: { id: string; impact: string | null | undefined; nodes: number; help: string }[];
  contrastFailures: ContrastFinding[];
  worst: Record<ContrastFinding['what'], number | undefined>;
  /** gzip bytes of what loads with the page (up to the load event) */
  weight: { totalGzip: number; scriptGzip: number; byType: Record<string, number> };
  /** gzip bytes fetched after the load event (idle-time loads such as the search UI) */
  deferred: { url: string; gzip: number }[];
}

// Runs in the page (as source text, so no bundler can rewrite it). For each visible diagram
// SVG: text colour against the shape painted under the text's centre (or the page background),
// edge strokes against the page background, node outlines (stroke or fill) against the page.
const CONTRAST_AUDIT = String.raw`(() => {
  const parse = (text) => {
    const m = /rgba?\(([^)]+)\)/.exec(text || '');
    if (!m) return undefined;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const lin = (c) => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const lum = (c) => 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
  const over = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
  const ratio = (fg, bg) => { const a = lum(fg), b = lum(bg); return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
  const pageBg = parse(getComputedStyle(document.body).backgroundColor);
  const paint = (el, prop) => {
    const cs = getComputedStyle(el);
    const c = parse(cs[prop]);
    if (!c) return undefined;
    const opacity = Number(cs[prop + 'Opacity'] || 1) * Number(cs.opacity || 1);
    return { ...c, a: c.a * opacity };
  };
  const SHAPES = new Set(['rect', 'path', 'polygon', 'circle', 'ellipse']);
  const findings = [];
  const label = (el) => (el.textContent || el.tagName).trim().slice(0, 40);
  for (const svg of document.querySelectorAll('.mermaid-diagram__svg')) {
    if (!svg.checkVisibility()) continue;
    const box = svg.closest('.mermaid-diagram__viewport');
    box.scrollLeft = 0;
    // Text leaves: a <tspan> (or <text>) without tspans inside; its own fill is what is drawn.
    const leaves = [...svg.querySelectorAll('text, tspan')].filter((el) => !el.querySelector('tspan'));
    for (const text of leaves) {
      if (!text.textContent.trim() || !text.checkVisibility()) continue;
      const fg = paint(text, 'fill');
      if (!fg || fg.a === 0) continue;
      const r = text.getBoundingClientRect();
      if (r.width === 0) continue;
      const x = r.left + r.width / 2, y = r.top + r.height / 2;
      let bg = pageBg;
      const numberCircle = text.closest('.sequenceNumber') && svg.querySelector('marker[id$="sequencenumber"] circle');
      if (numberCircle) bg = over(paint(numberCircle, 'fill'), pageBg);
      else for (const el of document.elementsFromPoint(x, y)) {
        if (!svg.contains(el)) break;
        if (!SHAPES.has(el.tagName)) continue;
        const fill = paint(el, 'fill');
        if (fill && fill.a > 0) { bg = over(fill, pageBg); break; }
      }
      findings.push({ what: 'text', ratio: ratio(over(fg, bg), bg), min: 4.5, label: label(text) });
    }
    const shapes = [...svg.querySelectorAll('path, line, polyline, rect, polygon, circle, ellipse')]
      .filter((el) => !el.closest('marker, defs') && el.checkVisibility())
      .map((el) => {
        const stroke = paint(el, 'stroke');
        const fill = paint(el, 'fill');
        const strokeWidth = parseFloat(getComputedStyle(el).strokeWidth) || 0;
        return { el, stroke, fill, rect: el.getBoundingClientRect(), hasStroke: Boolean(stroke && stroke.a > 0 && strokeWidth > 0), hasFill: Boolean(fill && fill.a > 0) };
      });
    const outlined = shapes.filter((s) => s.hasStroke && s.rect.width > 6 && s.rect.height > 6).map((s) => s.rect);
    const inside = (r) => outlined.some((o) => r.left >= o.left - 1.5 && r.top >= o.top - 1.5 && r.right <= o.right + 1.5 && r.bottom <= o.bottom + 1.5);
    for (const { el, stroke, fill, rect, hasStroke, hasFill } of shapes) {
      if (rect.width * rect.height === 0 && !hasStroke) continue;
      const name = (el.getAttribute('class') || el.tagName) + ' in ' + (el.parentElement.getAttribute('class') || el.parentElement.tagName);
      if (hasStroke && !hasFill) {
        findings.push({ what: 'line', ratio: ratio(over(stroke, pageBg), pageBg), min: 3, label: name });
      } else if (hasFill && rect.width > 6 && rect.height > 6) {
        const fillRatio = ratio(over(fill, pageBg), pageBg);
        // Unoutlined fills inside an outlined shape (table rows, fills drawn apart from their
        // outline) and plates in the page colour (behind labels) are not shapes of their own.
        if (!hasStroke && (fillRatio < 1.05 || inside(rect))) continue;
        const outline = Math.max(hasStroke ? ratio(over(stroke, pageBg), pageBg) : 1, fillRatio);
        findings.push({ what: 'shape', ratio: outline, min: 3, label: name });
      }
    }
  }
  return findings;
})()`;

/** Opens one page in one theme and viewport, takes its screenshot if asked, and checks it. */
export async function checkPage(
  browser: Browser,
  url: string,
  theme: Theme,
  viewport: ViewportName,
  screenshot?: string,
): Promise<PageReport> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], deviceScaleFactor: viewport === 'mobile' ? 2 : 1 });
  await context.addInitScript(`localStorage.setItem('starlight-theme', ${JSON.stringify(theme)})`);
  const page: Page = await context.newPage();
  const bodies: { type: string; url: string; body: Buffer; deferred: boolean }[] = [];
  // Requests made after the load event (Starlight fetches its Pagefind search UI when the
  // browser is idle) are counted apart from the page itself.
  let loaded = false;
  const deferredRequests = new Set<unknown>();
  page.on('load', () => {
    loaded = true;
  });
  page.on('request', (request) => {
    if (loaded) deferredRequests.add(request);
  });
  page.on('response', (response) => {
    void response.body().then(
      (body) => bodies.push({ type: response.request().resourceType(), url: response.url(), body, deferred: deferredRequests.has(response.request()) }),
      () => {},
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const dataTheme = await page.evaluate('document.documentElement.dataset.theme');
  if (screenshot) {
    await page.screenshot({ path: screenshot, fullPage: true });
    // and each diagram on its own, for a closer look
    const figures = await page.locator('.mermaid-diagram').all();
    for (const [i, figure] of figures.entries()) {
      await figure.screenshot({ path: screenshot.replace(/\.png$/, `-diagram-${i + 1}.png`) });
    }
  }
  const layout = (await page.evaluate(`(() => ({
    diagrams: document.querySelectorAll('.mermaid-diagram').length,
    namedImages: [...document.querySelectorAll('.mermaid-diagram [role="img"]')].filter((el) => (el.getAttribute('aria-label') || '').trim()).length,
    pageOverflowX: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    scrollingDiagrams: [...document.querySelectorAll('.mermaid-diagram__viewport')].filter((el) => el.scrollWidth > el.clientWidth + 1).length,
    scripts: [...document.scripts].map((s) => s.src || 'inline:' + s.textContent.slice(0, 60)),
  }))()`)) as Pick<PageReport, 'diagrams' | 'namedImages' | 'pageOverflowX' | 'scrollingDiagrams' | 'scripts'>;
  const findings = (await page.evaluate(CONTRAST_AUDIT)) as ContrastFinding[];
  await page.addScriptTag({ path: require.resolve('axe-core') });
  const axe = (await page.evaluate(`axe.run({ include: [['.mermaid-diagram']] }, { resultTypes: ['violations'] })`)) as {
    violations: { id: string; impact?: string | null; nodes: unknown[]; help: string }[];
  };
  await context.close();

  const worst: PageReport['worst'] = { text: undefined, line: undefined, shape: undefined };
  for (const finding of findings) {
    const current = worst[finding.what];
    if (current === undefined || finding.ratio < current) worst[finding.what] = finding.ratio;
  }
  const byType: Record<string, number> = {};
  let totalGzip = 0;
  let scriptGzip = 0;
  const mermaidInScripts: string[] = [];
  const deferred: PageReport['deferred'] = [];
  for (const { type, url: resourceUrl, body, deferred: late } of bodies) {
    const size = gzipSync(body).length;
    if (type === 'script' && /mermaid/i.test(body.toString('utf8'))) mermaidInScripts.push(resourceUrl);
    if (late) {
      deferred.push({ url: resourceUrl, gzip: size });
      continue;
    }
    byType[type] = (byType[type] ?? 0) + size;
    totalGzip += size;
    if (type === 'script') scriptGzip += size;
  }
  for (const script of layout.scripts) if (/mermaid/i.test(script)) mermaidInScripts.push(script);
  return {
    theme,
    viewport,
    dataTheme: typeof dataTheme === 'string' ? dataTheme : undefined,
    ...layout,
    mermaidInScripts,
    axeViolations: axe.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help })),
    contrastFailures: findings.filter((f) => f.ratio < f.min),
    worst,
    weight: { totalGzip, scriptGzip, byType },
    deferred,
  };
}

/** Problems a report shows (empty when the page is fine). */
export function reportProblems(report: PageReport): string[] {
  const problems: string[] = [];
  const where = `${report.theme}/${report.viewport}`;
  if (report.dataTheme !== report.theme) problems.push(`${where}: data-theme is ${report.dataTheme}`);
  if (report.diagrams === 0) problems.push(`${where}: no diagrams on the page`);
  if (report.namedImages !== report.diagrams) problems.push(`${where}: ${report.diagrams - report.namedImages} diagram(s) without role="img" and a name`);
  if (report.pageOverflowX) problems.push(`${where}: the page scrolls sideways`);
  if (report.mermaidInScripts.length) problems.push(`${where}: mermaid in scripts: ${report.mermaidInScripts.join(', ')}`);
  for (const v of report.axeViolations) problems.push(`${where}: axe ${v.id} (${v.impact}) on ${v.nodes} node(s): ${v.help}`);
  for (const f of report.contrastFailures.slice(0, 10)) problems.push(`${where}: ${f.what} contrast ${f.ratio.toFixed(2)} < ${f.min} («${f.label}»)`);
  if (report.weight.totalGzip > PAGE_BUDGET.totalGzip) problems.push(`${where}: page weight ${kib(report.weight.totalGzip)} KiB gzip > ${kib(PAGE_BUDGET.totalGzip, 0)}`);
  if (report.weight.scriptGzip > PAGE_BUDGET.scriptGzip) problems.push(`${where}: script ${kib(report.weight.scriptGzip)} KiB gzip > ${kib(PAGE_BUDGET.scriptGzip, 0)}`);
  return problems;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const root = process.cwd();
  const dist = resolve(option(args, '--dist') ?? 'dist');
  const out = resolve(option(args, '--out') ?? join('screenshots', 'diagrams'));
  if (args.includes('--build') || !existsSync(dist)) {
    const built = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], { stdio: 'inherit' });
    if (built.status !== 0) process.exit(built.status ?? 1);
  }
  const base = process.env.BASE_PATH?.trim() ? `/${process.env.BASE_PATH.trim().replace(/^\/+|\/+$/g, '')}/` : '/';
  const pagePath = option(args, '--page') ?? pagesWithDiagrams(dist)[0];
  if (!pagePath) throw new Error(`no built page in ${dist} contains a mermaid diagram`);
  mkdirSync(out, { recursive: true });
  const server = await serveDist(dist, base);
  const browser = await launchChromium();
  const problems: string[] = [];
  let weightNote = '';
  try {
    const slug = pagePath.replace(/^\/|\/$/g, '').replaceAll('/', '_') || 'home';
    console.log(`page ${pagePath}`);
    console.log('theme  viewport  diagrams  scrolling  page-x  axe  worst text/line/shape   weight KiB gz (script)  screenshot');
    for (const theme of ['light', 'dark'] as const) {
      for (const viewport of ['desktop', 'mobile'] as const) {
        const file = join(out, `${slug}-${theme}-${viewport}.png`);
        const report = await checkPage(browser, `${server.url}${pagePath}`, theme, viewport, file);
        const w = report.worst;
        const fmt = (n: number | undefined) => (n === undefined ? '-' : n.toFixed(2));
        console.log(
          `${theme.padEnd(6)} ${viewport.padEnd(9)} ${String(report.diagrams).padEnd(9)} ${String(report.scrollingDiagrams).padEnd(10)} ` +
            `${report.pageOverflowX ? 'YES' : 'no '}     ${String(report.axeViolations.length).padEnd(4)} ` +
            `${fmt(w.text)}/${fmt(w.line)}/${fmt(w.shape)}`.padEnd(24) +
            `${(report.weight.totalGzip / 1024).toFixed(1)} (${(report.weight.scriptGzip / 1024).toFixed(1)})`.padEnd(24) +
            file,
        );
        problems.push(...reportProblems(report));
        if (theme === 'light' && viewport === 'desktop') {
          const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
          weightNote = [
            `page weight (gzip, up to the load event): ${kib(report.weight.totalGzip)}: ` +
              Object.entries(report.weight.byType).map(([type, n]) => `${type} ${kib(n)}`).join(', '),
            ...report.deferred.map((d) => `loaded later, when idle: ${d.url.replace(/^https?:\/\/[^/]+/, '')} ${kib(d.gzip)}`),
          ].join('\n');
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(`\n${weightNote}`);
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):\n${problems.join('\n')}`);
    process.exit(1);
  }
  console.log('\nall checks passed');
}

if (import.meta.main) await main();
