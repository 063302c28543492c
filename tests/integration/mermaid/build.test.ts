// Builds a tiny course with the real site code and checks the diagrams end to end: SVG in the
// HTML, no diagram script, accessible and AA in both themes on a phone, and an invalid diagram
// (or a missing browser) failing the build with a useful message.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, createSiteCopy, type BuildResult } from '../../../scripts/lib/site-copy.ts';
import { checkPage, launchChromium, reportProblems, serveDist } from '../../../scripts/screenshot-diagrams.ts';

const root = resolve(new URL('../../..', import.meta.url).pathname);
const site = createSiteCopy(root, `it-mermaid-${process.pid}`);
const cacheDir = join(site, '.cache', 'mermaid');
const moduleDir = join(site, 'src/content/course/01-module-1');

const frontmatter = (order: number, title: string) =>
  `---\ntitle: '${title}'\ndescription: 'Проверка диаграмм.'\norder: ${order}\ndifficulty: beginner\nestimatedTime: 10\ntopics: [diagrams]\n---\n`;

const GOOD = `${frontmatter(1, 'Диаграммы')}import { Aside } from '@astrojs/starlight/components';

## Путь события

\`\`\`mermaid
flowchart TB
  accTitle: Путь изменения
  accDescr: Приложение пишет в PostgreSQL, Debezium читает WAL и публикует событие в Kafka.
  app[Приложение] -->|INSERT| pg[(PostgreSQL)]
  pg -->|WAL| dbz[Debezium]
  dbz --> topic{{Топик Kafka}}
\`\`\`

## Длинная цепочка

<Aside>Широкая схема.</Aside>

\`\`\`mermaid
flowchart LR
  a[Источник PostgreSQL 17] --> b[Логическое декодирование] --> c[Debezium PostgresConnector] --> d[SMT ExtractNewRecordState] --> e[Топик orders]
\`\`\`
`;


let built: BuildResult;
let browser: Browser | undefined;

beforeAll(() => {
  mkdirSync(moduleDir, { recursive: true });
  writeFileSync(join(moduleDir, 'module.yaml'), 'number: 1\ntitle: Модуль\ndescription: Проверка.\ncovers: [диаграммы]\n');
  writeFileSync(join(moduleDir, '01-diagrams.mdx'), GOOD);
  built = buildSite(root, site, cacheDir);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(site, { recursive: true, force: true });
});

describe('a course with diagrams', () => {
  test('builds, rendering each diagram once', () => {
    expect(built.ok, built.output.slice(-3000)).toBe(true);
    expect(built.stats).toMatchObject({ requested: 2, rendered: 2, fromCache: 0, failed: 0 });
  });

  test('ships the diagrams as inline SVG with a name, and no mermaid code at all', () => {
    const html = readFileSync(join(site, 'dist/module-1/01-diagrams/index.html'), 'utf8');
    expect(html.match(/<div class="mermaid-diagram /g)).toHaveLength(2);
    expect(html).toContain('role="img" aria-label="Путь изменения" tabindex="0" aria-describedby="mmd-');
    expect(html).toContain('aria-label="Блок-схема: Длинная цепочка"');
    expect(html).not.toContain('language-mermaid');
    expect(html).not.toContain('set:html');
    const inlineScripts = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
    expect(inlineScripts.filter((code) => /mermaid/i.test(code))).toEqual([]);
    const scripts = readdirSync(join(site, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.m?js$/.test(f));
    expect(scripts.filter((f) => /mermaid/i.test(readFileSync(join(site, 'dist', f), 'utf8')))).toEqual([]);
  });

  test.each([
    ['light', 'mobile'],
    ['dark', 'mobile'],
    ['dark', 'desktop'],
  ] as const)('in the %s theme on %s: axe-clean, AA contrast, no sideways page scroll', async (theme, viewport) => {
    expect(built.ok).toBe(true);
    browser ??= await launchChromium();
    const server = await serveDist(join(site, 'dist'));
    try {
      const report = await checkPage(browser, `${server.url}/module-1/01-diagrams/`, theme, viewport);
      expect(reportProblems(report)).toEqual([]);
      expect(report.diagrams).toBe(2);
      expect(report.axeViolations).toEqual([]);
      expect(report.worst.text).toBeGreaterThanOrEqual(4.5);
      if (viewport === 'mobile') expect(report.scrollingDiagrams).toBeGreaterThanOrEqual(1); // the long chain
    } finally {
      await server.close();
    }
  }, 30_000);
});

test('switching the theme recolours the diagrams at once (CSS only, no script)', async () => {
  expect(built.ok).toBe(true);
  browser ??= await launchChromium();
  const server = await serveDist(join(site, 'dist'));
  const page = await browser.newPage();
  try {
    await page.goto(`${server.url}/module-1/01-diagrams/`);
    const nodeFill = `(theme) => { document.documentElement.dataset.theme = theme; return getComputedStyle(document.querySelector('.mermaid-diagram .node rect, .mermaid-diagram .node path')).fill; }`;
    const light = await page.evaluate(`(${nodeFill})('light')`);
    const dark = await page.evaluate(`(${nodeFill})('dark')`);
    expect(light).toBe('rgb(232, 236, 253)'); // PALETTE.node.light #e8ecfd
    expect(dark).toBe('rgb(37, 43, 74)'); // PALETTE.node.dark #252b4a
  } finally {
    await page.close();
    await server.close();
  }
});

describe('a broken course', () => {
  test('an invalid diagram fails the build, before any page is built, with file, line and mermaid’s message', () => {
    const text = `${frontmatter(2, 'Ошибка')}\n## Сломано\n\n\`\`\`mermaid\nflowchart LR\n  A --> --> B\n\`\`\`\n`;
    const fenceLine = text.split('\n').indexOf('```mermaid') + 1;
    writeFileSync(join(moduleDir, '02-broken.mdx'), text);
    try {
      const result = buildSite(root, site, cacheDir);
      expect(result.ok).toBe(false);
      expect(result.output).toContain(`src/content/course/01-module-1/02-broken.mdx:${fenceLine + 2} mermaid = "A --> --> B"`);
      expect(result.output).toMatch(/Parse error on line 2/);
    } finally {
      rmSync(join(moduleDir, '02-broken.mdx'));
    }
  }, 60_000);

  test('without a browser the build stops at once and says how to get one', () => {
    const result = buildSite(root, site, join(site, '.cache', 'empty'), { MERMAID_BROWSER_PATH: '/nonexistent/chromium' });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('MERMAID_BROWSER_PATH=/nonexistent/chromium does not exist');
    expect(result.seconds).toBeLessThan(15);
  }, 60_000);
});
