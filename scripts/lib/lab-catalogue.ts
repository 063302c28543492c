// Regenerates src/snippets/catalogue/*.json from the ConfigDefs of a running Kafka Connect
// worker (npm run lab:catalogue). For every catalogued connector, SMT, predicate and converter:
//   GET /connector-plugins/{class}/config?version=V   names, types, defaults, "required" (no default)
//   PUT /connector-plugins/{connector}/config/validate  what that endpoint does not show: which
//     keys a validator requires (an empty value), the values an enum validator accepts (a value
//     "__probe__" is refused with "must be one of …") and whether it ignores case (the first value
//     in the other case is accepted or not).
// The ConfigDef owns, in every generated file: `describes`, `configDef` (the stamp) and, per
// property, `type`, `default`, `required`, `values`, `caseInsensitive`. Everything else is kept by
// hand and carried over: notes, `since`, `deprecated`, `removedValues`, `internal`, properties the
// ConfigDef does not declare (`notInConfigDef: "why"`), enum values no validator exposes
// (`valuesByHand: "where from"`), patterns, removed keys, includes, classNames.
// Pure except for the REST reads (readWorker); planCatalogue only transforms data.
import { rest } from '../../tests/support/lab/connect-rest.ts';
import { pointAtLabDatabase, type LabEndpoints } from '../../tests/support/lab/endpoints.ts';
import { MINIMAL_BASE } from '../../tests/support/lab/lesson-configs.ts';
import { parseCatalogue, type Catalogue, type EffectiveProperty } from '../../src/snippets/catalogue.ts';

export interface ConfigKeyInfo {
  name: string;
  type: string;
  required: boolean;
  default_value: string | null;
  group: string | null;
}

export interface ProbedKey {
  /** a validator refuses an empty value */
  requiredByValidator?: boolean;
  values?: string[];
  caseInsensitive?: boolean;
}

export interface WorkerComponent {
  className: string;
  version: string;
  /** what was read, for the stamp */
  endpoint: string;
  keys: ConfigKeyInfo[];
  probed: Record<string, ProbedKey>;
}

export interface WorkerRead {
  kafka: string;
  /** by catalogue component id */
  components: Map<string, WorkerComponent>;
  /** catalogue components the worker has no plugin for (kept as they are) */
  missing: string[];
}

type Json = Record<string, unknown>;

/** Kafka Connect's own groups of a connector's ConfigDef (ConnectorConfig, SourceConnectorConfig). */
export const FRAMEWORK_GROUPS = new Set(['Common', 'Transforms', 'Predicates', 'Error Handling', 'Topic Creation', 'Exactly Once Support', 'offsets.topic']);
const FRAMEWORK_SET = 'kafka:connector';
const KEY = /^[A-Za-z0-9_.-]+$/;
const PROBE = '__probe__';
/** Keys that name other keys or the plugin itself: a probe value there would only break the probe. */
const NOT_PROBED = new Set(['name', 'connector.class', 'transforms', 'predicates', 'topic.creation.groups', 'converters', 'post.processors', 'converter.type', 'database.hostname', 'database.user', 'database.password', 'database.dbname', 'database.port']);

// ---------------------------------------------------------------------------------------------
// Reading the worker

type Endpoints = Pick<LabEndpoints, 'connectUrl' | 'connectorDatabase' | 'versions'>;

