// Lesson module-2/04: an incremental snapshot of one table started by a signal row. Every step
// as the lesson writes it, on the real stack: no initial snapshot (no_data), the signal table
// lands in the filtered publication, the signal makes three op=r events with
// source.snapshot=incremental, and the connector writes its watermarks into the signal table.
import { join } from 'node:path';
import { afterEach, beforeAll, expect, inject, test } from 'vitest';
import { record } from '../../support/lab/ledger.ts';
import { payloadOf, readTopic } from '../../support/lab/lesson-config.ts';
import { runLessonLab } from '../../support/lab/lesson-runner.ts';
import { REPO_ROOT } from '../../support/lab/paths.ts';
import { resetLab } from '../../support/lab/reset.ts';

const lab = inject('lab');
const ledger = inject('labLedger');
const LESSON = join(REPO_ROOT, 'src/content/course/02-module-2/04-snapshots.mdx');

afterEach((context) => {
  if (context.task.result?.state === 'fail') record(ledger, { kind: 'failed', test: context.task.name });
});

beforeAll(async () => {
  await resetLab(lab);
});

test('the lesson\'s lab runs step by step and prints what the lesson shows', async () => {
  const run = await runLessonLab(LESSON, lab, { rereadTimeoutMs: 60_000 });
  record(ledger, { kind: 'lesson', file: run.file, steps: run.steps, commands: run.commands, compared: run.compared });
  expect(run.steps).toBe(6);
  expect(run.compared).toEqual(['signal-table', 'connector-running', 'publication-tables', 'signal-sent', 'snapshot-events', 'watermarks']);
});

test('the topic holds exactly the three orders, read by the incremental snapshot', async () => {
  const events = (await readTopic(lab, 'inc.public.orders', 3)).map((r) => payloadOf(r.value));
  expect(events.map((e) => e.op)).toEqual(['r', 'r', 'r']);
  expect(events.map((e) => (e.source as { snapshot: string }).snapshot)).toEqual(['incremental', 'incremental', 'incremental']);
  expect(events.map((e) => (e.after as { id: string }).id).sort()).toEqual([
    '8c1f7a52-3d5e-4b8a-9f61-2a7d0c4e9b13',
    'b7e2d9c4-6a1f-4e3b-8d25-5f9a0b1c7e46',
    'e4a93b17-0c8d-4f62-a5b9-7d1e3f2a6c58',
  ]);
});
