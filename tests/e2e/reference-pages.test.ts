// The pages generated from the lessons that students come back to: the glossary (every term, its
// lesson, the lessons using it; lessons link a term's first use to it), the troubleshooting index
// (every tagged error, linked back to its explanation) and the course map (every lesson and
// prerequisite, with the student's progress). Search finds every term and every error text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { readErrorTags, type ErrorTag } from '../../src/lint/error-tags.ts';
import { readGlossaryTerms } from '../../src/site/markdown/rehype-glossary-links.ts';
import { searchQueries } from '../../src/site/search/queries.ts';
import { course, lessons, open, pathOf, ROOT, seedProgress, startSession, url, VIEWPORT, type Session } from '../support/e2e.ts';

const terms = readGlossaryTerms(join(ROOT, 'src/content/glossary/terms.yaml'));
const lessonIds = new Set(lessons.map((lesson) => lesson.id));
const tags: (ErrorTag & { lesson: string })[] = course.lessons.flatMap((lesson) =>
  readErrorTags(readFileSync(join(ROOT, lesson.file), 'utf8'), lesson.file).tags.map((tag) => ({ ...tag, lesson: lesson.id })),
);
const prerequisites = course.lessons.flatMap((lesson) => lesson.prerequisites.map((from) => `${from} ${lesson.id}`));

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(async () => {
  expect(session.errors).toEqual([]);
  expect(session.outside).toEqual([]);
  await session?.close();
});

/** The first eight pages (what the search box shows) Pagefind returns for each query, through its
 *  own API on the built site, with the search box's fallbacks (src/site/search/queries.ts). */
async function searchPages(page: Page, queries: readonly string[]): Promise<string[][]> {
  return page.evaluate(
    `(async (queries) => {
      const pagefind = await import(${JSON.stringify(new URL('pagefind/pagefind.js', url('')).pathname)});
      const found = [];
      for (const tries of queries) {
        const results = [];
        for (const query of tries) {
          if (results.length >= 8) break;
          for (const result of (await pagefind.search(query)).results) if (!results.some((known) => known.id === result.id)) results.push(result);
        }
        found.push(await Promise.all(results.slice(0, 8).map(async (result) => (await result.data()).url.split('#')[0])));
      }
      return found;
    })(${JSON.stringify(queries.map(searchQueries))})`,
  );
}

/** An error as the student sees it: their own name in quotes, their own number or name elsewhere. */
const pasted = (text: string) => text.replaceAll('"…"', '"payments"').replace(/(table|database) …/, '$1 billing').replaceAll('…', '1732895123000');

describe('glossary', () => {
  test('lists every term with its English name and definition; introduced terms link to their lesson, planned ones say so', async () => {
    const page = await session.page();
    await open(page, 'glossary');
    expect(await page.locator('[data-glossary-term]').count()).toBe(terms.length);
    for (const term of terms) {
      const entry = page.locator(`[data-glossary-term="${term.id}"]`);
      const text = (await entry.innerText()).replaceAll('\u00a0', ' ');
      expect(text).toContain(term.ru);
      expect(text).toContain(term.definition.replace(/\s+/g, ' '));
      if (term.introducedIn && lessonIds.has(term.introducedIn)) {
        expect(await entry.locator('[data-introduced-in]').getAttribute('href')).toBe(pathOf(term.introducedIn));
      } else {
        expect(await entry.locator('[data-introduced-in]').count()).toBe(0);
        expect(text).toContain(`Вводится в модуле ${term.plannedIn!.replace('module-', '')} (готовится).`);
      }
    }
    expect(await page.locator('[data-used-in]').count()).toBeGreaterThan(terms.length);
    await page.context().close();
  });

  test('a lesson links the first use of a term to its entry, once per term, and the entry exists', async () => {
    const page = await session.page();
    const lesson = lessons.find((item) => item.id.endsWith('06-outbox-implementation')) ?? lessons[0]!;
    await open(page, lesson.id);
    const hrefs = await page.locator('main a.glossary-link').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('href')!));
    expect(hrefs.length).toBeGreaterThan(3);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    expect(await page.locator('main :is(h1, h2, h3, code, pre) a.glossary-link').count()).toBe(0);
    await page.locator('main a.glossary-link').first().click();
    await page.waitForURL(new RegExp(`${pathOf('glossary')}#`));
    const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.locator(`[data-glossary-term="${id}"]`).count()).toBe(1);
    await page.context().close();
  });

  test('search finds the glossary page by every term', async () => {
    const page = await session.page();
    await open(page, 'glossary');
    const found = await searchPages(page, terms.map((term) => term.ru));
    const missing = terms.filter((_, index) => !found[index]!.includes(pathOf('glossary'))).map((term) => term.ru);
    expect(missing).toEqual([]);
    await page.context().close();
  });
});

