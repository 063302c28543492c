// Shared by the browser tests of the built site (tests/e2e): the course as the tests expect it,
// the served site's URLs, a headless browser whose pages are watched for console errors and
// requests that leave the site, and ways to give a student some saved progress.
import { inject } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { loadCourse } from '../../src/course/fs/load-course.ts';
import { buildOutline } from '../../src/course/outline.ts';
import { EMPTY_PROGRESS, markLesson, progressStorageKey, serializeProgress } from '../../src/course/progress.ts';
import { launchBrowser } from '../../src/site/browser/launch.ts';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const course = loadCourse(ROOT);
export const outline = buildOutline(course.modules, course.lessons);
export const lessons = outline.lessons;
export const titles = new Map(course.lessons.map((lesson) => [lesson.id, lesson.title]));
export const siteUrl = inject('siteUrl');
export const origin = new URL(siteUrl).origin;
/** Where the site under test keeps progress (per base path, /debezium-course/). */
export const PROGRESS_KEY = progressStorageKey(new URL(siteUrl).pathname);

/** The page of a lesson or module id ('' is the home page), under the site's base path. */
export const url = (id: string) => new URL(id === '' ? '' : `${id}/`, siteUrl).href;
export const pathOf = (id: string) => new URL(url(id)).pathname;

export const VIEWPORT = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const;

export interface Session {
  browser: Browser;
  /** console errors and uncaught exceptions, with the page they happened on */
  errors: string[];
  /** requests to anything but the served site (and data:/blob: URLs) */
  outside: string[];
  /** a fresh browser profile: its own storage, like another computer */
  context(options?: BrowserContextOptions): Promise<BrowserContext>;
  page(options?: BrowserContextOptions): Promise<Page>;
  close(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  const browser = await launchBrowser();
  const errors: string[] = [];
  const outside: string[] = [];
  const context = async (options: BrowserContextOptions = {}) => {
    const created = await browser.newContext({ viewport: VIEWPORT.desktop, ...options });
    created.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.page()?.url() ?? '?'}: console error: ${message.text()}`);
    });
    created.on('weberror', (error) => errors.push(`${error.page()?.url() ?? '?'}: ${error.error().message}`));
    created.on('request', (request) => {
      const target = request.url();
      if (!target.startsWith(`${origin}/`) && !/^(data|blob):/.test(target)) outside.push(target);
    });
    return created;
  };
  return {
    browser,
    errors,
    outside,
    context,
    page: async (options) => (await context(options)).newPage(),
    close: () => browser.close(),
  };
}

/** An init script that runs on the site's pages only (about:blank has no storage). */
const onSite = (code: string) => `if (location.origin === ${JSON.stringify(origin)}) { ${code} }`;

/** What the site stores for a student who marked these lessons done. */
export function storedProgress(ids: readonly string[]): string {
  const when = new Date('2025-03-10T09:00:00.000Z');
  return serializeProgress(ids.reduce((progress, id) => markLesson(progress, id, true, when), EMPTY_PROGRESS), when);
}

/** Gives the context's student these lessons as done, once: later changes survive reloads. */
export async function seedProgress(context: BrowserContext, ids: readonly string[]): Promise<void> {
  const key = JSON.stringify(PROGRESS_KEY);
  await context.addInitScript(onSite(`if (localStorage.getItem(${key}) === null) localStorage.setItem(${key}, ${JSON.stringify(storedProgress(ids))})`));
}

export async function readProgress(page: Page): Promise<string | null> {
  return page.evaluate(`localStorage.getItem(${JSON.stringify(PROGRESS_KEY)})`);
}

/** Starlight's theme preference, set before any page script runs. */
export async function setTheme(context: BrowserContext, theme: 'light' | 'dark'): Promise<void> {
  await context.addInitScript(onSite(`localStorage.setItem('starlight-theme', ${JSON.stringify(theme)})`));
}

export async function open(page: Page, id: string): Promise<void> {
  const response = await page.goto(url(id));
  if (response?.status() !== 200) throw new Error(`${url(id)} answered ${response?.status()}`);
}

export const normalise = (value: string) => value.replaceAll('\u00a0', ' ').replace(/\s+/g, ' ').trim();
