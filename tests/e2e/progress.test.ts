// Progress without accounts, in the built site: the «Урок пройден» checkbox and its storage,
// sidebar marks, module and course progress, «Продолжить», the prerequisites notice, export and
// import of the progress file, and the lesson without JavaScript.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { PROGRESS_FORMAT } from '../../src/course/progress.ts';
import { PROGRESS_KEY, lessons, normalise, open, outline, pathOf, readProgress, seedProgress, startSession, storedProgress, titles, url, type Session } from '../support/e2e.ts';

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

const [first, second, third, fourth] = lessons;
const withPrerequisites = lessons.find((lesson) => lesson.prerequisites.length > 0)!;
// The module of the first unfinished lesson in the «Продолжить» test (modules may be short).
const module = outline.modules.find((m) => m.lessons.includes(third!))!;

const checkbox = (page: Page) => page.getByRole('checkbox', { name: 'Урок пройден' });
const sidebarLink = (page: Page, id: string) => page.locator(`#starlight__sidebar a[data-progress-lesson="${id}"]`);

test('the course has what these tests need', () => {
  expect(lessons.length).toBeGreaterThanOrEqual(4);
  expect(withPrerequisites).toBeDefined();
});

describe('the «Урок пройден» control', () => {
  test('marking a lesson survives a reload and marks it in the sidebar; unmarking undoes both', async () => {
    const page = await session.page();
    await open(page, first!.id);
    await expect.poll(() => checkbox(page).isVisible()).toBe(true);
    expect(await checkbox(page).isChecked()).toBe(false);
    expect(await sidebarLink(page, first!.id).getAttribute('data-done')).toBeNull();

    await page.getByText('Урок пройден', { exact: true }).click(); // the label toggles it
    expect(await checkbox(page).isChecked()).toBe(true);
    await page.reload();
    expect(await checkbox(page).isChecked()).toBe(true);
    expect(await sidebarLink(page, first!.id).getAttribute('data-done')).toBe('');
    expect(normalise(await sidebarLink(page, first!.id).innerText())).toContain(', пройден');

    const stored = JSON.parse((await readProgress(page))!) as { format: string; version: number; completed: Record<string, string> };
    expect(stored).toMatchObject({ format: PROGRESS_FORMAT, version: 1 });
    expect(Object.keys(stored.completed)).toEqual([first!.id]);
    expect(PROGRESS_KEY).toBe('debezium-course:progress:v1:/debezium-course/');

    await checkbox(page).uncheck();
    await page.reload();
    expect(await checkbox(page).isChecked()).toBe(false);
    expect(await sidebarLink(page, first!.id).getAttribute('data-done')).toBeNull();
    await page.context().close();
  });

  test('a mark made in one tab shows in another', async () => {
    const context = await session.context();
    const [a, b] = [await context.newPage(), await context.newPage()];
    await open(a, second!.id);
    await open(b, second!.id);
    await checkbox(a).check();
    await expect.poll(() => checkbox(b).isChecked()).toBe(true);
    await expect.poll(() => sidebarLink(b, second!.id).getAttribute('data-done')).toBe('');
    await context.close();
  });
});

describe('prerequisites notice', () => {
  test('lists the unmet prerequisites as links and goes away once they are done', async () => {
    const context = await session.context();
    const page = await context.newPage();
    await open(page, withPrerequisites.id);
    const notice = page.locator('[data-prerequisite-notice]');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.getByRole('link').evaluateAll((links) => links.map((link) => [link.textContent, (link as HTMLAnchorElement).href]))).toEqual(
      withPrerequisites.prerequisites.map((id) => [titles.get(id), url(id)]),
    );
    expect(normalise(await notice.innerText())).toContain('ещё не отметили пройденными');

    await page.evaluate(`localStorage.setItem(${JSON.stringify(PROGRESS_KEY)}, ${JSON.stringify(storedProgress(withPrerequisites.prerequisites))})`);
    await page.reload();
    expect(await notice.isVisible()).toBe(false);
    await context.close();
  });

  test('a lesson without prerequisites has none', async () => {
    const page = await session.page();
    await open(page, first!.id);
    expect(await page.locator('[data-prerequisite-notice]').count()).toBe(0);
    await page.context().close();
  });
});

describe('progress on the home and module pages', () => {
  test('a new student is invited to start with the first lesson', async () => {
    const page = await session.page();
    await open(page, '');
    const panel = page.locator('#progress');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(normalise(await panel.locator('[data-progress-summary]').innerText())).toBe(`Пройдено уроков: 0 из ${lessons.length}`);
    const next = panel.locator('[data-continue]');
    expect(normalise(await next.innerText())).toBe(`Начать курс: ${first!.title}`);
    expect(await next.getAttribute('href')).toBe(pathOf(first!.id));
    await page.context().close();
  });

  test('«Продолжить» leads to the first unfinished lesson in course order, even past a gap', async () => {
    const context = await session.context();
    await seedProgress(context, [first!.id, second!.id, fourth!.id]);
    const page = await context.newPage();

    await open(page, '');
    const panel = page.locator('#progress');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(normalise(await panel.locator('[data-progress-summary]').innerText())).toBe(`Пройдено уроков: 3 из ${lessons.length}`);
    expect(await panel.locator('progress').evaluate((bar) => [(bar as HTMLProgressElement).value, (bar as HTMLProgressElement).max])).toEqual([3, lessons.length]);
    const moduleDone = module.lessons.filter((lesson) => [first, second, fourth].includes(lesson)).length;
    expect(normalise(await page.locator(`section[aria-labelledby="${module.module.id}-title"] [data-progress-summary]`).innerText())).toBe(
      `Пройдено уроков: ${moduleDone} из ${module.lessons.length}`,
    );
    const next = panel.locator('[data-continue]');
    expect(normalise(await next.innerText())).toBe(`Продолжить: ${third!.title}`);
    await next.click();
    await page.waitForURL(url(third!.id));
    expect(await page.locator('h1').innerText()).toBe(third!.title);

    await open(page, module.module.id);
    const marked = await page.locator('.module-lessons li[data-done]').evaluateAll((items) => items.map((item) => item.getAttribute('data-progress-lesson')));
    expect(marked).toEqual(module.lessons.filter((lesson) => [first, second, fourth].includes(lesson)).map((lesson) => lesson.id));
    expect(normalise(await page.locator('[data-course-progress] [data-continue]').innerText())).toBe(`Продолжить модуль: ${third!.title}`);
    await context.close();
  });

  test('when every lesson is done there is nothing to continue', async () => {
    const context = await session.context();
    await seedProgress(context, lessons.map((lesson) => lesson.id));
    const page = await context.newPage();
    await open(page, '');
    await expect.poll(() => page.locator('#progress').isVisible()).toBe(true);
    expect(await page.locator('#progress [data-continue]').isVisible()).toBe(false);
    expect(await page.locator('#progress [data-finished]').innerText()).toBe('Все уроки курса пройдены.');
    await context.close();
  });
});

