// Lesson module-4/01 on the real connector: the unwrap-then-rename chain gives the renamed
// fields; in the other order the rename finds nothing and passes the record on silently;
// the predicate applies unwrap to table topics only, so heartbeats pass as they are.
import { expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { deleteConnector } from '../../support/lab/connect-rest.ts';
import { record } from '../../support/lab/ledger.ts';
import { deploy, lessonConnector, lessonFragment, payloadOf, readTopic, sql, sqlFile } from '../../support/lab/lesson-config.ts';

const { lab, ledger, lesson: LESSON, file: FILE } = useLessonLab('src/content/course/04-module-4/01-smt-overview.mdx', async () => {
  await sqlFile(lab, 'labs/schemas/shop.sql');
});

async function retire(name: string, slot: string): Promise<void> {
  await deleteConnector(lab.connectUrl, name);
  await sql(lab, `SELECT pg_drop_replication_slot('${slot}')`);
  await sql(lab, `DROP PUBLICATION ${slot}`);
}

test('unwrap, then rename: the flat value carries operation and changed_at_ms', async () => {
  const { name, config, block } = lessonConnector(LESSON, 'shop-orders-flat');
  await deploy(lab, ledger, LESSON, name, config);
  record(ledger, { kind: 'config', file: FILE, line: block.line });
  const value = payloadOf((await readTopic(lab, 'shop.public.orders', 1))[0]!.value);
  expect(Object.keys(value)).toEqual(['id', 'customer_id', 'status', 'amount', 'region', 'created_at', 'operation', 'changed_at_ms']);
  expect(value.operation).toBe('r');
  expect(typeof value.changed_at_ms).toBe('number');
  await retire(name, 'lesson_smt_flat');
});

test('rename before unwrap finds no __op in the envelope and silently passes the record on', async () => {
  const { config } = lessonConnector(LESSON, 'shop-orders-flat');
  await deploy(lab, ledger, LESSON, 'shop-orders-flat-reversed', {
    ...config,
    'topic.prefix': 'reversed',
    'slot.name': 'lesson_smt_reversed',
    'publication.name': 'lesson_smt_reversed',
    transforms: 'rename,unwrap',
  });
  const value = payloadOf((await readTopic(lab, 'reversed.public.orders', 1))[0]!.value);
  expect(value).toHaveProperty('__op', 'r');
  expect(value).toHaveProperty('__source_ts_ms');
  expect(value).not.toHaveProperty('operation');
  await retire('shop-orders-flat-reversed', 'lesson_smt_reversed');
});

test('with the TopicNameMatches predicate, unwrap touches table topics only and heartbeats pass as they are', async () => {
  const { config } = lessonConnector(LESSON, 'shop-orders-flat');
  const fragment = lessonFragment(LESSON, 'predicates.isShopTable.type');
  const base = Object.fromEntries(Object.entries(config).filter(([key]) => !key.startsWith('transforms')));
  await deploy(lab, ledger, LESSON, 'shop-orders-predicate', {
    ...base,
    'topic.prefix': 'pred',
    'slot.name': 'lesson_smt_pred',
    'publication.name': 'lesson_smt_pred',
    'heartbeat.interval.ms': '500',
    ...fragment.config,
    'predicates.isShopTable.pattern': 'pred\\.public\\..*',
  });
  record(ledger, { kind: 'config', file: FILE, line: fragment.block.line });
  const row = payloadOf((await readTopic(lab, 'pred.public.orders', 1))[0]!.value);
  expect(row).not.toHaveProperty('after'); // unwrapped
  expect(row).toHaveProperty('status', 'NEW');
  const heartbeat = payloadOf((await readTopic(lab, '__debezium-heartbeat.pred', 1))[0]!.value);
  expect(heartbeat).toHaveProperty('ts_ms'); // a heartbeat's own value, untouched
  await retire('shop-orders-predicate', 'lesson_smt_pred');
});