async function getJson<T>(url: string): Promise<T> {
  const answer = await rest('GET', url);
  if (answer.status !== 200) throw new Error(`GET ${url} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  return answer.json as T;
}

async function validate(lab: Endpoints, connectorClass: string, config: Record<string, string>): Promise<Map<string, { errors: string[]; recommended: string[] }>> {
  const url = `${lab.connectUrl}/connector-plugins/${encodeURIComponent(connectorClass)}/config/validate`;
  const answer = await rest('PUT', url, config);
  if (answer.status !== 200) throw new Error(`PUT ${url} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
  const body = answer.json as { configs: { definition: { name: string }; value: { errors: string[]; recommended_values: string[] } }[] };
  return new Map(body.configs.map((c) => [c.definition.name, { errors: c.value.errors, recommended: c.value.recommended_values }]));
}

const ONE_OF = /must be one of(?: \(case insensitive\))?:? (.+)$/s;

/** Required keys, enum values and case sensitivity of `keys`, shown under `prefix` in a validate of `base`. */
async function probe(lab: Endpoints, connectorClass: string, base: Record<string, string>, prefix: string, keys: readonly ConfigKeyInfo[]): Promise<Record<string, ProbedKey>> {
  const result: Record<string, ProbedKey> = {};
  const entry = (name: string) => (result[name] ??= {});
  const empty = await validate(lab, connectorClass, base);
  for (const key of keys) {
    const errors = empty.get(prefix + key.name)?.errors ?? [];
    if (errors.some((error) => /A value is required|Missing required configuration/i.test(error))) entry(key.name).requiredByValidator = true;
  }
  const probed = keys.filter((key) => (key.type === 'STRING' || key.type === 'LIST') && !NOT_PROBED.has(key.name) && !key.name.endsWith('plugin.version') && KEY.test(key.name));
  const bad = await validate(lab, connectorClass, { ...base, ...Object.fromEntries(probed.map((key) => [prefix + key.name, PROBE])) });
  const enums: ConfigKeyInfo[] = [];
  for (const key of probed) {
    for (const error of bad.get(prefix + key.name)?.errors ?? []) {
      const match = ONE_OF.exec(error);
      if (!match) continue;
      entry(key.name).values = [...new Set(match[1]!.split(',').map((value) => value.trim()).filter(Boolean))].sort();
      if (/\(case insensitive\)/.test(error)) entry(key.name).caseInsensitive = true;
      else enums.push(key);
    }
  }
  if (enums.length > 0) {
    const flip = (value: string) => (value === value.toUpperCase() ? value.toLowerCase() : value.toUpperCase());
    const flipped = await validate(lab, connectorClass, { ...base, ...Object.fromEntries(enums.map((key) => [prefix + key.name, flip(result[key.name]!.values![0]!)])) });
    for (const key of enums) {
      const value = result[key.name]!.values![0]!;
      // A value without letters reads the same in both cases: nothing to learn.
      if (flip(value) === value) continue;
      // Only the enum validator's answer counts (another check may refuse the value for its own reasons).
      entry(key.name).caseInsensitive = !(flipped.get(prefix + key.name)?.errors ?? []).some((error) => ONE_OF.test(error));
    }
  }
  return result;
}

interface PluginInfo {
  class: string;
  type: string;
  version: string;
}

/**
 * Reads the ConfigDef of every catalogued component from the worker. Debezium plugins are read
 * at the lab's Debezium version when the worker has it (3.7.0.Final), else at the only version
 * installed (the scripting SMTs: 3.5.0.Final); Kafka's at the worker's version.
 */
export async function readWorker(lab: Endpoints, catalogue: Catalogue, log: (line: string) => void = () => {}): Promise<WorkerRead> {
  const kafka = (await getJson<{ version: string }>(`${lab.connectUrl}/`)).version;
  const plugins = await getJson<PluginInfo[]>(`${lab.connectUrl}/connector-plugins?connectorsOnly=false`);
  const versionsOf = (className: string) => [...new Set(plugins.filter((p) => p.class === className).map((p) => p.version))].sort();
  const pickVersion = (className: string): string | undefined => {
    const versions = versionsOf(className);
    if (versions.length <= 1) return versions[0];
    if (versions.includes(lab.versions.debezium)) return lab.versions.debezium;
    if (versions.includes(kafka)) return kafka;
    throw new Error(`${className}: the worker has versions ${versions.join(', ')} and none is Debezium ${lab.versions.debezium} or Kafka ${kafka}`);
  };
  const components = new Map<string, WorkerComponent>();
  const missing: string[] = [];
  const connectorBase = (connectorClass: string): Record<string, string> => ({
    ...pointAtLabDatabase({ ...MINIMAL_BASE, 'connector.class': connectorClass }, lab),
    name: 'catalogue-probe',
  });

  for (const component of catalogue.components) {
    if (component.kind === 'connector-common') continue;
    const classes = component.usableClassNames;
    const versions = classes.map(pickVersion);
    if (versions.some((version) => version === undefined)) {
      missing.push(component.component);
      log(`[catalogue] ${component.component}: the worker has no plugin ${classes.filter((_, i) => versions[i] === undefined).join(', ')}; kept as it is`);
      continue;
    }
    const reads = [];
    for (const [index, className] of classes.entries()) {
      const version = versions[index]!;
      const keys = await getJson<ConfigKeyInfo[]>(`${lab.connectUrl}/connector-plugins/${encodeURIComponent(className)}/config?version=${encodeURIComponent(version)}`);
      reads.push({ className, version, keys });
    }
    const first = reads[0]!;
    for (const other of reads.slice(1)) {
      if (JSON.stringify(sortKeys(other.keys)) !== JSON.stringify(sortKeys(first.keys))) {
        throw new Error(`${component.component}: ${other.className} and ${first.className} declare different options; the catalogue keeps one set per component`);
      }
    }
    const kind = plugins.find((p) => p.class === first.className && p.version === first.version)?.type;
    let probed: Record<string, ProbedKey>;
    const anyConnector = 'io.debezium.connector.postgresql.PostgresConnector';
    if (component.kind === 'connector') {
      probed = await probe(lab, first.className, { 'connector.class': first.className, name: 'catalogue-probe' }, '', first.keys);
      // Enum and case probes need a config that otherwise validates.
      const more = await probe(lab, first.className, connectorBase(first.className), '', first.keys);
      for (const [name, found] of Object.entries(more)) probed[name] = { ...probed[name], ...found, requiredByValidator: probed[name]?.requiredByValidator ?? found.requiredByValidator };
      for (const name of Object.keys(probed)) if (probed[name]!.requiredByValidator === undefined) delete probed[name]!.requiredByValidator;
    } else if (component.kind === 'transform' || component.kind === 'predicate') {
      const list = component.kind === 'transform' ? 'transforms' : 'predicates';
      const alias = `${list}.probe.`;
      const base = { ...connectorBase(anyConnector), [list]: 'probe', [`${alias}type`]: first.className, [`${alias}plugin.version`]: first.version };
      probed = await probe(lab, anyConnector, base, alias, first.keys);
    } else {
      const slot = kind === 'converter' ? 'value.converter' : 'header.converter';
      const base = { ...connectorBase(anyConnector), [slot]: first.className, [`${slot}.plugin.version`]: first.version };
      probed = await probe(lab, anyConnector, base, `${slot}.`, first.keys);
    }
    const query = `?version=${first.version}`;
    components.set(component.component, {
      className: first.className,
      version: first.version,
      endpoint: `GET /connector-plugins/${classes.length > 1 ? `{${classes.join(',')}}` : first.className}/config${query}`,
      keys: first.keys,
      probed,
    });
    log(`[catalogue] ${component.component} ${first.version}: ${first.keys.length} option(s)`);
  }
  return { kafka, components, missing };
}

function sortKeys(keys: readonly ConfigKeyInfo[]) {
  return [...keys].map(({ name, type, required, default_value }) => ({ name, type, required, default_value })).sort((a, b) => a.name.localeCompare(b.name));
}

// ---------------------------------------------------------------------------------------------
// Writing the catalogue (pure)

export interface CatalogueText {
  name: string;
  text: string;
}

export interface PlannedCatalogue {
  files: CatalogueText[];
  /** what a human should know: dropped hand entries, keys the ConfigDef names as patterns… */
  notes: string[];
}

const FILE_ORDER = ['component', 'kind', 'describes', 'configDef', 'source', 'classNames', 'includes', 'excludes', 'usedBy', 'deprecated', 'note', 'properties', 'patterns', 'removed', 'removedPatterns'];
const PROPERTY_ORDER = ['type', 'default', 'required', 'values', 'caseInsensitive', 'valuesByHand', 'since', 'deprecated', 'removedValues', 'internal', 'note', 'notInConfigDef'];
/** Per-property fields kept by hand (carried over from the current file). */
const HAND_FIELDS = ['since', 'deprecated', 'removedValues', 'internal', 'note'];

function ordered(object: Json, order: readonly string[]): Json {
  const out: Json = {};
  for (const key of order) if (object[key] !== undefined) out[key] = object[key];
  for (const key of Object.keys(object)) if (!(key in out)) throw new Error(`unexpected field "${key}"`);
  return out;
}

function defaultOf(key: ConfigKeyInfo): unknown {
  const raw = key.default_value;
  if (raw === null || raw === undefined) return undefined;
  switch (key.type) {
    case 'INT':
    case 'SHORT':
    case 'LONG':
    case 'DOUBLE': {
      const number = Number(raw);
      return Number.isFinite(number) ? number : raw;
    }
    case 'BOOLEAN':
      return raw === 'true' ? true : raw === 'false' ? false : raw;
    case 'PASSWORD':
      return undefined; // shown as [hidden]
    default:
      return raw;
  }
}

function describe(component: WorkerComponent, lab: Pick<LabEndpoints, 'versions'>, kafka: string): string {
  if (component.className.startsWith('org.apache.kafka.')) return `Apache Kafka ${kafka} (Kafka Connect)`;
  if (component.version === lab.versions.debeziumScripting && component.version !== lab.versions.debezium) {
    return `debezium-scripting ${component.version} (the newest on Maven Central; the lab runs it beside Debezium ${lab.versions.debezium})`;
  }
  return `Debezium ${component.version}`;
}

/**
 * The new catalogue files: every generated component's properties from the worker, hand-kept
 * fields carried over from `current`. `date` is the stamp's date for files whose content changes;
 * a file whose content stays the same keeps its date, so regenerating twice changes nothing.
 */
export function planCatalogue(current: readonly CatalogueText[], read: WorkerRead, lab: Pick<LabEndpoints, 'versions'>, date: string): PlannedCatalogue {
  const notes: string[] = [];
  const files = current.map(({ name, text }) => ({ name, text, json: JSON.parse(text) as Json }));
  const byId = new Map(files.map((file) => [file.json.component as string, file]));
  const props = (file: { json: Json }) => (file.json.properties ?? {}) as Record<string, Json>;

  // Which generated file owns each key of a connector: the connector's own file, or the
  // framework set for Kafka Connect's groups.
  const owned = new Map<string, Map<string, { key: ConfigKeyInfo; probed: ProbedKey; component: WorkerComponent }>>();
  const own = (id: string) => {
    let map = owned.get(id);
    if (!map) owned.set(id, (map = new Map()));
    return map;
  };
  for (const [id, component] of read.components) {
    const file = byId.get(id)!;
    const framework = file.json.kind === 'connector' && ((file.json.includes as string[] | undefined) ?? []).includes(FRAMEWORK_SET);
    own(id); // a component without options (Filter, RecordIsTombstone) is generated too: it gets its stamp
    for (const key of component.keys) {
      if (!KEY.test(key.name)) {
        notes.push(`${file.name}: the ConfigDef declares "${key.name}", a name pattern, not a key; the catalogue's patterns cover it`);
        continue;
      }
      const target = framework && key.group !== null && FRAMEWORK_GROUPS.has(key.group) ? FRAMEWORK_SET : id;
      own(target).set(key.name, { key, probed: component.probed[key.name] ?? {}, component });
    }
  }

  // Hand annotations of a key: the owning file first, then the sets the connector includes
  // (where the hand-written catalogue kept shared options).
  const handEntry = (ownerId: string, key: string): Json | undefined => {
    const owner = byId.get(ownerId)!;
    if (props(owner)[key]) return props(owner)[key];
    const users = read.components.has(ownerId) ? [ownerId] : (((owner.json.usedBy as string[] | undefined) ?? []).filter((id) => read.components.has(id)));
    for (const userId of users) {
      for (const setId of (byId.get(userId)!.json.includes as string[] | undefined) ?? []) {
        const entry = byId.get(setId) && props(byId.get(setId)!)[key];
        if (entry) return entry;
      }
    }
    return undefined;
  };

  const generatedIds = new Set(owned.keys());
  const next = new Map<string, Json>();
  for (const file of files) {
    const id = file.json.component as string;
    const json: Json = structuredClone(file.json);
    const keys = owned.get(id);
    const component = read.components.get(id) ?? (id === FRAMEWORK_SET ? [...read.components.values()].find((c) => keys && [...keys.values()].some((k) => k.component === c)) : undefined);
    if (keys && component) {
      const properties: Record<string, Json> = {};
      for (const [name, { key, probed }] of [...keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const hand = handEntry(id, name) ?? {};
        const entry: Json = { type: key.type.toLowerCase() };
        const value = defaultOf(key);
        if (value !== undefined) entry.default = value;
        if (key.required || probed.requiredByValidator) entry.required = true;
        if (probed.values) {
          entry.values = probed.values;
          if (probed.caseInsensitive) entry.caseInsensitive = true;
          if (hand.valuesByHand) notes.push(`${file.name}: ${name}: the worker now exposes its values; valuesByHand dropped`);
        } else if (hand.values && key.type !== 'BOOLEAN') {
          entry.values = hand.values;
          if (hand.caseInsensitive !== undefined) entry.caseInsensitive = hand.caseInsensitive;
          entry.valuesByHand = hand.valuesByHand ?? 'no validator or recommender of the ConfigDef shows them; kept from the hand-written catalogue';
        }
        for (const field of HAND_FIELDS) if (hand[field] !== undefined) entry[field] = structuredClone(hand[field]);
        const removedValues = entry.removedValues as Record<string, unknown> | undefined;
        if (removedValues) {
          const same = (a: string, b: string) => (entry.caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b);
          for (const removed of Object.keys(removedValues)) {
            if ((entry.values as string[] | undefined)?.some((v) => same(v, removed))) {
              notes.push(`${file.name}: ${name}: "${removed}" is a current value again; dropped from removedValues`);
              delete removedValues[removed];
            }
          }
          if (!entry.values || Object.keys(removedValues).length === 0) delete entry.removedValues;
        }
        properties[name] = ordered(entry, PROPERTY_ORDER);
      }
      for (const [name, entry] of Object.entries(props(file)).sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (name in properties) continue;
        if (entry.notInConfigDef) properties[name] = entry;
        else notes.push(`${file.name}: dropped "${name}": the ConfigDef does not declare it (mark it notInConfigDef: "why" to keep it)`);
      }
      json.properties = Object.fromEntries(Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : 1)));
      if (id !== FRAMEWORK_SET) json.describes = describe(component, lab, read.kafka);
      else json.describes = `Apache Kafka ${read.kafka} (Kafka Connect)`;
      const endpoint = id === FRAMEWORK_SET ? `GET /connector-plugins/${component.className}/config?version=${component.version} (groups ${[...FRAMEWORK_GROUPS].join(', ')})` : component.endpoint;
      json.configDef = { worker: `Kafka Connect ${read.kafka}`, plugin: id === FRAMEWORK_SET ? `Kafka Connect ${read.kafka}` : `${component.className.replace(/\$(Key|Value)$/, '')} ${component.version}`, read: endpoint, date: (file.json.configDef as Json | undefined)?.date ?? date };
      const removed = json.removed as Record<string, unknown> | undefined;
      for (const key of Object.keys(removed ?? {})) {
        if (key in properties) {
          notes.push(`${file.name}: removed["${key}"] is a current option of the ConfigDef; dropped from removed`);
          delete removed![key];
        }
      }
    } else if (file.json.kind === 'connector-common') {
      // A hand-kept shared set: its users' ConfigDefs own their keys now.
      const users = ((file.json.usedBy as string[] | undefined) ?? []).filter((userId) => generatedIds.has(userId));
      if (users.length > 0) {
        const properties: Record<string, Json> = {};
        for (const [name, entry] of Object.entries(props(file))) {
          const ownedBy = users.find((userId) => owned.get(userId)?.has(name) || owned.get(FRAMEWORK_SET)?.has(name));
          if (ownedBy) continue;
          if (entry.notInConfigDef) properties[name] = entry;
          else notes.push(`${file.name}: dropped "${name}": no ConfigDef of ${users.join(', ')} declares it (mark it notInConfigDef: "why" to keep it)`);
        }
        json.properties = properties;
      }
    }
    next.set(id, json);
  }

  // Excludes that no longer name an inherited option.
  for (const [id, json] of next) {
    const excludes = json.excludes as string[] | undefined;
    if (!excludes) continue;
    const inherited = (name: string) => ((json.includes as string[] | undefined) ?? []).some((setId) => name in ((next.get(setId)?.properties as Json | undefined) ?? {}));
    const kept = excludes.filter((name) => {
      if (inherited(name)) return true;
      notes.push(`${byId.get(id)!.name}: excludes "${name}" dropped: no included set defines it any more`);
      return false;
    });
    if (kept.length) json.excludes = kept;
    else delete json.excludes;
  }

  const out: CatalogueText[] = [];
  for (const file of files) {
    const json = next.get(file.json.component as string)!;
    let text = `${JSON.stringify(ordered(json, FILE_ORDER), null, 2)}\n`;
    const stamp = json.configDef as Json | undefined;
    if (stamp && text !== file.text && stamp.date !== date) {
      stamp.date = date;
      text = `${JSON.stringify(ordered(json, FILE_ORDER), null, 2)}\n`;
    }
    out.push({ name: file.name, text });
  }
  return { files: out, notes };
}

