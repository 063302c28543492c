// Links are checked in `astro build` too: starlight-links-validator on lesson Markdown (relative
// links made absolute under the base path first) and a check of every link of the built site.
// One build of a fixture course published under /course-base/: the relative links to a lesson,
// its heading, the module page and the home page pass; the one broken anchor fails the build
// with the lesson file and line; the same broken link in a code block is not a link.
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildSite, createSiteCopy, type BuildResult } from '../../../scripts/lib/site-copy.ts';

const root = resolve(new URL('../../..', import.meta.url).pathname);
let result: BuildResult;
const site = createSiteCopy(root, `it-links-${process.pid}`);
afterAll(() => rmSync(site, { recursive: true, force: true }));

beforeAll(() => {
  cpSync(join(root, 'tests/fixtures/lint/broken-anchor/src/content/course'), join(site, 'src/content/course'), { recursive: true });
  result = buildSite(root, site, join(site, '.cache/mermaid'), { BASE_PATH: '/course-base/', SITE_URL: 'https://example.github.io', NO_COLOR: '1' });
}, 120_000);

test('a broken anchor in a lesson fails the build with the file, line and link', () => {
  expect(result.ok).toBe(false);
  // The validator names the file (relative to src/) and the line, with the link as the browser
  // gets it: absolute, under the base path.
  expect(result.output).toMatch(/content\/course\/01-module-1\/01-intro\.mdx\s+·\s+15 \| \/course-base\/module-1\/02-wal\/#слоты/);
  expect(result.output).toContain('invalid hash');
  expect(result.output).toContain('Links validation failed');
});

test('relative links under the base path, and the link in a code block, are not reported', () => {
  expect(result.output).toMatch(/Found 1 invalid link/);
  expect(result.output).not.toContain('нет-такого-раздела');
});
