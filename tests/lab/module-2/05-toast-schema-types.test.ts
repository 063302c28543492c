// Lesson module-2/05: the unchanged-TOAST placeholder and its fix, on the real connector. Every
// step as the lesson writes it; then the events: under REPLICA IDENTITY DEFAULT the untouched
// 32 000-character description arrives as __debezium_unavailable_value, under FULL as itself.
import { expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { payloadOf, readTopic, sql } from '../../support/lab/lesson-config.ts';

const { lab, ledger, lesson: LESSON, runSteps } = useLessonLab('src/content/course/02-module-2/05-toast-schema-types.mdx');

test('the lesson\'s lab runs step by step and prints what the lesson shows', async () => {
  const run = await runSteps({ rereadTimeoutMs: 60_000 });
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
