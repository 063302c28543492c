// Screenshots of the built site for people to look at: the home page, a module page and a lesson
// (by default the outbox theory lesson), in Starlight's light and dark themes, at 1280 px and on
// a 390 px phone. Each gets the whole page and its first screen. The student has done the first
// lessons, so progress bars, sidebar marks and the prerequisites notice are in the pictures
// (--progress none for a new student). Not test expectations: screenshots/ is gitignored.
//
// Usage: node scripts/screenshot-pages.ts [--build] [--dist dist] [--out screenshots/pages] [--page /module-4/]... [--progress some|none]
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCourse } from '../src/course/fs/load-course.ts';
import { buildOutline } from '../src/course/outline.ts';
import { EMPTY_PROGRESS, markLesson, progressStorageKey, serializeProgress } from '../src/course/progress.ts';
import { launchBrowser } from '../src/site/browser/launch.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { PROJECT_ROOT, basePath, buildProjectSite, option, options } from './lib/built-site.ts';
import { VIEWPORTS, type Theme } from './screenshot-diagrams.ts';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dist = resolve(option(args, '--dist') ?? 'dist');
  const out = resolve(option(args, '--out') ?? join('screenshots', 'pages'));
  if (args.includes('--build') || !existsSync(dist)) buildProjectSite({ outDir: dist });
  const course = loadCourse(PROJECT_ROOT);
  const { lessons, modules } = buildOutline(course.modules, course.lessons);
  const lesson = lessons.find((item) => item.id.endsWith('05-outbox-pattern-theory')) ?? lessons[0];
  const pages = options(args, '--page');
  const paths = pages.length ? pages : ['/', `/${modules[0]?.module.id ?? ''}/`, ...(lesson ? [`/${lesson.id}/`] : [])];
  // the first half of the course: marks and progress bars show, and the outbox lesson's
  // prerequisite is still open, so its notice shows too
  const done = option(args, '--progress') === 'none' ? [] : lessons.slice(0, Math.max(1, Math.floor(lessons.length / 2))).map((item) => item.id);
  const stored = serializeProgress(done.reduce((progress, id) => markLesson(progress, id, true, new Date('2025-03-10T09:00:00Z')), EMPTY_PROGRESS), new Date());

  mkdirSync(out, { recursive: true });
  const site = await serveStatic(dist, basePath());
  const browser = await launchBrowser();
  const problems: string[] = [];
  try {
    for (const path of paths) {
      const slug = path.replace(/^\/|\/$/g, '').replaceAll('/', '_') || 'home';
      for (const theme of ['light', 'dark'] as Theme[]) {
        for (const viewport of ['desktop', 'mobile'] as const) {
          const size = VIEWPORTS[viewport];
          const context = await browser.newContext({ viewport: size, isMobile: viewport === 'mobile', hasTouch: viewport === 'mobile' });
          await context.addInitScript(
            `if (location.protocol.startsWith('http')) { localStorage.setItem('starlight-theme', ${JSON.stringify(theme)}); localStorage.setItem(${JSON.stringify(progressStorageKey(basePath()))}, ${JSON.stringify(stored)}); }`,
          );
          const page = await context.newPage();
          const errors: string[] = [];
          page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
          page.on('pageerror', (error) => errors.push(error.message));
          await page.goto(new URL(path.replace(/^\//, ''), site.url).href, { waitUntil: 'networkidle' });
          const file = join(out, `${slug}-${theme}-${size.width}.png`);
          await page.screenshot({ path: file, fullPage: true });
          await page.screenshot({ path: file.replace(/\.png$/, '-top.png') });
          const sideways = await page.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth');
          if (sideways) problems.push(`${path} ${theme} ${size.width}px scrolls sideways`);
          for (const error of errors) problems.push(`${path} ${theme} ${size.width}px: ${error}`);
          console.log(`${file}${sideways ? '  (scrolls sideways!)' : ''}`);
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
  if (problems.length) {
    console.error(`\n${problems.join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
