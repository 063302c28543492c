import { describe, expect, test } from 'vitest';
import { blockAction, errorMatches, findPlaceholders, sqlFailureFix } from '../../../src/snippets/block-policy.ts';
import { loadCatalogue } from '../../../src/snippets/catalogue.ts';
import { invalidJsonFix, planFile } from '../../../src/snippets/check-blocks.ts';
import { extractCodeBlocks, parseMeta } from '../../../src/snippets/code-blocks.ts';
import { checkConnectorConfig, connectorConfigOf, isOptionKey, optionPrefixes, POSTGRES_CONNECTOR } from '../../../src/snippets/config-check.ts';
import { labRequires } from '../../../src/snippets/lab-requires.ts';
import { javaRegexReplace, routeTopic } from '../../../src/snippets/routing.ts';

const catalogue = loadCatalogue();
const context = { defaultConnector: POSTGRES_CONNECTOR };
const fence = '```';

describe('code blocks from MDX', () => {
  const mdx = [
    '---',
    'title: T',
    '---',
    "import { Aside } from '@astrojs/starlight/components';",
    '',
    '<Aside>',
    '',
    `${fence}sql nocheck="shown inside a transaction"`,
    'SELECT 1;',
    fence,
    '',
    '</Aside>',
    '',
    `${fence}json title="config.json" routes="Order=outbox.event.Order"`,
    '{}',
    fence,
  ].join('\n');

  test('finds blocks inside components with language, meta and line', () => {
    const blocks = extractCodeBlocks(mdx, 'lesson.mdx');
    expect(blocks.map((b) => [b.lang, b.line, b.attributes])).toEqual([
      ['sql', 8, { nocheck: 'shown inside a transaction' }],
      ['json', 14, { title: 'config.json', routes: 'Order=outbox.event.Order' }],
    ]);
  });

  test('meta strings keep quoted values and bare flags', () => {
    expect(parseMeta(`nocheck='a "b"' {1,3} frame=none flag`)).toEqual({ nocheck: 'a "b"', '{1,3}': true, frame: 'none', flag: true });
  });
});

describe('block policy', () => {
  const block = (lang: string, meta: string) => ({ file: 'f', line: 1, lang, meta, attributes: parseMeta(meta), value: '' });

  test.each([
    ['sql', '', { kind: 'run-sql' }],
    ['sql', 'expect-error="55000"', { kind: 'run-sql', expectError: '55000' }],
    ['sql', 'nocheck="needs PostgreSQL 15+"', { kind: 'opted-out', reason: 'needs PostgreSQL 15+' }],
    ['json', '', { kind: 'check-json' }],
    ['bash', '', { kind: 'not-checked' }],
  ])('%s %s', (lang, meta, action) => {
    expect(blockAction(block(lang, meta))).toEqual(action);
  });

  test.each(['nocheck', 'nocheck=""', 'nocheck="  "'])('an opt-out without a reason is invalid: %s', (meta) => {
    expect(blockAction(block('sql', meta)).kind).toBe('invalid');
  });

  test('expect-error needs a value and belongs to sql', () => {
    expect(blockAction(block('sql', 'expect-error')).kind).toBe('invalid');
    expect(blockAction(block('json', 'expect-error="x"')).kind).toBe('invalid');
  });

  test('placeholders are found in code, not in comments', () => {
    expect(findPlaceholders("UPDATE t SET a = '...' WHERE id = <order-id>; -- '...' is fine here")).toEqual(["'...'", '<order-id>']);
    expect(findPlaceholders('/* … */ SELECT 1;')).toEqual([]);
    expect(findPlaceholders("SELECT 'a' || 'b' WHERE 1 < 2 AND 3 > 2;")).toEqual([]);
  });

  test('expected errors match a SQLSTATE or a part of the message', () => {
    expect(errorMatches('55000', { code: '55000', message: 'x' })).toBe(true);
    expect(errorMatches('55000', { code: '23505', message: '55000' })).toBe(false);
    expect(errorMatches('replica identity', { code: '55000', message: 'does not have a Replica Identity' })).toBe(true);
  });

  test('lab files name what they build on', () => {
    expect(labRequires('-- text\n-- requires: labs/a.sql, labs/b.sql\nBEGIN;')).toEqual(['labs/a.sql', 'labs/b.sql']);
    expect(labRequires('SELECT 1;')).toEqual([]);
  });
});

