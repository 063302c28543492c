// Proof that a shown output is really compared: a fixture lesson whose lab step shows 41
// where PostgreSQL prints 42 must fail with the lesson's file:line and a diff.
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';
import { runLessonLab } from '../support/lab/lesson-runner.ts';
import { REPO_ROOT } from '../support/lab/paths.ts';

const lab = inject('lab');

/** The error a fixture lesson's lab stops with (undefined if it runs through). */
const failureOf = (lesson: string, options?: Parameters<typeof runLessonLab>[2]) =>
  runLessonLab(lesson, lab, options).then(
    () => undefined,
    (e: Error) => e,
  );

test('a planted wrong output fails with file:line and a diff', async () => {
  const lesson = join(REPO_ROOT, 'tests/fixtures/lab/planted-output/01-planted.mdx');
  const error = await failureOf(lesson, { rereadTimeoutMs: 1_000 });
  expect(error?.message).toContain('tests/fixtures/lab/planted-output/01-planted.mdx:20 output="answer" (match=exact)');
  expect(error?.message).toMatch(/^\s+-\s+41$/m);
  expect(error?.message).toMatch(/^\s+\+\s+42$/m);
  expect(error?.message).toContain('fix: correct the lesson');
});

test('a block marked expect-error whose requests all succeed fails with file:line and the fix', async () => {
  const error = await failureOf(join(REPO_ROOT, 'tests/fixtures/lab/expect-error/01-refusals.mdx'));
  expect(error?.message).toContain('tests/fixtures/lab/expect-error/01-refusals.mdx:16 step 1 «Отметка есть, а отказа нет.»: the block is marked expect-error, but the worker accepted every request in it');
  expect(error?.message).toContain('fix: make the request the lesson means to fail, or remove expect-error');
});

test('a refused request in a block without expect-error stops the lab with the answer and the fix', async () => {
  const error = await failureOf(join(REPO_ROOT, 'tests/fixtures/lab/expect-error/02-unmarked.mdx'));
  expect(error?.message).toContain('tests/fixtures/lab/expect-error/02-unmarked.mdx:17 step 1');
  expect(error?.message).toContain('answered 404: {"error_code":404,"message":"Connector no-such-connector not found"}');
  expect(error?.message).toContain('mark the block ```bash expect-error');
});
