// Lesson module-2/03: what `before` holds under REPLICA IDENTITY DEFAULT and FULL, on the real
// connector. Every step as the lesson writes it; then the events themselves: DEFAULT gives a
// null `before` on update and a key-only `before` on delete, FULL gives the whole old row.
import { expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { payloadOf, readTopic } from '../../support/lab/lesson-config.ts';

const { lab, ledger, lesson: LESSON, runSteps } = useLessonLab('src/content/course/02-module-2/03-publications-replica-identity.mdx');

test('the lesson\'s lab runs step by step and prints what the lesson shows', async () => {
  const run = await runSteps({ rereadTimeoutMs: 60_000 });
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