describe('routing', () => {
  test('Java replacement syntax: named and numbered groups, whole-value match', () => {
    expect(javaRegexReplace('(?<routedByValue>.*)', 'outbox.event.${routedByValue}', 'Order')).toBe('outbox.event.Order');
    expect(javaRegexReplace('shop\\.public\\.(.*)', 'cdc.shop.$1', 'shop.public.orders')).toBe('cdc.shop.orders');
    expect(javaRegexReplace('shop\\.public', 'x', 'shop.public.orders')).toBe('shop.public.orders');
  });

  test('the EventRouter defaults, then RegexRouters in chain order', () => {
    const config = {
      transforms: 'outbox,rename',
      'transforms.outbox.type': 'io.debezium.transforms.outbox.EventRouter',
      'transforms.rename.type': 'org.apache.kafka.connect.transforms.RegexRouter',
      'transforms.rename.regex': 'outbox\\.event\\.(.*)',
      'transforms.rename.replacement': 'events.$1',
    };
    expect(routeTopic(config, 'Order')).toBe('events.Order');
  });

  test('table routers under both names', () => {
    for (const type of ['io.debezium.transforms.ByLogicalTableRouter', 'io.debezium.transforms.ToLogicalTopicRouter']) {
      const config = { transforms: 'm', 'transforms.m.type': type, 'transforms.m.topic.regex': 'shop\\.public\\.customers(_legacy)?', 'transforms.m.topic.replacement': 'shop.customers.all' };
      expect(routeTopic(config, 'shop.public.customers_legacy')).toBe('shop.customers.all');
    }
  });
});

describe('connector configs', () => {
  const check = (config: Record<string, unknown>, fragment = false, knownAliases?: Map<string, string>) =>
    checkConnectorConfig(catalogue, config, { fragment, context: knownAliases ? { ...context, knownAliases } : context });

  test('request bodies, bare configs, fragments and data are told apart', () => {
    expect(connectorConfigOf({ name: 'x', config: { 'connector.class': 'c' } })?.fragment).toBe(false);
    expect(connectorConfigOf({ 'connector.class': 'c' })?.fragment).toBe(false);
    const prefixes = optionPrefixes(catalogue);
    expect(connectorConfigOf({ 'table.include.list': 'public\\.outbox' }, { prefixes })?.fragment).toBe(true);
    expect(connectorConfigOf({ 'transforms.unwrap.add.fields': 'op' })?.fragment).toBe(true);
    expect(connectorConfigOf({ orderId: '1', status: 'APPROVED' })).toBeUndefined();
    expect(connectorConfigOf([1, 2])).toBeUndefined();
  });

  test('an event or message is never a config, however its keys are dotted', () => {
    const prefixes = optionPrefixes(catalogue);
    const message = { id: 42, email: 'anna@example.com', __op: 'c', __table: 'customers', '__source.ts_ms': 1767225600000, 'payload.after.id': 1 };
    expect(connectorConfigOf(message, { prefixes })).toBeUndefined();
    expect(connectorConfigOf({ name: 'x', config: { id: 1 } }, { prefixes })).toBeUndefined();
    expect(['__source.ts_ms', 'payload.after', 'id', 'name'].filter((key) => isOptionKey(key, prefixes))).toEqual([]);
    expect(['connector.class', 'transforms', 'predicates.p.type', 'slot.name', 'database.hostname', 'snapshot.mode', 'key.converter'].every((key) => isOptionKey(key, prefixes))).toBe(true);
    // The explicit marker makes any object a config fragment.
    expect(connectorConfigOf({ 'slot.nam': 'x', id: 1 }, { prefixes, marked: true })?.fragment).toBe(true);
  });

  test('transform options are checked against the SMT the alias names', () => {
    const problems = check({
      'connector.class': POSTGRES_CONNECTOR,
      transforms: 'outbox',
      'transforms.outbox.type': 'io.debezium.transforms.outbox.EventRouter',
      'transforms.outbox.route.by.feild': 'aggregatetype',
    });
    expect(problems).toEqual([
      { key: 'transforms.outbox.route.by.feild', message: 'is not an option of io.debezium.transforms.outbox.EventRouter', fix: 'did you mean "transforms.outbox.route.by.field"?' },
    ]);
  });

  test('unknown classes are named with the nearest known one', () => {
    const [problem] = check({ 'connector.class': POSTGRES_CONNECTOR, transforms: 'outbox', 'transforms.outbox.type': 'io.debezium.transforms.outbox.OutboxEventRouter' });
    expect(problem?.message).toBe('unknown transform "io.debezium.transforms.outbox.OutboxEventRouter"');
    expect(problem?.fix).toBe('did you mean "io.debezium.transforms.outbox.EventRouter"?');
  });

  test('enum values are checked, with removed ones pointing at the replacement', () => {
    expect(check({ 'connector.class': POSTGRES_CONNECTOR, 'plugin.name': 'pgouput' })[0]?.fix).toBe('did you mean "pgoutput"?');
    expect(check({ 'snapshot.mode': 'never' }, true)[0]).toMatchObject({ message: 'value "never" was removed in 3.3', fix: 'use "no_data"' });
  });

  test('converter options need their converter in the same config', () => {
    const [problem] = check({ 'connector.class': POSTGRES_CONNECTOR, 'value.converter.schemas.enable': 'false' });
    expect(problem?.message).toBe('has no effect: "value.converter" is not set in this config');
    expect(check({ 'connector.class': POSTGRES_CONNECTOR, 'value.converter': 'org.apache.kafka.connect.json.JsonConverter', 'value.converter.schemas.enable': 'false' })).toEqual([]);
  });

  test('a fragment takes alias types from the rest of the lesson', () => {
    const fragment = { 'transforms.outbox.table.fields.additional.placement': 'type:header:eventType' };
    expect(check(fragment, true, new Map([['transforms.outbox', 'io.debezium.transforms.outbox.EventRouter']]))).toEqual([]);
    expect(check(fragment, true)[0]?.message).toBe('has no effect: "transforms.outbox.type" is not set in this config');
  });

  test('aliases and predicates must be declared in a full config', () => {
    const problems = check({ 'connector.class': POSTGRES_CONNECTOR, transforms: 'a', 'transforms.a.predicate': 'p' }).map((p) => p.message);
    expect(problems).toContain('alias "a" has no transforms.a.type');
    expect(problems).toContain('predicate "p" is not listed in "predicates"');
  });
});

