// Getting around the built site: the outbox lessons' diagrams are SVG from the first paint,
// prerequisite links and previous/next lead where they say, search finds a Russian word and
// opens the lesson (its UI loaded only when asked for), the theme switch repaints the diagrams,
// and on a 390 px phone no page scrolls sideways.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { lessons, open, outline, pathOf, seedProgress, siteUrl, startSession, titles, url, VIEWPORT, type Session } from '../support/e2e.ts';
import { DIAGRAM_PROBE } from '../../scripts/bench-pages.ts';
import { PALETTE } from '../../src/site/mermaid/theme.ts';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

const outboxLessons = lessons.filter((lesson) => lesson.id.includes('outbox'));
const opensWithDiagram = lessons.find((lesson) => lesson.id === 'module-4/02-predicates-filtering') ?? lessons[0]!;

test('the course has outbox lessons with prerequisites and neighbours', () => {
  expect(outboxLessons.length).toBeGreaterThanOrEqual(2);
  expect(outboxLessons[0]!.prerequisites.length).toBeGreaterThan(0);
});

describe.each(outboxLessons.map((lesson) => [lesson.id, lesson] as const))('%s', (id, lesson) => {
  test('every diagram is SVG in the HTML itself, visible without JavaScript', async () => {
    const response = await fetch(url(id));
    const html = await response.text();
    const inHtml = html.match(/<div class="mermaid-diagram[^"]*"[^>]*><div[^>]*role="img"[^>]*><svg /g) ?? [];
    expect(inHtml.length).toBeGreaterThan(0);

    const page = await session.page({ javaScriptEnabled: false });
    await open(page, id);
    const boxes = await Promise.all((await page.locator('.mermaid-diagram svg').all()).map((svg) => svg.boundingBox()));
    expect(boxes.length).toBe(inHtml.length);
    for (const box of boxes) expect(box!.width * box!.height).toBeGreaterThan(1000);
    await page.context().close();
  });

  test('a prerequisite link opens the prerequisite', async () => {
    const page = await session.page();
    await open(page, id);
    const required = lesson.prerequisites[0]!;
    await page.locator(`.lesson-meta a[data-prerequisite="${required}"]`).click();
    await page.waitForURL(url(required));
    expect(await page.locator('h1').innerText()).toBe(titles.get(required));
    await page.context().close();
  });

  test('«Далее» and «Назад» walk the course in order', async () => {
    const index = lessons.indexOf(lesson);
    const [prev, next] = [lessons[index - 1], lessons[index + 1]];
    const page = await session.page();
    await open(page, id);
    if (next) {
      await page.locator('.pagination-links a[rel="next"]').click();
      await page.waitForURL(url(next.id));
      expect(await page.locator('h1').innerText()).toBe(next.title);
      await page.locator('.pagination-links a[rel="prev"]').click();
      await page.waitForURL(url(id));
    }
    if (prev) {
      await page.locator('.pagination-links a[rel="prev"]').click();
      await page.waitForURL(url(prev.id));
      expect(await page.locator('h1').innerText()).toBe(prev.title);
    }
    await page.context().close();
  });
});

test('a lesson that opens with a diagram paints it in its first frame', async () => {
  const context = await session.context();
  await context.addInitScript(DIAGRAM_PROBE);
  const page = await context.newPage();
  await open(page, opensWithDiagram.id);
  const target = await page.locator('link[rel="expect"][blocking="render"]').getAttribute('href');
  expect(target).toMatch(/^#mmd-/);
  expect(await page.locator(`.mermaid-diagram svg${target}`).count()).toBe(1);
  const [parsed, fcp, top] = (await page.evaluate(`[
    window.__diagramParsed[0],
    performance.getEntriesByName('first-contentful-paint')[0].startTime,
    document.querySelector('.mermaid-diagram svg').getBoundingClientRect().top,
  ]`)) as [number, number, number];
  expect(top).toBeLessThan(VIEWPORT.desktop.height); // it is in the first screen…
  expect(parsed).toBeLessThanOrEqual(fcp); // …and was there when the page was first painted
  await context.close();
});

describe('search', () => {
  test('finds a Russian word in another form and opens the lesson; its UI loads only when asked for', async () => {
    const page = await session.page();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await open(page, '');
    await page.waitForLoadState('networkidle');
    await page.evaluate(`new Promise((done) => requestIdleCallback(() => setTimeout(done, 200)))`);
    expect(requested.filter((item) => /pagefind/.test(item))).toEqual([]);

    const target = lessons.find((lesson) => lesson.id.endsWith('content-based-routing')) ?? lessons[0]!;
    await page.getByRole('button', { name: 'Поиск' }).click();
    // «маршрутизации» is not in the title «Маршрутизация событий…»; stemming finds it
    await page.locator('dialog[open] input').fill('маршрутизации');
    const result = page.locator(`dialog[open] .search-result-link[href="${pathOf(target.id)}"]`);
    await result.waitFor();
    await result.click();
    await page.waitForURL(url(target.id));
    expect(await page.locator('h1').innerText()).toBe(target.title);
    await page.context().close();
  });

  test('Ctrl+K opens search with the cursor in the box', async () => {
    const page = await session.page();
    await open(page, lessons[0]!.id);
    await page.keyboard.press('Control+k');
    await page.locator('dialog[open] input').waitFor();
    await expect.poll(() => page.evaluate(`document.activeElement?.matches('dialog[open] input')`)).toBe(true);
    await page.context().close();
  });
});

test('the theme switch repaints the diagrams in the other palette', async () => {
  const page = await session.page();
  await open(page, outboxLessons[0]!.id);
  const select = page.locator('starlight-theme-select select').first();
  const paint = () =>
    page.evaluate(`(() => {
      const text = document.querySelector('.mermaid-diagram svg text');
      return { theme: document.documentElement.dataset.theme, fill: getComputedStyle(text).fill };
    })()`) as Promise<{ theme: string; fill: string }>;
  await select.selectOption('light');
  const light = await paint();
  await select.selectOption('dark');
  const dark = await paint();
  expect([light.theme, dark.theme]).toEqual(['light', 'dark']);
  const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;
  // the same element is painted with one palette colour's light variant, then its dark one
  const roles = Object.entries(PALETTE).filter(([, colour]) => rgb(colour.light) === light.fill && rgb(colour.dark) === dark.fill);
  expect(light.fill).not.toBe(dark.fill);
  expect(roles.map(([role]) => role)).not.toEqual([]);
  await page.context().close();
});

test('on a 390 px phone no page scrolls sideways', async () => {
  const context = await session.context({ viewport: VIEWPORT.phone, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await seedProgress(context, lessons.slice(0, 2).map((lesson) => lesson.id)); // progress controls and notices shown
  const page = await context.newPage();
  const wide: string[] = [];
  for (const id of ['', ...outline.modules.map(({ module }) => module.id), ...lessons.map((lesson) => lesson.id)]) {
    await open(page, id);
    const { scroll, client } = (await page.evaluate(`({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })`)) as {
      scroll: number;
      client: number;
    };
    if (scroll > client) wide.push(`${url(id)}: ${scroll} > ${client}`);
  }
  expect(wide).toEqual([]);
  await context.close();
});

test('no console errors, no request leaves the site', () => {
  expect(siteUrl).toMatch(/\/debezium-course\/$/); // the tests ran under a base path
  expect(session.errors).toEqual([]);
  expect(session.outside).toEqual([]);
});