describe('troubleshooting', () => {
  test('lists every tagged error with its text and meaning, linked back to the note in its lesson', async () => {
    expect(tags.length).toBeGreaterThanOrEqual(7);
    const page = await session.page();
    await open(page, 'troubleshooting');
    for (const tag of tags) {
      const entry = page.locator(`[data-error-entry][id="${tag.anchor}"]`);
      expect(await entry.getAttribute('data-component')).toBe(tag.component);
      const text = (await entry.innerText()).replaceAll('\u00a0', ' ');
      expect(text).toContain(tag.text);
      expect(text).toContain(tag.meaning);
      if (tag.sqlstate) expect(text).toContain(`SQLSTATE ${tag.sqlstate}`);
      expect(await entry.locator(`[data-error-lesson="${tag.lesson}"]`).getAttribute('href')).toBe(`${pathOf(tag.lesson)}#${tag.anchor}`);
    }
    const first = tags[0]!;
    await page.locator(`[id="${first.anchor}"] [data-error-lesson="${first.lesson}"]`).click();
    await page.waitForURL(`${url(first.lesson)}#${first.anchor}`);
    expect(await page.locator(`[id="${first.anchor}"].error-note`).innerText()).toContain(first.text);
    await page.context().close();
  });

  test('search finds the index by every error text and every SQLSTATE', async () => {
    const page = await session.page();
    await open(page, 'troubleshooting');
    const queries = [...tags.map((tag) => pasted(tag.text)), ...tags.flatMap((tag) => (tag.sqlstate ? [tag.sqlstate] : []))];
    const found = await searchPages(page, queries);
    expect(queries.filter((_, index) => !found[index]!.includes(pathOf('troubleshooting')))).toEqual([]);
    await page.context().close();
  });

  test.each(['55000', 'ERROR:  cannot update table "payments"'])('%s pasted in the search box leads to the index', async (query) => {
    const page = await session.page();
    await open(page, '');
    await page.getByRole('button', { name: 'Поиск' }).click();
    await page.locator('dialog[open] input').fill(query);
    const result = page.locator(`dialog[open] .search-result-link[href="${pathOf('troubleshooting')}"]`);
    await result.first().waitFor();
    await result.first().click();
    await page.waitForURL(url('troubleshooting'));
    await page.context().close();
  });
});

describe('course map', () => {
  test('the home page links to it; it shows every lesson and every prerequisite in the picture and the list', async () => {
    const page = await session.page();
    await open(page, '');
    await page.locator('a[data-map-link]').click();
    await page.waitForURL(url('map'));
    const svgLessons = await page.locator('svg a[data-map-lesson]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-map-lesson')));
    expect(svgLessons).toEqual(lessons.map((lesson) => lesson.id));
    const listed = await page.locator('li[data-map-lesson] > a').evaluateAll((nodes) => nodes.map((node) => (node as HTMLAnchorElement).href));
    expect(listed).toEqual(lessons.map((lesson) => url(lesson.id)));
    const edges = await page.locator('svg [data-edge]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-edge')));
    expect(edges.sort()).toEqual([...prerequisites].sort());
    await page.context().close();
  });

  test('progress shows on it: done lessons, the next one; clicking a lesson opens it', async () => {
    const context = await session.context();
    const done = lessons.slice(0, 2).map((lesson) => lesson.id);
    await seedProgress(context, done);
    const page = await context.newPage();
    await open(page, 'map');
    const state = (id: string) => page.locator(`svg a[data-map-lesson="${id}"]`).getAttribute('data-state');
    await expect.poll(() => state(done[0]!)).toBe('done');
    expect(await state(done[1]!)).toBe('done');
    const next = lessons[2]!;
    expect(await state(next.id)).toBe('next');
    expect(await page.locator(`li[data-map-lesson="${next.id}"] [data-map-next]`).isVisible()).toBe(true);
    expect(await page.locator(`li[data-map-lesson="${done[0]}"]`).getAttribute('data-done')).toBe('');
    expect((await page.locator('[data-progress-summary]').first().innerText()).replaceAll('\u00a0', ' ')).toContain(`Пройдено уроков: 2 из ${lessons.length}`);
    await page.locator(`svg a[data-map-lesson="${next.id}"]`).click();
    await page.waitForURL(url(next.id));
    await page.goBack();
    await page.locator(`li[data-map-lesson="${lessons[3]!.id}"] > a`).click();
    await page.waitForURL(url(lessons[3]!.id));
    await context.close();
  });

  test('at 390 px only the list shows, and the page does not scroll sideways', async () => {
    const page = await session.page({ viewport: VIEWPORT.phone });
    await open(page, 'map');
    expect(await page.locator('svg.course-map__svg').isVisible()).toBe(false);
    expect(await page.locator('li[data-map-lesson]').first().isVisible()).toBe(true);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(VIEWPORT.phone.width);
    await page.context().close();
  });
});
