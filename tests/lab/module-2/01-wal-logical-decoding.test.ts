// Lesson module-2/01: the slot read by hand, every step as the lesson writes it, on the real
// stack (PostgreSQL 17): test_decoding shows two committed transactions and not the rolled
// back one, get consumes what peek showed, pgoutput sends B R U C per transaction and a
// second Relation message with the added column. Then: nothing of the lesson stays behind.
import { join } from 'node:path';
import { afterEach, beforeAll, expect, inject, test } from 'vitest';
import { record } from '../../support/lab/ledger.ts';
import { sql } from '../../support/lab/lesson-config.ts';
import { runLessonLab } from '../../support/lab/lesson-runner.ts';
import { REPO_ROOT } from '../../support/lab/paths.ts';
import { resetLab } from '../../support/lab/reset.ts';

const lab = inject('lab');
const ledger = inject('labLedger');
const LESSON = join(REPO_ROOT, 'src/content/course/02-module-2/01-wal-logical-decoding.mdx');

afterEach((context) => {
  if (context.task.result?.state === 'fail') record(ledger, { kind: 'failed', test: context.task.name });
});

beforeAll(async () => {
  await resetLab(lab);
});

test('the lesson\'s lab runs step by step and prints what the lesson shows', async () => {
  const run = await runLessonLab(LESSON, lab);
  record(ledger, { kind: 'lesson', file: run.file, steps: run.steps, commands: run.commands, compared: run.compared });
  expect(run.steps).toBe(10);
  expect(run.compared).toEqual(['wal-position', 'slot-created', 'three-changes', 'decoded-changes', 'consumed', 'message-types', 'relation-messages', 'cleanup']);
});

test('the last step leaves no slot, publication or column of the lesson', async () => {
  expect(await sql(lab, "SELECT slot_name FROM pg_replication_slots WHERE slot_name LIKE 'lesson%'")).toEqual([]);
  expect(await sql(lab, "SELECT pubname FROM pg_publication WHERE pubname = 'lesson_pub'")).toEqual([]);
  expect(await sql(lab, "SELECT attname FROM pg_attribute WHERE attrelid = 'public.customers'::regclass AND attname = 'loyalty_level'")).toEqual([]);
});
