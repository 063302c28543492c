// Lesson module-1/04: the first connector, every step as the lesson writes it, on the real
// stack; then what the lesson claims about the result: the connector role can replicate but
// is no superuser, the second snapshot doubled the customers topic, and the clean-up left no
// connector, no slot and no topic of the connector behind.
import pg from 'pg';
import { expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { sql } from '../../support/lab/lesson-config.ts';
import { rest } from '../../support/lab/connect-rest.ts';
import { kafkaTool } from '../../support/lab/kafka-tools.ts';
import type { LessonRun } from '../../support/lab/lesson-runner.ts';
import { forgetConnectorOffsets } from './forget-connector.ts';

const { lab, ledger, lesson: LESSON, runSteps } = useLessonLab('src/content/course/01-module-1/04-first-connector.mdx', async () => {
  await forgetConnectorOffsets(lab, 'shop-connector');
});

const query = <T extends pg.QueryResultRow>(text: string): Promise<T[]> => sql<T>(lab, text);

let run: LessonRun;

test('the lesson\'s lab runs step by step and prints what the lesson shows', async () => {
  run = await runSteps();
  expect(run.steps).toBe(8);
  expect(run.compared).toHaveLength(14);
});

test('the connector role replicates without being a superuser', async () => {
  expect(await query("SELECT rolreplication, rolsuper FROM pg_roles WHERE rolname = 'debezium'")).toEqual([{ rolreplication: true, rolsuper: false }]);
});

test('the clean-up leaves no connector, no slot and no topic of the connector', async () => {
  expect((await rest('GET', `${lab.connectUrl}/connectors`)).json).toEqual([]);
  expect(await query('SELECT slot_name FROM pg_replication_slots')).toEqual([]);
  let topics: string[] = [];
  for (let attempt = 0; attempt < 30; attempt++) {
    topics = (await kafkaTool(lab, 'kafka-topics', ['--bootstrap-server', lab.toolBootstrapServers, '--list'])).stdout.split('\n').filter((t) => t.startsWith('shop.'));
    if (topics.length === 0) break;
    await new Promise((resolveWait) => setTimeout(resolveWait, 500));
  }
  expect(topics).toEqual([]);
});
