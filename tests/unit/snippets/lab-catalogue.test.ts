// npm run lab:catalogue without a worker: what planCatalogue writes from a ConfigDef read, what
// it keeps by hand, and that a second run changes nothing.
import { describe, expect, test } from 'vitest';
import { parseCatalogue } from '../../../src/snippets/catalogue.ts';
import { diffCatalogues, planCatalogue, type CatalogueText, type WorkerRead } from '../../../scripts/lib/lab-catalogue.ts';

const versions = { kafka: '4.3.1', debezium: '3.7.0.Final', debeziumScripting: '3.5.0.Final', groovy: '4.0.24' };
const SMT = 'io.debezium.transforms.Example';

const file = (json: Record<string, unknown>): CatalogueText => ({ name: 'debezium-example.json', text: `${JSON.stringify(json, null, 2)}\n` });
const current = file({
  component: SMT,
  kind: 'transform',
  describes: 'Debezium 3.6',
  source: 'hand',
  properties: {
    'mode': { type: 'string', default: 'a', values: ['a', 'b'], note: 'hand note' },
    'behavior': { type: 'string', default: 'warn', values: ['warn', 'fail'] },
    'secret.option': { type: 'boolean', default: false, notInConfigDef: 'configure() reads it' },
    'wrong.name': { type: 'int' },
  },
  removed: { 'old.mode': { replacedBy: 'mode', since: '2.0' } },
});

const read: WorkerRead = {
  kafka: '4.3.1',
  missing: [],
  components: new Map([
    [
      SMT,
      {
        className: SMT,
        version: '3.7.0.Final',
        endpoint: `GET /connector-plugins/${SMT}/config?version=3.7.0.Final`,
        keys: [
          { name: 'mode', type: 'STRING', required: false, default_value: 'a', group: null },
          { name: 'behavior', type: 'STRING', required: false, default_value: 'warn', group: null },
          { name: 'size', type: 'INT', required: false, default_value: '16', group: null },
          { name: 'topic', type: 'STRING', required: true, default_value: null, group: null },
          { name: 'column.(d+).x', type: 'STRING', required: false, default_value: null, group: null },
        ],
        probed: { mode: { values: ['a', 'b', 'c'], caseInsensitive: true } },
      },
    ],
  ]),
};

describe('planCatalogue', () => {
  const plan = planCatalogue([current], read, { versions }, '2026-11-29');
  const json = JSON.parse(plan.files[0]!.text);

  test('types, defaults, required and exposed values come from the ConfigDef', () => {
    expect(json.properties.size).toEqual({ type: 'int', default: 16 });
    expect(json.properties.topic).toEqual({ type: 'string', required: true });
    expect(json.properties.mode).toEqual({ type: 'string', default: 'a', values: ['a', 'b', 'c'], caseInsensitive: true, note: 'hand note' });
    expect(json.describes).toBe('Debezium 3.7.0.Final');
    expect(json.configDef).toEqual({ worker: 'Kafka Connect 4.3.1', plugin: `${SMT} 3.7.0.Final`, read: `GET /connector-plugins/${SMT}/config?version=3.7.0.Final`, date: '2026-11-29' });
  });

  test('hand knowledge stays: values no validator shows, options outside the ConfigDef, removed keys', () => {
    expect(json.properties.behavior.values).toEqual(['warn', 'fail']);
    expect(json.properties.behavior.valuesByHand).toMatch(/kept from the hand-written catalogue/);
    expect(json.properties['secret.option']).toEqual({ type: 'boolean', default: false, notInConfigDef: 'configure() reads it' });
    expect(json.removed).toEqual({ 'old.mode': { replacedBy: 'mode', since: '2.0' } });
  });

  test('an unmarked option the ConfigDef lacks is dropped and said so; name patterns are not keys', () => {
    expect(json.properties['wrong.name']).toBeUndefined();
    expect(plan.notes.join('\n')).toMatch(/dropped "wrong\.name"/);
    expect(plan.notes.join('\n')).toMatch(/"column\.\(d\+\)\.x", a name pattern/);
  });

  test('the result loads, and the diff names what changed', () => {
    expect(() => parseCatalogue(plan.files)).not.toThrow();
    const changes = diffCatalogues([current], plan.files);
    expect(changes).toContainEqual(expect.objectContaining({ key: 'size', change: 'added' }));
    expect(changes).toContainEqual(expect.objectContaining({ key: 'wrong.name', change: 'dropped' }));
    expect(changes).toContainEqual(expect.objectContaining({ key: 'mode', change: 'values', before: ['a', 'b'], after: ['a', 'b', 'c'] }));
  });

  test('regenerating changes nothing, not even the date', () => {
    const again = planCatalogue(plan.files, read, { versions }, '2027-01-01');
    expect(again.files[0]!.text).toBe(plan.files[0]!.text);
  });
});
