// Every PostgreSQL error the troubleshooting index lists is one the server really raises: each
// <ErrorNote component="postgresql"> of the course matches, SQLSTATE and message, an error that
// a `sql expect-error` block of its lesson raises on PostgreSQL (scripts/lib/error-tag-check.ts).
// A fixture with a wrong text and an error no block raises fails with file:line.
import { expect, inject, test } from 'vitest';
import { checkErrorTags } from '../../../scripts/lib/error-tag-check.ts';
import { loadCourse } from '../../../src/course/fs/load-course.ts';
import { formatProblem } from '../../../src/course/problems.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;
// the run's one server (tests/support/postgres/global-setup.ts); each lesson gets its own database
const { adminUrl, major } = inject('postgres');

test('every PostgreSQL error tagged in the course is raised by an expect-error block of its lesson', async () => {
  const lessons = loadCourse(ROOT).lessons.map((lesson) => ({ file: lesson.file, sqlSetup: lesson.sqlSetup }));
  const run = await checkErrorTags(ROOT, lessons, adminUrl, major);
  expect(run.problems.map(formatProblem)).toEqual([]);
  expect(run.checked).toBeGreaterThanOrEqual(4);
}, 120_000);

test('a wrong error text and an error no block raises fail with file:line; the right one passes', async () => {
  const run = await checkErrorTags(ROOT, [{ file: 'tests/fixtures/error-tags/wrong-text.mdx', sqlSetup: [] }], adminUrl, major);
  const messages = run.problems.map(formatProblem);
  expect(messages).toHaveLength(2);
  expect(messages[0]).toContain('tests/fixtures/error-tags/wrong-text.mdx:18 <ErrorNote text> = "23505 duplicate key violates constraint \\"items_pkey\\""');
  expect(messages[0]).toContain(`no sql expect-error block of this lesson raises this error on PostgreSQL ${major}; the blocks raise: line 12: 23505 duplicate key value violates unique constraint "items_pkey"`);
  expect(messages[1]).toContain('tests/fixtures/error-tags/wrong-text.mdx:20 <ErrorNote text>');
  expect(run.checked).toBe(3);
}, 60_000);
