import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CATALOGUE_DIR, CatalogueError, loadCatalogue, matchPattern, parseCatalogue } from '../../../src/snippets/catalogue.ts';

const PG = 'io.debezium.connector.postgresql.PostgresConnector';
const EVENT_ROUTER = 'io.debezium.transforms.outbox.EventRouter';
const UNWRAP = 'io.debezium.transforms.ExtractNewRecordState';
const REPLACE_FIELD = 'org.apache.kafka.connect.transforms.ReplaceField';

const catalogue = loadCatalogue();
const pg = catalogue.effectiveOptions(PG);
const router = catalogue.effectiveOptions(EVENT_ROUTER);

describe('catalogue files', () => {
  test('every JSON file in the folder loads as one component', () => {
    const files = readdirSync(CATALOGUE_DIR).filter((name) => name.endsWith('.json')).sort();
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(catalogue.components.map((component) => component.file).sort()).toEqual(files);
  });

  test('every non-shared component resolves its effective option set', () => {
    for (const component of catalogue.components) {
      if (component.kind === 'connector-common') continue;
      expect(() => catalogue.effectiveOptions(component.component), component.file).not.toThrow();
    }
  });

  test('the requested components are all present', () => {
    const classes = [
      PG, EVENT_ROUTER, UNWRAP, 'io.debezium.transforms.ByLogicalTableRouter', 'io.debezium.transforms.Filter',
      'io.debezium.transforms.ContentBasedRouter', 'org.apache.kafka.connect.transforms.RegexRouter',
      'org.apache.kafka.connect.transforms.MaskField$Value', 'org.apache.kafka.connect.transforms.ReplaceField$Value',
      'org.apache.kafka.connect.transforms.InsertField$Value', 'org.apache.kafka.connect.transforms.ValueToKey',
      'org.apache.kafka.connect.transforms.ExtractField$Key', 'org.apache.kafka.connect.transforms.Cast$Value',
      'org.apache.kafka.connect.transforms.Flatten$Value', 'org.apache.kafka.connect.transforms.HoistField$Value',
      'org.apache.kafka.connect.transforms.TimestampRouter', 'org.apache.kafka.connect.transforms.TimestampConverter$Value',
      'org.apache.kafka.connect.transforms.SetSchemaMetadata$Value', 'org.apache.kafka.connect.transforms.HeaderFrom$Value',
      'org.apache.kafka.connect.transforms.InsertHeader', 'org.apache.kafka.connect.transforms.DropHeaders',
      'org.apache.kafka.connect.transforms.Filter', 'org.apache.kafka.connect.transforms.predicates.TopicNameMatches',
      'org.apache.kafka.connect.transforms.predicates.HasHeaderKey', 'org.apache.kafka.connect.transforms.predicates.RecordIsTombstone',
      'org.apache.kafka.connect.json.JsonConverter', 'org.apache.kafka.connect.storage.StringConverter',
      'org.apache.kafka.connect.storage.SimpleHeaderConverter', 'io.debezium.converters.BinaryDataConverter',
    ];
    for (const className of classes) expect(catalogue.componentForClass(className), className).toBeDefined();
    expect(catalogue.byId('debezium:common-connector')?.usedBy).toContain(PG);
    expect(catalogue.byId('kafka:connector')?.usedBy).toContain(PG);
  });
});

