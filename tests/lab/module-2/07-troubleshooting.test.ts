// Lesson module-2/07: the errors the lesson breaks the stack with, every step as the lesson
// writes it, on the real stack: the REST API's refusals (409, 404, 400), a task that fails
// for a missing publication and is restarted, and the two errors Debezium retries forever
// while the task stays RUNNING (no SELECT on a table, a slot another connector holds). Then
// the lesson's other claims: a bare restart leaves a failed task FAILED, and the defaults
// the lesson quotes are the connector's.
import { expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { deleteConnector, rest, waitForFailure } from '../../support/lab/connect-rest.ts';
import { probeConnectorConfig, probeNames } from '../../support/lab/endpoints.ts';
import { sql } from '../../support/lab/lesson-config.ts';
import { forgetConnectorOffsets } from '../module-1/forget-connector.ts';

const { lab, runSteps } = useLessonLab('src/content/course/02-module-2/07-troubleshooting.mdx', async () => {
  await forgetConnectorOffsets(lab, 'shop-connector');
});

type Status = { connector?: { state: string }; tasks?: { state: string; trace?: string }[] };
const status = async (name: string) => (await rest('GET', `${lab.connectUrl}/connectors/${name}/status`)).json as Status;

test('the lesson\'s lab runs step by step and prints what the lesson shows', async () => {
  const run = await runSteps({ rereadTimeoutMs: 60_000 });
  expect(run.steps).toBe(9);
  expect(run.compared).toEqual([
    'shop-running',
    'already-exists',
    'no-status',
    'not-found',
    'config-invalid',
    'class-not-found',
    'offsets-not-stopped',
    'orders-failed',
    'orders-running',
    'refunds-running',
    'refunds-denied',
    'refunds-snapshot',
    'copy-running',
    'slot-active',
    'slots-released',
    'no-slots',
  ]);
});

test('the clean-up leaves no connector and no slot', async () => {
  expect((await rest('GET', `${lab.connectUrl}/connectors`)).json).toEqual([]);
  expect(await sql(lab, 'SELECT slot_name FROM pg_replication_slots')).toEqual([]);
});

test('a restart without includeTasks leaves the failed task FAILED; with includeTasks&onlyFailed it runs again', async () => {
  await sql(lab, 'DROP PUBLICATION IF EXISTS restart_probe');
  const config = probeConnectorConfig(lab, {
    'database.user': 'debezium',
    'database.password': 'debezium',
    ...probeNames('restart_probe'),
    'publication.autocreate.mode': 'disabled',
    'table.include.list': 'public\\.orders',
  });
  await rest('PUT', `${lab.connectUrl}/connectors/restart-probe/config`, config);
  await waitForFailure(lab.connectUrl, 'restart-probe', 30_000);
  await sql(lab, 'CREATE PUBLICATION restart_probe FOR TABLE public.orders');
  expect((await rest('POST', `${lab.connectUrl}/connectors/restart-probe/restart`)).status).toBe(204);
  await new Promise((resolveWait) => setTimeout(resolveWait, 5000));
  expect((await status('restart-probe')).tasks?.[0]?.state).toBe('FAILED');
  expect((await rest('POST', `${lab.connectUrl}/connectors/restart-probe/restart?includeTasks=true&onlyFailed=true`)).status).toBe(202);
  // the restart is asynchronous: for a moment the status still shows the old FAILED task
  for (const deadline = Date.now() + 30_000; (await status('restart-probe')).tasks?.[0]?.state !== 'RUNNING'; ) {
    if (Date.now() > deadline) throw new Error(`restart-probe's task is not RUNNING 30 s after the restart: ${JSON.stringify(await status('restart-probe'))}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
  await deleteConnector(lab.connectUrl, 'restart-probe');
  await sql(lab, 'DROP PUBLICATION restart_probe');
});

test('the defaults the lesson quotes are the connector\'s own: retries, their pauses, the slot retries', async () => {
  const answer = await rest('PUT', `${lab.connectUrl}/connector-plugins/PostgresConnector/config/validate`, {
    'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
    'topic.prefix': 'defaults',
  });
  const configs = (answer.json as { configs: { definition: { name: string; default_value: string | null } }[] }).configs;
  const defaults = Object.fromEntries(configs.map((c) => [c.definition.name, c.definition.default_value]));
  expect({
    'errors.max.retries': defaults['errors.max.retries'],
    'retriable.restart.connector.wait.ms': defaults['retriable.restart.connector.wait.ms'],
    'slot.max.retries': defaults['slot.max.retries'],
    'slot.retry.delay.ms': defaults['slot.retry.delay.ms'],
  }).toEqual({ 'errors.max.retries': '-1', 'retriable.restart.connector.wait.ms': '10000', 'slot.max.retries': '6', 'slot.retry.delay.ms': '10000' });
});
