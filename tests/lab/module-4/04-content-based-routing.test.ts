// Lesson module-4/04 on the real connector: where each routing config of the lesson sends
// events (RegexRouter, ToLogicalTopicRouter with a key that names the table, the Groovy
// ContentBasedRouter by region), the key the lesson shows, and the routing by status that
// scatters one order's events over three topics.
import { expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { deleteConnector } from '../../support/lab/connect-rest.ts';
import { record } from '../../support/lab/ledger.ts';
import { deploy, expectShown, lessonConnector, lessonFragment, lessonSql, listTopics, payloadOf, readTopic, sql, sqlFile } from '../../support/lab/lesson-config.ts';

const { lab, ledger, lesson: LESSON, file: FILE } = useLessonLab('src/content/course/04-module-4/04-content-based-routing.mdx', async () => {
  await sqlFile(lab, 'labs/schemas/shop.sql');
});

/** The lesson's own orders connector without its transforms, under another slot: the base for the lesson's fragments. */
function ordersBase(slot: string): Record<string, string> {
  const { config } = lessonConnector(LESSON, 'shop-orders-by-region');
  return { ...Object.fromEntries(Object.entries(config).filter(([key]) => !key.startsWith('transforms'))), 'slot.name': slot, 'publication.name': slot };
}

async function retire(name: string, slot: string): Promise<void> {
  await deleteConnector(lab.connectUrl, name);
  await sql(lab, `SELECT pg_drop_replication_slot('${slot}')`);
  await sql(lab, `DROP PUBLICATION ${slot}`);
}

test('RegexRouter renames the table topic and leaves the heartbeat topic where it was', async () => {
  const fragment = lessonFragment(LESSON, 'transforms.rename.type');
  await deploy(lab, ledger, LESSON, 'regex-router', { ...ordersBase('lesson_regex'), ...fragment.config, 'heartbeat.interval.ms': '500' });
  record(ledger, { kind: 'config', file: FILE, line: fragment.block.line });
  expect(await readTopic(lab, 'cdc.shop.orders', 3)).toHaveLength(3);
  expect((await readTopic(lab, '__debezium-heartbeat.shop', 1)).length).toBe(1);
  const topics = await listTopics(lab);
  expect(topics).toContain('cdc.shop.orders');
  expect(topics).not.toContain('shop.public.orders');
  await retire('regex-router', 'lesson_regex');
});

test('ToLogicalTopicRouter merges both customer tables into one topic with the key the lesson shows', async () => {
  await sql(lab, lessonSql(LESSON, 'CREATE TABLE public.customers_legacy').value);
  const { name, config, block } = lessonConnector(LESSON, 'shop-customers-all');
  await deploy(lab, ledger, LESSON, name, config);
  record(ledger, { kind: 'config', file: FILE, line: block.line });
  const merged = await readTopic(lab, 'shop.customers.all', 5);
  expect(merged).toHaveLength(5);
  const petr = merged.find((r) => (payloadOf(r.value).after as { full_name?: string }).full_name === 'Пётр Волков')!;
  expectShown(ledger, LESSON, 'merged-key', JSON.stringify(payloadOf(petr.key), null, 2));
  const tables = merged.map((r) => (payloadOf(r.key) as { source_table: string }).source_table).sort();
  expect(tables).toEqual(['customers', 'customers', 'customers', 'customers_legacy', 'customers_legacy']);
  await retire(name, 'lesson_route_merge');
});

test('the Groovy ContentBasedRouter sends each order to the topic of its region', async () => {
  await sql(lab, lessonSql(LESSON, "'shop.orders.' || region AS target_topic").value);
  const { name, config, block } = lessonConnector(LESSON, 'shop-orders-by-region');
  await deploy(lab, ledger, LESSON, name, config);
  record(ledger, { kind: 'config', file: FILE, line: block.line });
  for (const region of ['eu', 'ru', 'us']) {
    const events = (await readTopic(lab, `shop.orders.${region}`, 1)).map((r) => payloadOf(r.value));
    expect(events.map((e) => (e.after as { region: string }).region)).toEqual([region]);
  }
  await retire(name, 'lesson_route_region');
});

test('routing by status scatters one order\'s snapshot and updates over three topics', async () => {
  const fragment = lessonFragment(LESSON, 'transforms.byStatus.type');
  await deploy(lab, ledger, LESSON, 'by-status', { ...ordersBase('lesson_by_status'), ...fragment.config });
  record(ledger, { kind: 'config', file: FILE, line: fragment.block.line });
  expect(await readTopic(lab, 'shop.orders.new', 3)).toHaveLength(3);
  await sql(lab, lessonSql(LESSON, "SET status = 'SHIPPED'").value);
  const approved = (await readTopic(lab, 'shop.orders.approved', 1)).map((r) => payloadOf(r.value));
  const shipped = (await readTopic(lab, 'shop.orders.shipped', 1)).map((r) => payloadOf(r.value));
  expect(approved.map((e) => [e.op, (e.after as { id: string }).id])).toEqual([['u', '8c1f7a52-3d5e-4b8a-9f61-2a7d0c4e9b13']]);
  expect(shipped.map((e) => [e.op, (e.after as { id: string }).id])).toEqual([['u', '8c1f7a52-3d5e-4b8a-9f61-2a7d0c4e9b13']]);
  await retire('by-status', 'lesson_by_status');
});
