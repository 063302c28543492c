// Lesson module-4/06: the outbox lab, every step as the lesson writes it, on the real stack;
// then what the lesson claims about the result: one shipment per event, also after the
// redelivery, an empty outbox table, and the connector RUNNING on the version we teach.
import pg from 'pg';
import { expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { sql } from '../../support/lab/lesson-config.ts';
import { rest, type ConnectorStatus } from '../../support/lab/connect-rest.ts';
import { record } from '../../support/lab/ledger.ts';
import type { LessonRun } from '../../support/lab/lesson-runner.ts';

const { lab, ledger, lesson: LESSON, runSteps } = useLessonLab('src/content/course/04-module-4/06-outbox-implementation.mdx');

const query = <T extends pg.QueryResultRow>(text: string): Promise<T[]> => sql<T>(lab, text);

let run: LessonRun;

test('the lesson\'s lab runs step by step and prints what the lesson shows', async () => {
  run = await runSteps();
  expect(run.steps).toBe(7);
  expect(run.compared.length).toBeGreaterThanOrEqual(5);
});

test('the connector runs on the Debezium release the course teaches', async () => {
  expect(run, 'the lesson\'s lab failed above').toBeDefined();
  const { json } = await rest('GET', `${lab.connectUrl}/connectors/outbox-connector/status`);
  const status = json as ConnectorStatus & { connector: { version?: string } };
  expect(status.connector.state).toBe('RUNNING');
  expect(status.connector.version).toBe(lab.versions.debezium);
  record(ledger, { kind: 'connector', file: run.file, name: 'outbox-connector', state: status.connector.state, version: status.connector.version ?? '?' });
});

test('each event made exactly one shipment, also after the redelivery, and the outbox stays empty', async () => {
  expect(run, 'the lesson\'s lab failed above').toBeDefined();
  const shipments = await query<{ order_id: string; event_id: string; status: string }>('SELECT order_id, event_id, status FROM shipments');
  expect(shipments).toEqual([{ order_id: '8c1f7a52-3d5e-4b8a-9f61-2a7d0c4e9b13', event_id: '5f0c6b1e-2a9d-4c7e-8b3a-1d4e6f8a9c20', status: 'PENDING' }]);
  expect(await query('SELECT event_id FROM processed_events')).toHaveLength(1);
  expect(await query('SELECT id FROM outbox')).toHaveLength(0);
  // The second consumer run saw the event again and skipped it (the lesson's step 7).
  const second = run.transcript.filter((t) => t.command.includes('consumer.py')).at(-1)!;
  expect(second.output).toMatch(/is a duplicate, skipped/);
});
