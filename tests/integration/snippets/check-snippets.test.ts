// check:snippets on a fixture course with one block per failure kind: every kind is
// reported with file:line, and the run fails.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';

const ROOT = new URL('../../..', import.meta.url).pathname;
const FIXTURE = join(ROOT, 'tests/fixtures/snippets/broken');
const LESSONS = 'src/content/course/01-module-1';
let result: SpawnSyncReturns<string>;

beforeAll(() => {
  result = spawnSync(process.execPath, [join(ROOT, 'scripts/check-snippets.ts'), FIXTURE], { encoding: 'utf8' });
}, 60_000);

test('the run fails and counts what it did per file', () => {
  expect(result.status).toBe(1);
  expect(result.stdout).toMatch(/01-sql-problems\.mdx\s+4 SQL run, 0 JSON checked, 1 opted out, 4 problem\(s\)/);
  expect(result.stdout).toMatch(/labs\/schemas\/items\.sql\s+1 SQL run/);
  expect(result.stderr).toContain('10 problem(s):');
});

test.each([
  ['a SQL error', `${LESSONS}/01-sql-problems.mdx:18 [sql] failed with 23502: null value in column "name"`],
  ['an expected error that does not happen', `${LESSONS}/01-sql-problems.mdx:24 [sql] expected error "23505", but the block succeeded`],
  ['a placeholder', `${LESSONS}/01-sql-problems.mdx:36 [sql] placeholder "'...'" in a runnable block`],
  ['an opt-out without reason', `${LESSONS}/01-sql-problems.mdx:42 [sql] nocheck needs a reason`],
  ['an unknown key with a suggestion', `${LESSONS}/02-config-problems.mdx:12 [json] "slot.nam" is not an option of io.debezium.connector.postgresql.PostgresConnector; did you mean "slot.name"?`],
  ['a removed key with its replacement', `${LESSONS}/02-config-problems.mdx:23 [json] "database.server.name" was removed in 2.0; use "topic.prefix"`],
  ['a renamed SMT option', `use "transforms.outbox.table.field.additional.missing"`],
  ['a removed value', `"snapshot.mode" value "never" was removed in 3.3; use "no_data"`],
  ['a wrong stated topic', `${LESSONS}/02-config-problems.mdx:39 [json] routes states "Order" lands in "outbox.event.Order", but this config sends it to "events.Order"`],
  ['invalid JSON', `${LESSONS}/02-config-problems.mdx:49 [json] invalid JSON`],
])('reports %s', (_kind, line) => {
  expect(result.stderr).toContain(line);
});

test('an expected error that happens, an opt-out with a reason and plain data pass', () => {
  expect(result.stderr).not.toContain(':30 [sql]');
  expect(result.stderr).not.toContain(':48 [sql]');
  expect(result.stderr).not.toContain(':55 [json]');
});

test('a course with content errors (MDX that does not parse, a broken prerequisite) ends in the problem list, not a stack trace', () => {
  const broken = spawnSync(process.execPath, [join(ROOT, 'scripts/check-snippets.ts'), join(ROOT, 'tests/fixtures/check/broken')], { encoding: 'utf8' });
  expect(broken.status).toBe(1);
  expect(broken.stderr).toContain('src/content/course/01-module-1/04-consumer.mdx:18 [mdx] MDX does not parse');
  expect(broken.stderr).toContain('prerequisites = "module-1/01-jurnal"');
  expect(broken.stderr).not.toMatch(/^\s+at /m);
}, 60_000);