describe('planning a file', () => {
  const plan = (lines: string[]) => planFile('f.mdx', extractCodeBlocks(lines.join('\n'), 'f.mdx'), catalogue);

  test('message JSON raises no alarm; a real config fragment is still checked', () => {
    const result = plan([
      `${fence}json`, '{ "id": 42, "email": "anna@example.com", "__op": "c", "__table": "customers", "__source.ts_ms": 1767225600000 }', fence,
      `${fence}json`, '{ "transforms": "unwrap", "transforms.unwrap.type": "io.debezium.transforms.ExtractNewRecordState", "transforms.unwrap.add.feilds": "op" }', fence,
      `${fence}json`, '{ "slot.nam": "outbox_slot" }', fence,
      `${fence}json config`, '{ "plugin": "pgoutput" }', fence,
    ]);
    expect(plan([`${fence}json`, '{ "id": 1, "__source.ts_ms": 2 }', fence]).problems).toEqual([]);
    expect(result.problems.map((p) => [p.line, p.message])).toEqual([
      [4, '"transforms.unwrap.add.feilds" is not an option of io.debezium.transforms.ExtractNewRecordState'],
      [7, '"slot.nam" is not an option of io.debezium.connector.postgresql.PostgresConnector'],
      [10, '"plugin" is not an option of io.debezium.connector.postgresql.PostgresConnector'],
    ]);
    expect(result.problems[1]?.fix).toBe('did you mean "slot.name"?');
  });

  test('JSON with comments or "..." gets told to use jsonc; jsonc is not checked', () => {
    const result = plan([`${fence}json`, '{', '  // the key', '  "id": 42,', '  ...', '}', fence, `${fence}jsonc`, '{ // fine', '  "id": 1 }', fence]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toMatch(/^invalid JSON/);
    expect(result.problems[0]?.fix).toContain('tag the block jsonc');
    expect(invalidJsonFix('{"a": 1,}')).not.toContain('illustrative');
  });

  test('SQL of another dialect: a syntax error on PostgreSQL says which tags to use', () => {
    expect(sqlFailureFix('42601')).toContain('```flinksql');
    expect(sqlFailureFix('42601')).toContain('```bigquery');
    expect(sqlFailureFix('42601')).toContain('nocheck="reason"');
    expect(sqlFailureFix('23505')).toBeUndefined();
    // PostgreSQL 18 parses Flink's NOT ENFORCED and fails with 0A000: the marks name the dialect.
    expect(sqlFailureFix('0A000', "CREATE TABLE t (id BIGINT, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'kafka');")).toMatch(/^this looks like Flink SQL, not PostgreSQL: tag the block ```flinksql/);
    expect(sqlFailureFix('42601', 'SELECT status FROM `project.shop.orders`;')).toMatch(/^this looks like BigQuery/);
    expect(sqlFailureFix('42P01', 'SELECT * FROM s EMIT CHANGES;')).toMatch(/^this looks like ksqlDB/);
    expect(plan([`${fence}flinksql`, "CREATE TABLE t (id BIGINT) WITH ('connector' = 'kafka');", fence]).counts).toMatchObject({ run: 0, notChecked: 1 });
  });

  test('counts runs, checks and opt-outs; placeholders do not run', () => {
    const mdx = [
      `${fence}sql`, "SELECT '...';", fence,
      `${fence}sql`, 'SELECT 1;', fence,
      `${fence}sql nocheck="needs PostgreSQL 15+"`, 'SELECT 2;', fence,
      `${fence}json`, '{"a": 1}', fence,
      `${fence}bash`, 'ls', fence,
    ].join('\n');
    const plan = planFile('f.mdx', extractCodeBlocks(mdx, 'f.mdx'), catalogue);
    expect(plan.counts).toEqual({ run: 1, checked: 1, optedOut: 1, notChecked: 1 });
    expect(plan.sql.map((step) => step.sql)).toEqual(['SELECT 1;']);
    expect(plan.problems.map((p) => p.line)).toEqual([1]);
  });
});