// ---------------------------------------------------------------------------------------------
// What changed, option by option (old effective sets against new ones)

export interface OptionChange {
  component: string;
  key: string;
  change: 'added' | 'dropped' | 'type' | 'default' | 'required' | 'values' | 'caseInsensitive';
  before?: unknown;
  after?: unknown;
}

export function diffCatalogues(before: readonly CatalogueText[], after: readonly CatalogueText[]): OptionChange[] {
  const old = parseCatalogue(before);
  const now = parseCatalogue(after);
  const changes: OptionChange[] = [];
  for (const component of now.components) {
    if (component.kind === 'connector-common') continue;
    const a = old.effectiveOptions(component.component).properties;
    const b = now.effectiveOptions(component.component).properties;
    for (const [key, property] of b) {
      const previous = a.get(key);
      if (!previous) {
        changes.push({ component: component.component, key, change: 'added', after: summary(property) });
        continue;
      }
      const compare = (change: OptionChange['change'], x: unknown, y: unknown) => {
        if (JSON.stringify(x) !== JSON.stringify(y)) changes.push({ component: component.component, key, change, before: x, after: y });
      };
      compare('type', previous.type, property.type);
      compare('default', previous.default, property.default);
      compare('required', previous.required ?? false, property.required ?? false);
      compare('values', previous.values ? [...previous.values].sort() : undefined, property.values ? [...property.values].sort() : undefined);
      if (previous.values && property.values) compare('caseInsensitive', previous.caseInsensitive ?? false, property.caseInsensitive ?? false);
    }
    for (const [key, property] of a) if (!b.has(key)) changes.push({ component: component.component, key, change: 'dropped', before: summary(property) });
  }
  return changes;
}

function summary(property: EffectiveProperty): string {
  return `${property.type}${property.default !== undefined ? ` = ${JSON.stringify(property.default)}` : ''}${property.values ? ` [${property.values.join(', ')}]` : ''}`;
}
