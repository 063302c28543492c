// Lesson module-2/03: what `before` holds under REPLICA IDENTITY DEFAULT and FULL, on the real
// connector. Every step as the lesson writes it; then the events themselves: DEFAULT gives a
// null `before` on update and a key-only `before` on delete, FULL gives the whole old row.
import { join } from 'node:path';
import { afterEach, beforeAll, expect, inject, test } from 'vitest';
import { record } from '../../support/lab/ledger.ts';
import { payloadOf, readTopic } from '../../support/lab/lesson-config.ts';
import { runLessonLab } from '../../support/lab/lesson-runner.ts';
import { REPO_ROOT } from '../../support/lab/paths.ts';
import { resetLab } from '../../support/lab/reset.ts';

const lab = inject('lab');
const ledger = inject('labLedger');
const LESSON = join(REPO_ROOT, 'src/content/course/02-module-2/03-publications-replica-identity.mdx');

afterEach((context) => {
  if (context.task.result?.state === 'fail') record(ledger, { kind: 'failed', test: context.task.name });
});

beforeAll(async () => {
  await resetLab(lab);
});

test('the lesson\'s lab runs step by step and prints what the lesson shows', async () => {
  const run = await runLessonLab(LESSON, lab, { rereadTimeoutMs: 60_000 });
  record(ledger, { kind: 'lesson', file: run.file, steps: run.steps, commands: run.commands, compared: run.compared });
  expect(run.steps).toBe(5);
  expect(run.compared).toEqual(['connector-running', 'default-changes', 'full-changes', 'before-default-vs-full']);
});

test('DEFAULT: update before is null, delete before has the key only; FULL: the whole old row', async () => {
  const records = await readTopic(lab, 'ri.public.customers', 6);
  const events = records.map((r) => (r.value === null ? null : payloadOf(r.value)));
  expect(events.map((e) => e?.op ?? null)).toEqual(['u', 'd', null, 'u', 'd', null]);
  const [defUpdate, defDelete, , fullUpdate, fullDelete] = events as Record<string, Record<string, unknown> | null>[];
  expect(defUpdate!.before).toBeNull();
  expect(defDelete!.before).toMatchObject({ id: 3, phone: null });
  expect(fullUpdate!.before).toMatchObject({ id: 2, full_name: 'Игорь Петров', phone: '+7 903 111-22-33' });
  expect(fullDelete!.before).toMatchObject({ id: 2, full_name: 'Игорь Петров', phone: '+7 903 999-88-77' });
});
