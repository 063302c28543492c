// Lesson module-2/05: the unchanged-TOAST placeholder and its fix, on the real connector. Every
// step as the lesson writes it; then the events: under REPLICA IDENTITY DEFAULT the untouched
// 32 000-character description arrives as __debezium_unavailable_value, under FULL as itself.
import { join } from 'node:path';
import { afterEach, beforeAll, expect, inject, test } from 'vitest';
import { record } from '../../support/lab/ledger.ts';
import { payloadOf, readTopic, sql } from '../../support/lab/lesson-config.ts';
import { runLessonLab } from '../../support/lab/lesson-runner.ts';
import { REPO_ROOT } from '../../support/lab/paths.ts';
import { resetLab } from '../../support/lab/reset.ts';

const lab = inject('lab');
const ledger = inject('labLedger');
const LESSON = join(REPO_ROOT, 'src/content/course/02-module-2/05-toast-schema-types.mdx');

afterEach((context) => {
  if (context.task.result?.state === 'fail') record(ledger, { kind: 'failed', test: context.task.name });
});

beforeAll(async () => {
  await resetLab(lab);
});

test('the lesson\'s lab runs step by step and prints what the lesson shows', async () => {
  const run = await runLessonLab(LESSON, lab, { rereadTimeoutMs: 60_000 });
  record(ledger, { kind: 'lesson', file: run.file, steps: run.steps, commands: run.commands, compared: run.compared });
  expect(run.steps).toBe(4);
  expect(run.compared).toEqual(['product-created', 'connector-running', 'updates', 'toast-events']);
});

test('DEFAULT gives the placeholder, FULL the whole value as stored', async () => {
  const [stored] = await sql<{ description: string }>(lab, 'SELECT description FROM public.products WHERE id = 1');
  const events = (await readTopic(lab, 'toast.public.products', 2)).map((r) => payloadOf(r.value));
  const after = events.map((e) => e.after as { name: string; description: string });
  expect(after[0]).toEqual({ id: 1, name: 'Кофемолка ручная', description: '__debezium_unavailable_value' });
  expect(after[1]).toEqual({ id: 1, name: 'Кофемолка жерновая', description: stored!.description });
  expect(after[1]!.description).toHaveLength(32000);
});
