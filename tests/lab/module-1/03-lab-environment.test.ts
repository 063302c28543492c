// Lesson module-1/03: the stack check, every step as the lesson writes it, on the real stack;
// then what the lesson claims about it: logical decoding is on, the Debezium PostgreSQL
// plugin is the version the course teaches, no connector exists yet.
import pg from 'pg';
import { expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { rest } from '../../support/lab/connect-rest.ts';

const { lab, ledger, lesson: LESSON, runSteps } = useLessonLab('src/content/course/01-module-1/03-lab-environment.mdx');

test('the lesson\'s lab runs step by step and prints what the lesson shows', async () => {
  const run = await runSteps();
  expect(run.steps).toBe(5);
  expect(run.compared).toEqual(['postgres-settings', 'connect-root', 'connector-plugins', 'kafka-version', 'kafka-topics', 'no-connectors']);
});

test('the stack is what the lesson says: logical decoding, PostgreSQL 17, Debezium 3.7.0.Final, Kafka 4.3.1', async () => {
  const client = new pg.Client({ connectionString: lab.postgres.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ wal_level: string; major: number }>("SELECT current_setting('wal_level') AS wal_level, current_setting('server_version_num')::int / 10000 AS major");
    expect(rows[0]).toEqual({ wal_level: 'logical', major: 17 });
  } finally {
    await client.end();
  }
  const plugins = (await rest('GET', `${lab.connectUrl}/connector-plugins`)).json as { class: string; version: string }[];
  expect(plugins.find((p) => p.class === 'io.debezium.connector.postgresql.PostgresConnector')?.version).toBe(lab.versions.debezium);
  const root = (await rest('GET', `${lab.connectUrl}/`)).json as { version: string };
  expect(root.version).toBe('4.3.1');
});
