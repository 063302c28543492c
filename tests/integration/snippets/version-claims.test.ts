// pg="…" marks on SQL blocks: check:snippets runs a marked block as it should pass on the
// majors it names and fail on the others, on two majors (the oldest and newest supported).
// A wrong claim is a problem with file:line and the major; a right one passes on both.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';

const ROOT = new URL('../../..', import.meta.url).pathname;
const FIXTURE = join(ROOT, 'tests/fixtures/snippets/version-claims');
const LESSON = 'src/content/course/01-module-1/01-version-claims.mdx';

function run(major: number): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/check-snippets.ts'), FIXTURE], {
    encoding: 'utf8',
    env: { ...process.env, PG_TEST_MAJOR: String(major) },
  });
}

const INVALID = [
  `${LESSON}:51 [sql] pg="13+": "13+" is outside PostgreSQL 14-18`,
  `${LESSON}:55 [sql] pg="14+" names every supported major`,
  `${LESSON}:59 [sql] pg="fifteen": "fifteen" is not a major, a range or N+`,
];
// Lines of the blocks whose claims are right: they never appear.
const RIGHT = [17, 21, 25, 29];

describe.each([
  {
    major: 14,
    problems: [
      `${LESSON}:37 [sql] the block claims PostgreSQL 15+ but passes on 14`,
      `${LESSON}:45 [sql] the block claims PostgreSQL 14 and failed with 42601: syntax error at or near "WHERE" (on PostgreSQL 14)`,
    ],
    silent: [41],
  },
  {
    major: 18,
    problems: [
      `${LESSON}:41 [sql] the block claims PostgreSQL 14-17 but passes on 18`,
      `${LESSON}:45 [sql] the block claims PostgreSQL 14 but passes on 18`,
    ],
    silent: [37],
  },
])('on PostgreSQL $major', ({ major, problems, silent }) => {
  let result: SpawnSyncReturns<string>;
  beforeAll(() => {
    result = run(major);
  }, 90_000);

  test('the run names the major and fails', () => {
    expect(result.stdout).toContain(`PostgreSQL ${major}.`);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${problems.length + INVALID.length} problem(s):`);
  });

  test.each(problems)('reports %s', (line) => {
    expect(result.stderr).toContain(line);
  });

  test('reports marks that cannot be read, whatever the major', () => {
    for (const line of INVALID) expect(result.stderr).toContain(line);
  });

  test('right claims and claims that hold on this major pass', () => {
    for (const line of [...RIGHT, ...silent]) expect(result.stderr).not.toContain(`${LESSON}:${line} [sql]`);
  });
});
