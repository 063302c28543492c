// Lesson module-1/05: the change-event lab, every step as the lesson writes it, on the real
// stack; the events the lesson shows (snapshot, insert with schema, update, delete, tombstone,
// REPLICA IDENTITY FULL) are what the connector wrote. Then what the lesson claims about the
// resulting state: orders has REPLICA IDENTITY FULL and the connector runs with the readable
// config, which the next lesson relies on.
import pg from 'pg';
import { expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { rest } from '../../support/lab/connect-rest.ts';
import { record } from '../../support/lab/ledger.ts';
import { forgetConnectorOffsets } from './forget-connector.ts';

const { lab, ledger, lesson: LESSON, runSteps } = useLessonLab('src/content/course/01-module-1/05-change-event.mdx', async () => {
  await forgetConnectorOffsets(lab, 'shop-connector');
});

test('the lesson\'s lab runs step by step and prints what the lesson shows', async () => {
  const run = await runSteps();
  expect(run.steps).toBe(6);
  expect(run.compared).toEqual(['status', 'orders-snapshot', 'insert-with-schema', 'stopped-for-put', 'status-after-put', 'update-delete-default', 'update-delete-full']);
});

test('orders ends with REPLICA IDENTITY FULL and the connector runs the readable config', async () => {
  const client = new pg.Client({ connectionString: lab.postgres.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ relreplident: string }>("SELECT relreplident FROM pg_class WHERE oid = 'public.orders'::regclass");
    expect(rows).toEqual([{ relreplident: 'f' }]);
  } finally {
    await client.end();
  }
  const config = (await rest('GET', `${lab.connectUrl}/connectors/shop-connector/config`)).json as Record<string, string>;
  expect(config['decimal.handling.mode']).toBe('string');
  expect(config['value.converter.schemas.enable']).toBe('false');
  const status = (await rest('GET', `${lab.connectUrl}/connectors/shop-connector/status`)).json as { connector: { state: string; version: string } };
  expect(status.connector.state).toBe('RUNNING');
  record(ledger, { kind: 'connector', file: 'src/content/course/01-module-1/05-change-event.mdx', name: 'shop-connector', state: status.connector.state, version: status.connector.version });
});
