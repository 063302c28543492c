// Lesson module-2/01: the slot read by hand, every step as the lesson writes it, on the real
// stack (PostgreSQL 17): test_decoding shows two committed transactions and not the rolled
// back one, get consumes what peek showed, pgoutput sends B R U C per transaction and a
// second Relation message with the added column. Then: nothing of the lesson stays behind.
import { expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { sql } from '../../support/lab/lesson-config.ts';

const { lab, ledger, lesson: LESSON, runSteps } = useLessonLab('src/content/course/02-module-2/01-wal-logical-decoding.mdx');

test('the lesson\'s lab runs step by step and prints what the lesson shows', async () => {
  const run = await runSteps();
  expect(run.steps).toBe(10);
  expect(run.compared).toEqual(['wal-position', 'slot-created', 'three-changes', 'decoded-changes', 'consumed', 'message-types', 'relation-messages', 'cleanup']);
});

test('the last step leaves no slot, publication or column of the lesson', async () => {
  expect(await sql(lab, "SELECT slot_name FROM pg_replication_slots WHERE slot_name LIKE 'lesson%'")).toEqual([]);
  expect(await sql(lab, "SELECT pubname FROM pg_publication WHERE pubname = 'lesson_pub'")).toEqual([]);
  expect(await sql(lab, "SELECT attname FROM pg_attribute WHERE attrelid = 'public.customers'::regclass AND attname = 'loyalty_level'")).toEqual([]);
});
