// `astro build` runs the same course validation as check:content and fails the build.
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { rmSync } from 'node:fs';
import { buildSite, createSiteCopy, PROJECT_ROOT, putCourse } from '../../../scripts/lib/site-copy.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/courses');
const site = createSiteCopy(PROJECT_ROOT, `it-build-fails-${process.pid}`);
afterAll(() => rmSync(site, { recursive: true, force: true }));

test.each([
  ['bad-frontmatter', 'src/content/course/01-module-1/02-bad-values.mdx:6 estimatedTime = 300'],
  ['missing-prerequisite', 'fix: did you mean "module-1/01-intro"?'],
  ['cycle', 'prerequisites form a cycle: module-1/01-intro → module-1/03-slots → module-1/02-wal → module-1/01-intro'],
  ['duplicate-order', 'order 1 is already used in module-1'],
])('astro build of the %s course fails with the problem listed', (fixture, expected) => {
  putCourse(site, join(FIXTURES, fixture, 'src/content/course'));
  const result = buildSite(PROJECT_ROOT, site, join(site, '.cache/mermaid'), { NO_COLOR: '1' });
  expect(result.ok).toBe(false);
  expect(result.output).toContain(expected);
}, 60_000);

test('the valid fixture course builds', () => {
  putCourse(site, join(FIXTURES, 'valid', 'src/content/course'));
  const result = buildSite(PROJECT_ROOT, site, join(site, '.cache/mermaid'));
  expect(result.ok, result.output.slice(-2000)).toBe(true);
}, 60_000);