describe('moving progress to another computer', () => {
  async function importFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Загрузить прогресс из файла' }).click();
    await (await chooser).setFiles(file);
  }

  test('export, then import elsewhere: the marks arrive and join the ones there', async () => {
    const home = await session.context({ acceptDownloads: true });
    await seedProgress(home, [first!.id, second!.id]);
    const page = await home.newPage();
    await open(page, '');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Сохранить прогресс в файл' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^debezium-course-progress-\d{4}-\d{2}-\d{2}\.json$/);
    const text = readFileSync((await file.path())!, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: PROGRESS_FORMAT, version: 1, completed: { [first!.id]: expect.any(String), [second!.id]: expect.any(String) } });
    expect(normalise(await page.locator('[data-progress-status]').innerText())).toContain('Файл с прогрессом сохранён');
    await home.close();

    const laptop = await session.context();
    await seedProgress(laptop, [fourth!.id]);
    const other = await laptop.newPage();
    await open(other, '');
    await importFile(other, { name: file.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => other.locator('[data-progress-status]').innerText()).toBe(
      'Прогресс загружен. Пройденных уроков в файле: 2, новых для этого браузера: 2.',
    );
    expect(normalise(await other.locator('#progress [data-progress-summary]').innerText())).toBe(`Пройдено уроков: 3 из ${lessons.length}`);
    await other.reload();
    expect(normalise(await other.locator('#progress [data-progress-summary]').innerText())).toBe(`Пройдено уроков: 3 из ${lessons.length}`);
    expect(Object.keys(JSON.parse((await readProgress(other))!).completed).sort()).toEqual([first!.id, second!.id, fourth!.id].sort());
    await laptop.close();
  });

  test.each([
    ['a file that is not JSON', 'notes.txt', 'text/plain', 'просто заметки', 'Это не файл прогресса: его содержимое не JSON.'],
    ['another JSON file', 'package.json', 'application/json', '{"name": "x"}', 'Это не файл прогресса курса'],
    ['a file from a newer site', 'progress.json', 'application/json', JSON.stringify({ format: PROGRESS_FORMAT, version: 2, completed: {} }), 'более новой версией сайта'],
    ['an empty file', 'progress.json', 'application/json', '', 'Файл пустой.'],
  ])('%s is refused with a clear error, and nothing is overwritten', async (_, name, mimeType, content, message) => {
    const context = await session.context();
    await seedProgress(context, [first!.id]);
    const page = await context.newPage();
    await open(page, '');
    const before = await readProgress(page);
    await importFile(page, { name, mimeType, buffer: Buffer.from(content) });
    const error = page.getByRole('alert').filter({ hasText: 'Прогресс не загружен' });
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(normalise(await error.innerText())).toMatch(/^Прогресс не загружен, отметки в этом браузере не изменились\. /);
    expect(normalise(await error.innerText())).toContain(message);
    expect(await readProgress(page)).toBe(before);
    expect(normalise(await page.locator('#progress [data-progress-summary]').innerText())).toBe(`Пройдено уроков: 1 из ${lessons.length}`);
    await context.close();
  });
});

describe('without JavaScript', () => {
  test('the lesson reads in full: text, metadata, prerequisites and diagrams; the progress controls stay away', async () => {
    const page = await session.page({ javaScriptEnabled: false });
    await open(page, withPrerequisites.id);
    expect(await page.locator('h1').innerText()).toBe(withPrerequisites.title);
    expect((await page.locator('.sl-markdown-content').innerText()).length).toBeGreaterThan(1000);
    expect(await page.locator('.lesson-meta [data-prerequisite]').count()).toBe(withPrerequisites.prerequisites.length);
    for (const svg of await page.locator('.mermaid-diagram svg').all()) expect((await svg.boundingBox())?.height).toBeGreaterThan(0);
    expect(await page.locator('.lesson-done').isVisible()).toBe(false);
    expect(await page.locator('[data-prerequisite-notice]').isVisible()).toBe(false);
    expect(await page.locator('.pagination-links a').count()).toBeGreaterThan(0);

    await open(page, '');
    expect(await page.locator('#progress').isVisible()).toBe(false);
    expect(await page.locator('[data-start-lesson]').isVisible()).toBe(true);
    await page.context().close();
  });
});

test('no console errors, no request leaves the site', () => {
  expect(session.errors).toEqual([]);
  expect(session.outside).toEqual([]);
});
