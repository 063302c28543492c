// `astro build` runs the same course validation as check:content and fails the build.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createScratchSite, PROJECT_ROOT, type ScratchSite } from '../../../scripts/lib/scratch-site.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/courses');
const sites: ScratchSite[] = [];
afterAll(() => sites.forEach((site) => site.remove()));

function build(fixture: string) {
  const site = createScratchSite(join(FIXTURES, fixture, 'src/content/course'));
  sites.push(site);
  const astro = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
  return spawnSync(process.execPath, [astro, 'build', '--root', site.root], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

test.each([
  ['bad-frontmatter', 'src/content/course/01-module-1/02-bad-values.mdx:6 estimatedTime = 300'],
  ['missing-prerequisite', 'fix: did you mean "module-1/01-intro"?'],
  ['cycle', 'prerequisites form a cycle: module-1/01-intro → module-1/03-slots → module-1/02-wal → module-1/01-intro'],
  ['duplicate-order', 'order 1 is already used in module-1'],
])('astro build of the %s course fails with the problem listed', (fixture, expected) => {
  const result = build(fixture);
  expect(result.status).not.toBe(0);
  expect(result.stdout + result.stderr).toContain(expected);
}, 60_000);