describe('facts from the fact sheet', () => {
  test('PostgreSQL connector essentials', () => {
    expect(pg.properties.get('plugin.name')).toMatchObject({ default: 'decoderbufs', values: ['decoderbufs', 'pgoutput'] });
    expect(pg.properties.get('slot.name')?.default).toBe('debezium');
    expect(pg.properties.get('publication.name')?.default).toBe('dbz_publication');
    expect(pg.properties.get('publication.autocreate.mode')?.default).toBe('all_tables');
    expect(pg.properties.get('publication.autocreate.mode')?.values?.slice().sort()).toEqual(['all_tables', 'disabled', 'filtered', 'no_tables']);
    expect(pg.properties.get('database.port')?.default).toBe(5432);
    expect(pg.properties.get('topic.prefix')?.required).toBe(true);
    expect(pg.properties.get('tombstones.on.delete')).toMatchObject({ default: true, from: PG });
    expect(pg.properties.get('extended.headers.enabled')?.default).toBe(true);
    expect(pg.properties.get('snapshot.fetch.size')).toMatchObject({ type: 'int', from: PG }); // the ConfigDef declares no default (10240 applies when unset)
  });

  test('snapshot.mode has the 3.3+ values and no longer accepts never', () => {
    const snapshotMode = pg.properties.get('snapshot.mode');
    expect(snapshotMode?.default).toBe('initial');
    expect(snapshotMode?.values?.slice().sort()).toEqual(
      ['always', 'configuration_based', 'custom', 'initial', 'initial_only', 'no_data', 'when_needed'],
    );
    expect(snapshotMode?.values).not.toContain('never');
    expect(snapshotMode?.removedValues?.never).toMatchObject({ replacedBy: 'no_data', since: '3.3' });
  });

  test('EventRouter options and defaults', () => {
    expect(router.properties.get('route.topic.replacement')?.default).toBe('outbox.event.${routedByValue}');
    expect(router.properties.get('route.topic.regex')?.default).toBe('(?<routedByValue>.*)');
    expect(router.properties.get('route.by.field')?.default).toBe('aggregatetype');
    expect(router.properties.get('table.field.event.key')?.default).toBe('aggregateid');
    expect(router.properties.get('table.field.additional.missing')).toMatchObject({ default: 'error', values: ['error', 'ignore'] });
    expect(router.properties.get('table.op.invalid.behavior')).toMatchObject({ default: 'warn', values: ['warn', 'error', 'fatal'] });
    expect(router.properties.get('table.json.payload.empty.array.behavior')?.since).toBe('3.7');
  });

  test('ExtractNewRecordState keeps only the 3.x delete handling option', () => {
    const unwrap = catalogue.effectiveOptions(UNWRAP);
    expect(unwrap.properties.get('delete.tombstone.handling.mode')?.default).toBe('tombstone');
    for (const key of ['add.fields', 'add.headers', 'route.by.field', 'add.fields.prefix', 'add.headers.prefix',
      'drop.fields.header.name', 'drop.fields.from.key', 'drop.fields.keep.schema.compatible']) {
      expect(unwrap.properties.has(key), key).toBe(true);
    }
    expect(unwrap.properties.has('drop.tombstones')).toBe(false);
  });
});

describe('removed and renamed keys', () => {
  test.each([
    [PG, 'database.server.name', 'topic.prefix', '2.0'],
    [PG, 'table.whitelist', 'table.include.list', '2.0'],
    [PG, 'table.blacklist', 'table.exclude.list', '2.0'],
    [PG, 'schema.whitelist', 'schema.include.list', '2.0'],
    [PG, 'column.blacklist', 'column.exclude.list', '2.0'],
    [EVENT_ROUTER, 'table.fields.additional.error.on.missing', 'table.field.additional.missing', '3.6'],
    [EVENT_ROUTER, 'table.field.event.payload.id', 'table.field.event.key', '2.0'],
    [EVENT_ROUTER, 'debezium.op.invalid.behavior', 'table.op.invalid.behavior', '2.0'],
    [UNWRAP, 'drop.tombstones', 'delete.tombstone.handling.mode', '3.2'],
    [UNWRAP, 'delete.handling.mode', 'delete.tombstone.handling.mode', '3.2'],
    ['org.apache.kafka.connect.transforms.ReplaceField$Value', 'blacklist', 'exclude', 'Kafka 4.0'],
    ['org.apache.kafka.connect.transforms.ReplaceField$Key', 'whitelist', 'include', 'Kafka 4.0'],
  ])('%s: %s -> %s (%s)', (component, key, replacedBy, since) => {
    expect(catalogue.removed(component).get(key)).toMatchObject({ replacedBy, since });
    expect(catalogue.effectiveOptions(component).properties.has(key)).toBe(false);
    expect(catalogue.effectiveOptions(component).properties.has(replacedBy)).toBe(true);
  });

  test('removed patterns are found by findRemoved', () => {
    expect(catalogue.findRemoved(PG, 'database.history.kafka.topic')).toMatchObject({ replacedBy: 'schema.history.internal.*' });
    expect(catalogue.findRemoved(PG, 'topic.prefix')).toBeUndefined();
  });
});

