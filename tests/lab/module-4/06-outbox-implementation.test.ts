// Lesson module-4/06: the outbox lab, every step as the lesson writes it, on the real stack;
// then what the lesson claims about the result: one shipment per event, also after the
// redelivery, an empty outbox table, and the connector RUNNING on the version we teach; and the
// outputs its text shows outside the lab: the double-encoded payload, the decoderbufs failure
// and psql's answer to a DELETE on a published table without replica identity.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { deploy, expectShown, lessonSql, sql, sqlFile } from '../../support/lab/lesson-config.ts';
import { deleteConnector, rest, waitForFailure, type ConnectorStatus } from '../../support/lab/connect-rest.ts';
import { pointAtLabDatabase } from '../../support/lab/endpoints.ts';
import { kafkaTool } from '../../support/lab/kafka-tools.ts';
import { REPO_ROOT } from '../../support/lab/paths.ts';
import { record } from '../../support/lab/ledger.ts';
import type { LessonRun } from '../../support/lab/lesson-runner.ts';

const { lab, ledger, lesson: LESSON, runSteps } = useLessonLab('src/content/course/04-module-4/06-outbox-implementation.mdx');

const exec = promisify(execFile);
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

/**
 * The lab's outbox connector with its own slot, publication, topics and topic.prefix, changed by
 * `edit`. The prefix names the connector's JMX metrics: a second connector with the running one's
 * prefix spends a minute retrying to register them (Debezium's JmxUtils, 12 × 5 s) before it streams.
 */
function outboxVariant(slot: string, edit: (config: Record<string, string>) => void): Record<string, string> {
  const { config } = JSON.parse(readFileSync(join(REPO_ROOT, 'labs/connectors/outbox-connector.json'), 'utf8')) as { config: Record<string, string> };
  const variant = { ...config, 'topic.prefix': slot, 'slot.name': slot, 'publication.name': slot, 'transforms.outbox.route.topic.replacement': `${slot}.event.\${routedByValue}` };
  edit(variant);
  return variant;
}

test('with table.expand.json.payload the value is the payload itself, keys in jsonb order, as the lesson shows', async () => {
  const { stdout } = await kafkaTool(lab, 'kafka-console-consumer', ['--bootstrap-server', lab.toolBootstrapServers, '--topic', 'outbox.event.Order', '--from-beginning', '--max-messages', '1', '--timeout-ms', '30000'], 60_000);
  expectShown(ledger, LESSON, 'expanded-payload', stdout);
});

test('without table.expand.json.payload the jsonb payload is a JSON string inside the value, as the lesson shows', async () => {
  await deploy(lab, ledger, LESSON, 'outbox-string-payload', outboxVariant('outbox_string', (config) => delete config['transforms.outbox.table.expand.json.payload']));
  // RUNNING comes before the stream: with snapshot.mode=no_data only what is written once the slot is read gets out
  for (let i = 0; i < 120 && !(await sql<{ active: boolean }>(lab, "SELECT active FROM pg_replication_slots WHERE slot_name = 'outbox_string'"))[0]?.active; i++) {
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
  await sqlFile(lab, 'labs/sql/approve-order.sql');
  const { stdout } = await kafkaTool(lab, 'kafka-console-consumer', ['--bootstrap-server', lab.toolBootstrapServers, '--topic', 'outbox_string.event.Order', '--from-beginning', '--max-messages', '1', '--timeout-ms', '30000'], 60_000);
  expectShown(ledger, LESSON, 'double-encoded', stdout);
  await deleteConnector(lab.connectUrl, 'outbox-string-payload');
});

test('without plugin.name the connector asks for decoderbufs, and on a server without it the task fails as the lesson shows', async () => {
  await rest('PUT', `${lab.connectUrl}/connectors/outbox-no-plugin/config`, pointAtLabDatabase(outboxVariant('outbox_no_plugin', (config) => delete config['plugin.name']), lab));
  expectShown(ledger, LESSON, 'decoderbufs-trace', await waitForFailure(lab.connectUrl, 'outbox-no-plugin'));
  await deleteConnector(lab.connectUrl, 'outbox-no-plugin');
});

test('psql prints the DELETE on a published table without replica identity as the lesson shows, with its hint', async () => {
  await sql(lab, lessonSql(LESSON, 'CREATE TABLE public.outbox_without_pk').value);
  const failure = await exec('psql', ['-X', lab.postgres.url, '-c', lessonSql(LESSON, 'DELETE FROM public.outbox_without_pk').value]).then(
    () => undefined,
    (error: { stderr?: string }) => error,
  );
  expectShown(ledger, LESSON, 'delete-without-pk', failure?.stderr ?? '(psql succeeded)');
  await sql(lab, lessonSql(LESSON, 'DROP TABLE public.outbox_without_pk').value);
});
