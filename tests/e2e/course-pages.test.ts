// The built site as a student sees it: lesson metadata, prerequisite links, sidebar and
// module pages in course order, previous/next, search in Russian, nothing loaded from outside.
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { loadCourse } from '../../src/course/fs/load-course.ts';
import { DIFFICULTY_LABELS, formatMinutes, moduleLabel } from '../../src/course/labels.ts';
import { buildOutline } from '../../src/course/outline.ts';
import { launchBrowser, type TestBrowser } from '../support/browser.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const course = loadCourse(ROOT);
const outline = buildOutline(course.modules, course.lessons);
const titles = new Map(course.lessons.map((lesson) => [lesson.id, lesson.title]));
const siteUrl = inject('siteUrl');
const url = (id: string) => new URL(id === '' ? '' : `${id}/`, siteUrl).href;

let browser: TestBrowser;
let page: Page;
const outside: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.on('request', (request) => {
    if (!request.url().startsWith(new URL(siteUrl).origin) && !request.url().startsWith('data:')) outside.push(request.url());
  });
});
afterAll(() => browser?.close());

async function open(id: string): Promise<void> {
  const response = await page.goto(url(id));
  expect(response?.status(), url(id)).toBe(200);
}

const text = (selector: string) => page.locator(selector).innerText();
const normalise = (value: string) => value.replaceAll('\u00a0', ' ').replace(/\s+/g, ' ').trim();

test('the course has lessons to check', () => {
  expect(course.lessons.length).toBeGreaterThan(1);
  expect(course.lessons.some((lesson) => lesson.prerequisites.length > 0)).toBe(true);
});

describe.each(course.lessons.map((lesson) => [lesson.id, lesson] as const))('lesson %s', (id, lesson) => {
  test('shows title, difficulty, time, topics and prerequisites as titled links', async () => {
    await open(id);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await text('h1')).toBe(lesson.title);
    expect(await text('.lesson-meta [data-difficulty]')).toBe(DIFFICULTY_LABELS[lesson.difficulty]);
    expect(normalise(await text('.lesson-meta'))).toContain(normalise(formatMinutes(lesson.estimatedTime)));
    expect(await page.locator('.lesson-topics li').allInnerTexts()).toEqual(lesson.topics);
    const links = await page.locator('[data-prerequisite]').evaluateAll((nodes) =>
      nodes.map((node) => ({ href: (node as HTMLAnchorElement).href, text: node.textContent?.trim() })),
    );
    expect(links).toEqual(lesson.prerequisites.map((required) => ({ href: url(required), text: titles.get(required) })));
  });

  test('previous and next follow course order', async () => {
    await open(id);
    const index = outline.lessons.findIndex((item) => item.id === id);
    const prev = outline.lessons[index - 1];
    const next = outline.lessons[index + 1];
    // evaluateAll does not wait for links that the first and last lessons do not have.
    const rel = (kind: string) =>
      page.locator(`.pagination-links a[rel="${kind}"]`).evaluateAll((nodes) => (nodes[0] as HTMLAnchorElement | undefined)?.getAttribute('href') ?? null);
    const prevHref = await rel('prev');
    const nextHref = await rel('next');
    expect(prevHref && new URL(prevHref, siteUrl).href).toBe(prev ? url(prev.id) : null);
    expect(nextHref && new URL(nextHref, siteUrl).href).toBe(next ? url(next.id) : null);
  });
});

describe('navigation', () => {
  test('the sidebar lists modules in order, each with its lessons in order and their time', async () => {
    await open(course.lessons[0]!.id);
    const groups = await page.locator('#starlight__sidebar details > summary').allInnerTexts();
    expect(groups.map(normalise)).toEqual(outline.modules.map(({ module }) => moduleLabel(module.number, module.title)));
    const links = await page.locator('#starlight__sidebar a').evaluateAll((nodes) =>
      nodes.map((node) => ({ href: (node as HTMLAnchorElement).href, text: node.textContent ?? '' })),
    );
    const expected = [
      url(''),
      ...['map', 'glossary', 'troubleshooting'].map((id) => url(id)),
      ...outline.modules.flatMap(({ module, lessons }) => [url(module.id), ...lessons.map((lesson) => url(lesson.id))]),
    ];
    expect(links.map((link) => link.href)).toEqual(expected);
    for (const lesson of course.lessons) {
      const link = links.find((item) => item.href === url(lesson.id))!;
      expect(normalise(link.text)).toContain(normalise(formatMinutes(lesson.estimatedTime)));
    }
  });

  test.each(outline.modules.map((entry) => [entry.module.id, entry] as const))('module page %s lists its lessons in order with the total time', async (id, entry) => {
    await open(id);
    expect(await text('h1')).toBe(moduleLabel(entry.module.number, entry.module.title));
    const hrefs = await page.locator('.module-lessons a').evaluateAll((nodes) => nodes.map((node) => (node as HTMLAnchorElement).href));
    expect(hrefs).toEqual(entry.lessons.map((lesson) => url(lesson.id)));
    expect(normalise(await text('.course-facts'))).toContain(normalise(formatMinutes(entry.totalMinutes)));
    for (const item of entry.module.covers) expect(await page.getByText(item, { exact: true }).count()).toBe(1);
  });

  test('the home page shows modules, lesson count, total time and where to start', async () => {
    await open('');
    const facts = normalise(await text('.course-facts'));
    expect(facts).toContain(String(course.lessons.length));
    expect(facts).toContain(normalise(formatMinutes(outline.totalMinutes)));
    expect(await page.locator('[data-start-lesson]').getAttribute('href')).toBe(new URL(url(outline.lessons[0]!.id)).pathname);
    const modules = await page.locator('.course-module h3').allInnerTexts();
    expect(modules).toEqual(outline.modules.map(({ module }) => moduleLabel(module.number, module.title)));
  });
});

describe('search', () => {
  test('Pagefind finds a lesson by another form of a Russian word', async () => {
    const lesson = course.lessons.find((item) => item.id === 'module-4/05-outbox-pattern-theory') ?? course.lessons[0]!;
    await open('');
    // «транзакциями» is not in the text as such; Russian stemming matches «транзакция», «транзакции».
    // A string, not a function: vitest would rewrite import() inside a function body.
    const results = await page.evaluate<string[]>(`(async () => {
      const pagefind = await import('${siteUrl}pagefind/pagefind.js');
      await pagefind.options({ baseUrl: '${new URL(siteUrl).pathname}' });
      const search = await pagefind.search('транзакциями');
      return Promise.all(search.results.slice(0, 10).map(async (result) => (await result.data()).url));
    })()`);
    expect(results).toContain(new URL(url(lesson.id)).pathname);
  });

  test('the search box opens a lesson', async () => {
    await open('');
    await page.locator('course-search button[data-open-search]:not([disabled])').click();
    await page.locator('dialog[open] input').first().fill('outbox');
    const first = page.locator('dialog[open] .search-result-link').first();
    await first.waitFor();
    const href = await first.getAttribute('href');
    await first.click();
    await page.waitForURL((current) => current.pathname === href);
    expect(await page.locator('.lesson-meta').count()).toBe(1);
  });
});

test('no request leaves the site', () => {
  expect(outside).toEqual([]);
});
