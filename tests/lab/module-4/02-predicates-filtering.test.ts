// Lesson module-4/02 on the real connector: the Groovy Filter of the lesson keeps only EU
// orders and (without REPLICA IDENTITY FULL) silently drops their deletes; the scripting
// binding for headers is `header`; and what the connector does to its publication: the
// `publish` option only with an explicit skipped.operations, the broken ALTER … SET TABLE …
// WITH, and a hand-made row filter that survives restarts but not a new table list.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { deleteConnector, rest, waitForFailure, waitForRunning } from '../../support/lab/connect-rest.ts';
import { pointAtLabDatabase } from '../../support/lab/endpoints.ts';
import { record } from '../../support/lab/ledger.ts';
import { deploy, lessonConnector, lessonSql, payloadOf, readTopic, sql, sqlFile } from '../../support/lab/lesson-config.ts';

const { lab, ledger, lesson: LESSON, observeError } = useLessonLab('src/content/course/04-module-4/02-predicates-filtering.mdx', async () => {
  await sqlFile(lab, 'labs/schemas/shop.sql');
});
const EU_ORDER = '8c1f7a52-3d5e-4b8a-9f61-2a7d0c4e9b13';

/** A base config of the lesson (its own shop-orders-eu), with the Filter taken out. */
function baseConfig(slot: string, extra: Record<string, string> = {}): Record<string, string> {
  const config = Object.fromEntries(Object.entries(lessonConnector(LESSON, 'shop-orders-eu').config).filter(([key]) => !key.startsWith('transforms')));
  return { ...config, 'slot.name': slot, 'publication.name': slot, ...extra };
}

describe('the Groovy Filter of the lesson (shop-orders-eu)', () => {
  test('keeps only EU orders and leaves customer events alone', async () => {
    const { name, config, block } = lessonConnector(LESSON, 'shop-orders-eu');
    await deploy(lab, ledger, LESSON, name, config);
    record(ledger, { kind: 'config', file: 'src/content/course/04-module-4/02-predicates-filtering.mdx', line: block.line });
    expect((await readTopic(lab, 'shop.public.customers', 3)).length).toBe(3);
    // A marker after the snapshot: once it is there, every earlier order event is too.
    await sql(lab, `INSERT INTO public.orders (id, customer_id, amount, region) VALUES ('00000000-0000-4000-8000-000000000001', 1, 10, 'eu')`);
    const orders = (await readTopic(lab, 'shop.public.orders', 2)).map((r) => payloadOf(r.value));
    expect(orders.map((e) => [e.op, (e.after as { region: string }).region])).toEqual([['r', 'eu'], ['c', 'eu']]);
  });

  test('drops the delete of an EU order while REPLICA IDENTITY is DEFAULT, passes it with FULL', async () => {
    await sql(lab, `DELETE FROM public.orders WHERE id = '${EU_ORDER}'`);
    await sql(lab, `INSERT INTO public.orders (id, customer_id, amount, region) VALUES ('00000000-0000-4000-8000-000000000002', 1, 20, 'eu')`);
    // The insert after the delete is the marker: had the delete passed, it would stand before it.
    let orders = (await readTopic(lab, 'shop.public.orders', 3)).map((r) => payloadOf(r.value));
    expect(orders.map((e) => e.op)).toEqual(['r', 'c', 'c']); // the delete never arrived

    await sql(lab, lessonSql(LESSON, 'ALTER TABLE public.orders REPLICA IDENTITY FULL').value);
    await sql(lab, `DELETE FROM public.orders WHERE id = '00000000-0000-4000-8000-000000000002'`);
    orders = (await readTopic(lab, 'shop.public.orders', 4)).map((r) => payloadOf(r.value));
    expect(orders.map((e) => e.op)).toEqual(['r', 'c', 'c', 'd']);
    expect((orders[3]!.before as { region: string }).region).toBe('eu');
    await deleteConnector(lab.connectUrl, 'shop-orders-eu');
  });

  test('scripts see record headers as `header`; `headers` is not bound', async () => {
    const filter = (condition: string): Record<string, string> =>
      baseConfig('lesson_header_probe', {
        'table.include.list': 'public\\.customers',
        transforms: 'byHeader',
        'transforms.byHeader.type': 'io.debezium.transforms.Filter',
        'transforms.byHeader.language': 'jsr223.groovy',
        'transforms.byHeader.condition': condition,
      });
    await deploy(lab, ledger, LESSON, 'header-probe', filter("header['__debezium.context.connectorLogicalName'].value == 'shop'"));
    expect((await readTopic(lab, 'shop.public.customers', 6)).length).toBe(6); // 3 from the first connector, 3 from this one
    await deleteConnector(lab.connectUrl, 'header-probe');
    await sql(lab, "SELECT pg_drop_replication_slot('lesson_header_probe')");
    await sql(lab, 'DROP PUBLICATION lesson_header_probe');

    await rest('PUT', `${lab.connectUrl}/connectors/header-probe-wrong/config`, pointAtLabDatabase(filter("headers['__debezium.context.connectorLogicalName'].value == 'shop'"), lab));
    expect(await waitForFailure(lab.connectUrl, 'header-probe-wrong')).toMatch(/No such property: headers/);
    await deleteConnector(lab.connectUrl, 'header-probe-wrong');
  });

  test('a language whose JSR 223 engine is not in the plugin folder fails the task as the lesson says', async () => {
    // The stack has Groovy, so a missing engine is shown with a language it has no engine for:
    // Debezium's Jsr223Engine raises the same error for any name the ScriptEngineManager lacks.
    const config = baseConfig('lesson_no_engine', {
      'table.include.list': 'public\\.customers',
      transforms: 'byRuby',
      'transforms.byRuby.type': 'io.debezium.transforms.Filter',
      'transforms.byRuby.language': 'jsr223.ruby',
      'transforms.byRuby.condition': "value.op == 'c'",
    });
    const answer = await rest('PUT', `${lab.connectUrl}/connectors/no-engine/config`, pointAtLabDatabase(config, lab));
    const failure = answer.status >= 400 ? answer.text : await waitForFailure(lab.connectUrl, 'no-engine');
    observeError("Implementation of language '…' not found on the classpath", failure);
    expect(failure).toContain("Implementation of language 'ruby' not found on the classpath");
    await deleteConnector(lab.connectUrl, 'no-engine');
  });
});

