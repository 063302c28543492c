// Lesson module-2/04: an incremental snapshot of one table started by a signal row. Every step
// as the lesson writes it, on the real stack: no initial snapshot (no_data), the signal table
// lands in the filtered publication, the signal makes three op=r events with
// source.snapshot=incremental, and the connector writes its watermarks into the signal table.
import { expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { payloadOf, readTopic } from '../../support/lab/lesson-config.ts';

const { lab, ledger, lesson: LESSON, runSteps } = useLessonLab('src/content/course/02-module-2/04-snapshots.mdx');

test('the lesson\'s lab runs step by step and prints what the lesson shows', async () => {
  const run = await runSteps({ rereadTimeoutMs: 60_000 });
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
