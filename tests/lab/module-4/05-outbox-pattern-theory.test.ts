// Lesson module-4/05 on the real connector: what the lesson says about the event timestamp.
// A `timestamp` column given to table.field.event.timestamp is read as UTC, so rows written
// with DEFAULT NOW() west of UTC get earlier message times, and east of UTC times in the future
// that a Kafka 4 broker rejects (message.timestamp.after.max.ms, one hour); a `timestamptz`
// column, which Debezium sends as a string, is not accepted by the router. Both failures are
// the lesson's <ErrorNote> texts, observed here as the task's trace prints them.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { deleteConnector, rest, waitForFailure } from '../../support/lab/connect-rest.ts';
import { pointAtLabDatabase } from '../../support/lab/endpoints.ts';
import { deploy, readTopic, sql, sqlFile } from '../../support/lab/lesson-config.ts';
import { REPO_ROOT } from '../../support/lab/paths.ts';

const { lab, ledger, lesson: LESSON, observeError } = useLessonLab('src/content/course/04-module-4/05-outbox-pattern-theory.mdx', async () => {
  await sqlFile(lab, 'labs/schemas/outbox-table.sql');
});
const HOUR = 3_600_000;

/** The lab's outbox connector (labs/connectors/outbox-connector.json) with the event timestamp taken from created_at. */
async function outboxConfig(table: string, slot: string): Promise<Record<string, string>> {
  const { readFileSync } = await import('node:fs');
  const { config } = JSON.parse(readFileSync(join(REPO_ROOT, 'labs/connectors/outbox-connector.json'), 'utf8')) as { config: Record<string, string> };
  return {
    ...config,
    'slot.name': slot,
    'publication.name': slot,
    'table.include.list': `public\\.${table}`,
    'transforms.outbox.route.topic.replacement': `${table}.event.\${routedByValue}`,
    'transforms.outbox.table.field.event.timestamp': 'created_at',
  };
}

const insert = (table: string, zone = 'Europe/Moscow') =>
  `SET TimeZone = '${zone}'; INSERT INTO public.${table} (aggregatetype, aggregateid, type, payload) VALUES ('Order', 'o-1', 'OrderApproved', '{}'); RESET TimeZone`;

test('a timestamp column is read as UTC: written in a New York session, message times land five hours early', async () => {
  await deploy(lab, ledger, LESSON, 'outbox-ts', await outboxConfig('outbox', 'lesson_outbox_ts'));
  const before = Date.now();
  await sql(lab, insert('outbox', 'America/New_York'));
  const [event] = await readTopic(lab, 'outbox.event.Order', 1);
  const shift = event!.timestamp - before;
  // New York is UTC-5 in winter and UTC-4 in summer.
  expect(shift).toBeGreaterThan(-5 * HOUR - 5 * 60_000);
  expect(shift).toBeLessThan(-4 * HOUR + 5 * 60_000);
});

test('written in a Moscow session, the message is three hours in the future, and Kafka 4 rejects it: the task fails', async () => {
  await sql(lab, insert('outbox', 'Europe/Moscow'));
  const trace = await waitForFailure(lab.connectUrl, 'outbox-ts');
  console.log(`[lab] event timestamp three hours ahead: ${trace.split('\n').filter((l) => /Exception/.test(l)).slice(0, 3).join(' | ')}`);
  // the lesson's <ErrorNote> text: the troubleshooting index counts it as produced by the stack
  observeError('InvalidTimestampException: Timestamp … is out of range', trace);
  await deleteConnector(lab.connectUrl, 'outbox-ts');
});

test('a timestamptz column for table.field.event.timestamp is not accepted by the router', async () => {
  await sql(lab, 'CREATE TABLE public.outbox_tz (LIKE public.outbox INCLUDING DEFAULTS INCLUDING CONSTRAINTS); ALTER TABLE public.outbox_tz ADD PRIMARY KEY (id); ALTER TABLE public.outbox_tz ALTER COLUMN created_at TYPE timestamptz');
  await rest('PUT', `${lab.connectUrl}/connectors/outbox-tz/config`, pointAtLabDatabase(await outboxConfig('outbox_tz', 'lesson_outbox_tz'), lab));
  await new Promise((resolveWait) => setTimeout(resolveWait, 3000));
  await sql(lab, insert('outbox_tz'));
  const trace = await waitForFailure(lab.connectUrl, 'outbox-tz');
  console.log(`[lab] timestamptz as event timestamp: ${trace.split('\n').filter((l) => /Exception/.test(l)).slice(0, 3).join(' | ') || 'no failure'}`);
  observeError("DataException: Field 'created_at' is not of type INT64", trace);
  await deleteConnector(lab.connectUrl, 'outbox-tz');
});