describe('lookups', () => {
  test('$Key/$Value classes resolve, the abstract base class does not', () => {
    expect(catalogue.componentForClass('org.apache.kafka.connect.transforms.ReplaceField$Value')?.component).toBe(REPLACE_FIELD);
    expect(catalogue.componentForClass(REPLACE_FIELD)).toBeUndefined();
    expect(catalogue.byId(REPLACE_FIELD)?.file).toBe('kafka-replace-field.json');
    expect(catalogue.classNames('predicate')).toHaveLength(3);
  });

  test('the PostgreSQL option set includes Kafka Connect keys and drops excluded ones', () => {
    expect(pg.properties.get('transforms')?.from).toBe('kafka:connector');
    expect(pg.properties.get('exactly.once.support')?.default).toBe('requested');
    expect(pg.properties.has('include.schema.changes')).toBe(false);
  });

  test('patterns cover dynamic keys', () => {
    const config = {
      'connector.class': PG,
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      transforms: 'outbox, unwrap',
      'transforms.outbox.type': EVENT_ROUTER,
      converters: 'isbn',
    };
    const match = (key: string) => matchPattern(pg, key, config);
    expect(match('column.mask.with.8.chars')?.pattern.kind).toBe('property');
    expect(match('column.mask.hash.SHA-256.with.salt.abc')?.pattern.pattern).not.toContain('v2');
    expect(match('column.mask.hash.v2.SHA-256.with.salt.abc')?.pattern.pattern).toContain('v2');
    expect(match('column.truncate.to.20.chars')?.pattern.kind).toBe('property');
    expect(match('producer.override.linger.ms')?.pattern.kind).toBe('open');
    expect(match('value.converter.schemas.enable')).toMatchObject({
      rest: 'schemas.enable', delegateClass: 'org.apache.kafka.connect.json.JsonConverter', pattern: { kind: 'delegate' },
    });
    expect(match('transforms.outbox.route.by.field')).toMatchObject({
      alias: 'outbox', rest: 'route.by.field', delegateClass: EVENT_ROUTER, pattern: { from: 'kafka:connector' },
    });
    expect(match('transforms.outbox.type')?.pattern.type).toBe('class');
    // aliases must be declared: an SMT alias missing from "transforms" matches nothing
    expect(match('transforms.other.route.by.field')).toBeUndefined();
    expect(match('isbn.type')?.pattern.aliasesFrom).toBe('converters');
    expect(match('isbm.type')).toBeUndefined();
    expect(match('plugin.nmae')).toBeUndefined();
  });
});

describe('bad catalogue files fail naming the file and the field', () => {
  const minimal = (overrides: Record<string, unknown> = {}) =>
    JSON.stringify({
      component: 'com.example.Smt',
      kind: 'transform',
      describes: 'test',
      source: 'nowhere',
      properties: { 'some.key': { type: 'string', default: 'a' } },
      ...overrides,
    });
  const fails = (files: { name: string; text: string }[], ...expected: RegExp[]) => {
    let error: unknown;
    try {
      parseCatalogue(files);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CatalogueError);
    for (const pattern of expected) expect((error as Error).message).toMatch(pattern);
  };

  test('a valid minimal file passes', () => {
    expect(parseCatalogue([{ name: 'ok.json', text: minimal() }]).components).toHaveLength(1);
  });

  test('invalid JSON', () => {
    fails([{ name: 'broken.json', text: '{ "component": ' }], /broken\.json: not valid JSON/);
  });

  test('wrong property type and enum default', () => {
    fails(
      [{ name: 'bad-type.json', text: minimal({ properties: { 'a.b': { type: 'text' }, 'c.d': { type: 'string', default: 'x', values: ['y'] } } }) }],
      /bad-type\.json: properties\["a\.b"\]\.type:/,
      /bad-type\.json: properties\["c\.d"\]\.default: default "x" is not one of values \[y\]/,
    );
  });

  test('a misspelled field is rejected', () => {
    fails([{ name: 'typo.json', text: minimal({ propertys: {} }) }], /typo\.json: .*propertys/);
  });

  test('pattern example must match the pattern', () => {
    fails(
      [{ name: 'pattern.json', text: minimal({ patterns: [{ pattern: '^a\\.\\d+$', example: 'a.b', kind: 'property', type: 'int' }] }) }],
      /pattern\.json: patterns\[0\]\.example: "a\.b" does not match/,
    );
  });

  test('unknown include and dangling replacement', () => {
    fails(
      [{ name: 'refs.json', text: minimal({ includes: ['nope:set'], removed: { 'old.key': { replacedBy: 'new.key', since: '1.0' } } }) }],
      /refs\.json: includes\[0\]: unknown option set "nope:set"/,
    );
    fails(
      [{ name: 'dangling.json', text: minimal({ removed: { 'old.key': { replacedBy: 'new.key', since: '1.0' } } }) }],
      /dangling\.json: removed\["old\.key"\]\.replacedBy: "new\.key" is not an option/,
    );
  });

  test('duplicate component ids name both files', () => {
    fails([{ name: 'one.json', text: minimal() }, { name: 'two.json', text: minimal() }], /two\.json: component: .* already defined in one\.json/);
  });

  test('loadCatalogue reports the file it read from disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'catalogue-'));
    try {
      writeFileSync(join(dir, 'ok.json'), minimal());
      writeFileSync(join(dir, 'bad.json'), minimal({ component: 'com.example.Other', kind: 'smt' }));
      expect(() => loadCatalogue(dir)).toThrow(/bad\.json: kind:/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