describe('what the connector does to its publication (filtered mode)', () => {
  const publication = async (name: string) =>
    (await sql<{ pubinsert: boolean; pubupdate: boolean; pubdelete: boolean; pubtruncate: boolean }>(lab, `SELECT pubinsert, pubupdate, pubdelete, pubtruncate FROM pg_publication WHERE pubname = '${name}'`))[0];

  test('without skipped.operations in the config it publishes TRUNCATE too', async () => {
    expect(await publication('lesson_filter_eu')).toEqual({ pubinsert: true, pubupdate: true, pubdelete: true, pubtruncate: true });
  });

  test('an explicit skipped.operations=t becomes publish = insert, update, delete', async () => {
    await deploy(lab, ledger, LESSON, 'skip-truncate', baseConfig('lesson_skip_t', { 'table.include.list': 'public\\.orders', 'skipped.operations': 't' }));
    expect(await publication('lesson_skip_t')).toEqual({ pubinsert: true, pubupdate: true, pubdelete: true, pubtruncate: false });
  });

  test('with skipped.operations set, a changed table list runs ALTER PUBLICATION … SET TABLE … WITH, which PostgreSQL rejects, again and again', async () => {
    const config = baseConfig('lesson_skip_t', { 'table.include.list': 'public\\.orders,public\\.customers', 'skipped.operations': 't' });
    await rest('PUT', `${lab.connectUrl}/connectors/skip-truncate/config`, pointAtLabDatabase(config, lab));
    const rejected = /ERROR: {2}syntax error at or near "WITH"[^\n]*\n[^\n]*STATEMENT: [^\n]*ALTER PUBLICATION lesson_skip_t SET TABLE [^\n]*WITH \(publish = 'insert,update,delete'\)/g;
    const deadline = Date.now() + 60_000;
    let attempts = 0;
    while (Date.now() < deadline && attempts < 2) {
      attempts = (readFileSync(lab.logs.postgres!, 'utf8').match(rejected) ?? []).length;
      await new Promise((resolveWait) => setTimeout(resolveWait, 500));
    }
    expect(attempts).toBeGreaterThanOrEqual(2); // the task retries the same statement
    // The publication keeps its old table list: nothing of public.customers is published.
    expect(await sql(lab, "SELECT tablename FROM pg_publication_tables WHERE pubname = 'lesson_skip_t' ORDER BY 1")).toEqual([{ tablename: 'orders' }]);
    const { json } = await rest('GET', `${lab.connectUrl}/connectors/skip-truncate/status`);
    console.log(`[lab] skip-truncate after the table list changed: ${JSON.stringify(json)}`);
    await deleteConnector(lab.connectUrl, 'skip-truncate');
  });

  test('a row filter added by hand survives a restart and is lost when the table list changes', async () => {
    await sql(lab, "CREATE PUBLICATION lesson_rowfilter FOR TABLE public.orders WHERE (region = 'eu')");
    const rowfilter = async () => (await sql<{ rowfilter: string | null }>(lab, "SELECT rowfilter FROM pg_publication_tables WHERE pubname = 'lesson_rowfilter' AND tablename = 'orders'"))[0]?.rowfilter;
    const config = baseConfig('lesson_rowfilter', { 'table.include.list': 'public\\.orders' });
    await deploy(lab, ledger, LESSON, 'rowfilter', config);
    await rest('POST', `${lab.connectUrl}/connectors/rowfilter/restart?includeTasks=true`);
    await waitForRunning(lab.connectUrl, 'rowfilter');
    expect(await rowfilter()).toBe("(region = 'eu'::text)");

    await rest('PUT', `${lab.connectUrl}/connectors/rowfilter/config`, pointAtLabDatabase({ ...config, 'table.include.list': 'public\\.orders,public\\.customers' }, lab));
    await new Promise((resolveWait) => setTimeout(resolveWait, 3000));
    await waitForRunning(lab.connectUrl, 'rowfilter');
    expect(await rowfilter()).toBeNull();
    await deleteConnector(lab.connectUrl, 'rowfilter');
  });
});
