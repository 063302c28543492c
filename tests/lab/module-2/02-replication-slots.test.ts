// Lesson module-2/02: a stopped connector's slot keeps the WAL written meanwhile. Every step
// as the lesson writes it, on the real stack: the slot is active while the connector runs,
// inactive after PUT …/stop, retains megabytes after 100 000 orders, catches up after resume,
// and the connector's deletion leaves the slot for the student to drop.
import { expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { record } from '../../support/lab/ledger.ts';
import { sql } from '../../support/lab/lesson-config.ts';
import { runLessonLab } from '../../support/lab/lesson-runner.ts';

const { lab, ledger, lesson: LESSON } = useLessonLab('src/content/course/02-module-2/02-replication-slots.mdx');

const retained: number[] = [];

test('the lesson\'s lab runs step by step and prints what the lesson shows', async () => {
  const run = await runLessonLab(LESSON, lab, {
    rereadTimeoutMs: 90_000,
    // The retained WAL right after the stop and right after the 100 000 orders: it must grow.
    afterStep: async (step) => {
      if (step.number === 5 || step.number === 7) {
        const rows = await sql<{ bytes: string }>(lab, "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn) AS bytes FROM pg_replication_slots WHERE slot_name = 'slot_lab'");
        retained.push(Number(rows[0]!.bytes));
      }
    },
  });
  record(ledger, { kind: 'lesson', file: run.file, steps: run.steps, commands: run.commands, compared: run.compared });
  expect(run.steps).toBe(10);
  expect(run.compared).toEqual(['connector-running', 'slot-active', 'connector-stopped', 'retained-before', 'orders-written', 'retained-after', 'caught-up', 'slot-left', 'slot-dropped']);
});

test('the slot retained more WAL after the orders than right after the stop, by megabytes', () => {
  expect(retained).toHaveLength(2);
  expect(retained[1]! - retained[0]!).toBeGreaterThan(1024 * 1024);
});

test('nothing of the lab stays: no connector, no slot, no publication', async () => {
  expect(await sql(lab, "SELECT slot_name FROM pg_replication_slots WHERE slot_name = 'slot_lab'")).toEqual([]);
  expect(await sql(lab, "SELECT pubname FROM pg_publication WHERE pubname = 'slot_lab_publication'")).toEqual([]);
});
