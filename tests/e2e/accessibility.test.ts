// axe-core on every page of the built site (home, modules, lessons) in both themes, on a desktop
// and, for a sample, on a phone: zero violations of any impact. The student has some progress,
// so the sidebar marks, progress bars, the prerequisites notice and both states of the
// «Урок пройден» checkbox are on the pages being checked.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { lessons, open, outline, seedProgress, setTheme, startSession, VIEWPORT, type Session } from '../support/e2e.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core');

interface Violation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

let session: Session;
beforeAll(async () => {
  session = await startSession();
});
afterAll(() => session?.close());

const done = lessons.slice(0, Math.ceil(lessons.length / 2)).map((lesson) => lesson.id);
// the pages generated from the lessons: map, glossary, troubleshooting index
const reference = ['map', 'glossary', 'troubleshooting'];
const pages = ['', ...reference, ...outline.modules.map(({ module }) => module.id), ...lessons.map((lesson) => lesson.id)];
const phonePages = ['', ...reference, outline.modules[0]!.module.id, (lessons.find((lesson) => lesson.id.endsWith('outbox-pattern-theory')) ?? lessons[0]!).id];

/** The page once the progress script has shown its controls (axe checks what is visible). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    `document.querySelector('[data-lesson-done], [data-course-progress]') === null || document.querySelector('[data-lesson-done]:not([hidden]), [data-course-progress]:not([hidden])') !== null`,
  );
}

async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as { violations: Violation[] };
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((node) => `${node.target.join(' ')}: ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`).join('; ')}`,
  );
}

describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
  const contexts: Record<string, BrowserContext> = {};
  beforeAll(async () => {
    for (const [name, viewport] of Object.entries(VIEWPORT)) {
      const context = await session.context({ viewport });
      await setTheme(context, theme);
      await seedProgress(context, done);
      contexts[name] = context;
    }
  });
  afterAll(async () => {
    for (const context of Object.values(contexts)) await context.close();
  });

  test.each(pages)('desktop: /%s has no axe violations', async (id) => {
    const page = await contexts.desktop!.newPage();
    await open(page, id);
    expect(await page.getAttribute('html', 'data-theme')).toBe(theme);
    await settle(page);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });

  test.each(phonePages)('phone: /%s has no axe violations', async (id) => {
    const page = await contexts.phone!.newPage();
    await open(page, id);
    await settle(page);
    expect(await violations(page)).toEqual([]);
    await page.close();
  });
});

test('the «Урок пройден» checkbox is reached by Tab, shows its focus and toggles with Space', async () => {
  const page = await session.page();
  await open(page, lessons[0]!.id);
  const box = page.getByRole('checkbox', { name: 'Урок пройден' });
  await expect.poll(() => box.isVisible()).toBe(true);
  // a click on the hint under it sets where keyboard navigation starts; Shift+Tab goes back to it
  await page.locator('#lesson-done-hint').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Shift+Tab');
  expect(await box.evaluate((input) => input === document.activeElement)).toBe(true);
  const outline = await box.evaluate((input) => {
    const style = getComputedStyle(input);
    return { matches: input.matches(':focus-visible'), style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  expect(outline).toEqual({ matches: true, style: 'solid', width: 2 });
  await page.keyboard.press('Space');
  expect(await box.isChecked()).toBe(true);
  await page.context().close();
});

test('no console errors, no request leaves the site', () => {
  expect(session.errors).toEqual([]);
  expect(session.outside).toEqual([]);
});
