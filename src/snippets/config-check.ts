// Checks a Kafka Connect connector configuration against the option catalogue: every key
// must exist for its component (the connector, or the SMT / predicate / converter an alias
// names), removed and renamed keys and values fail with their replacement, enum values
// must be allowed. Unknown keys get the nearest known key as a suggestion.
import { nearest } from '../course/nearest.ts';
import { listValue, matchPattern, type Catalogue, type EffectiveOptions, type EffectiveProperty } from './catalogue.ts';

export type ConnectorConfig = Record<string, unknown>;

export interface ConfigProblem {
  key: string;
  message: string;
  fix: string;
}

export interface CheckContext {
  /** Connector class assumed for fragments that do not name one. */
  defaultConnector: string;
  /** `transforms.<alias>.type` / `predicates.<alias>.type` declared elsewhere in the same lesson. */
  knownAliases?: ReadonlyMap<string, string>;
}

export const POSTGRES_CONNECTOR = 'io.debezium.connector.postgresql.PostgresConnector';

/**
 * The first segments of the dotted options of the PostgreSQL connector and the options every
 * connector shares (`database`, `slot`, `publication`, `topic`, `snapshot`, `key`, `errors`…):
 * a dotted key that starts with one of them reads as a connector option.
 */
export function optionPrefixes(catalogue: Catalogue, connector: string = POSTGRES_CONNECTOR): ReadonlySet<string> {
  const options = catalogue.effectiveOptions(connector);
  const keys = [...options.properties.keys(), ...options.patterns.map((pattern) => pattern.example)];
  return new Set(keys.filter((key) => key.includes('.')).map((key) => key.split('.')[0]!));
}

/** A key that is recognisably a connector or SMT option, not a field of an event. */
export function isOptionKey(key: string, prefixes: ReadonlySet<string>): boolean {
  if (key === 'connector.class' || key === 'transforms' || key === 'predicates') return true;
  if (key.startsWith('transforms.') || key.startsWith('predicates.')) return true;
  const dot = key.indexOf('.');
  return dot > 0 && prefixes.has(key.slice(0, dot));
}

export interface ConfigRecognition {
  /** first segments of known dotted options (optionPrefixes); without them only the sure
   * signs count: connector.class, transforms*, predicates* */
  prefixes?: ReadonlySet<string>;
  /** the block says it is a config (```json config): checked whatever its keys */
  marked?: boolean;
}

/**
 * A full config (`connector.class`), a `{ name, config }` request body, or a fragment of one.
 * A fragment is a JSON object with at least one key that is recognisably an option (isOptionKey),
 * or any object in a block marked `config`. An event or message (`id`, `__op`,
 * `__source.ts_ms`, `payload`…) is never a config.
 */
export function connectorConfigOf(value: unknown, { prefixes = new Set(), marked = false }: ConfigRecognition = {}): { config: ConnectorConfig; fragment: boolean } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const record = value as Record<string, unknown>;
  const inner = record.config;
  if (typeof inner === 'object' && inner !== null && !Array.isArray(inner) && 'connector.class' in inner) {
    return { config: inner as ConnectorConfig, fragment: false };
  }
  if ('connector.class' in record) return { config: record, fragment: false };
  const keys = Object.keys(record);
  const looksLikeConfig = keys.length > 0 && (marked || keys.some((key) => isOptionKey(key, prefixes)));
  return looksLikeConfig ? { config: record, fragment: true } : undefined;
}

/** `transforms.outbox.type` → ('transforms.outbox', class) for every alias a config declares. */
export function declaredAliases(config: ConnectorConfig): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const [key, value] of Object.entries(config)) {
    const match = /^(transforms|predicates)\.([^.]+)\.type$/.exec(key);
    if (match && typeof value === 'string') aliases.set(`${match[1]}.${match[2]}`, value);
  }
  return aliases;
}

export function checkConnectorConfig(
  catalogue: Catalogue,
  input: ConnectorConfig,
  { fragment, context }: { fragment: boolean; context: CheckContext },
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const config = fragment ? completeFragment(input, context) : input;
  const connectorClass = typeof config['connector.class'] === 'string' ? config['connector.class'] : context.defaultConnector;
  const connector = catalogue.componentForClass(connectorClass);
  if (!connector) {
    const suggestion = nearest(connectorClass, catalogue.classNames('connector'));
    return [{ key: 'connector.class', message: `unknown connector class "${connectorClass}"`, fix: suggestion ? `did you mean "${suggestion}"?` : 'use a connector class from the catalogue' }];
  }
  const options = catalogue.effectiveOptions(connectorClass);

  for (const key of Object.keys(input)) {
    checkKey(catalogue, options, key, key, config, input[key], problems);
  }
  if (!fragment) checkAliasesDeclared(config, problems);
  return problems;
}

/** Fragments name aliases without their `type`; take it from the lesson, list aliases as declared. */
function completeFragment(input: ConnectorConfig, context: CheckContext): ConnectorConfig {
  const config: ConnectorConfig = { ...input };
  for (const list of ['transforms', 'predicates'] as const) {
    const aliases = new Set(listValue(config[list]));
    for (const key of Object.keys(input)) {
      const match = new RegExp(`^${list}\\.([^.]+)\\.`).exec(key);
      if (match) aliases.add(match[1]!);
    }
    if (aliases.size === 0) continue;
    config[list] = [...aliases].join(',');
    for (const alias of aliases) {
      const typeKey = `${list}.${alias}.type`;
      const known = context.knownAliases?.get(`${list}.${alias}`);
      if (config[typeKey] === undefined && known) config[typeKey] = known;
    }
  }
  return config;
}

function checkKey(
  catalogue: Catalogue,
  options: EffectiveOptions,
  shownKey: string,
  key: string,
  config: ConnectorConfig,
  value: unknown,
  problems: ConfigProblem[],
): void {
  const property = options.properties.get(key);
  if (property) {
    checkValue(catalogue, property, shownKey, value, problems);
    return;
  }
  const removed = catalogue.findRemoved(options.component, key);
  if (removed) {
    problems.push({
      key: shownKey,
      message: `was removed in ${removed.since}${removed.note ? ` (${removed.note})` : ''}`,
      fix: removed.replacedBy ? `use "${shownKey.slice(0, shownKey.length - key.length)}${removed.replacedBy}"` : 'remove it: it has no successor',
    });
    return;
  }
  const match = matchPattern(options, key, config);
  if (match) {
    const { pattern } = match;
    if (pattern.kind !== 'delegate') {
      if (pattern.type === 'class' && typeof value === 'string') checkClass(catalogue, shownKey, value, classKind(key), problems);
      return;
    }
    const className = match.delegateClass;
    if (!className) {
      const source = pattern.delegate!.classFrom.replace('${alias}', match.alias ?? '');
      problems.push({
        key: shownKey,
        message: `has no effect: "${source}" is not set in this config`,
        fix: `set "${source}" in the same config (or show the whole config)`,
      });
      return;
    }
    const delegate = catalogue.componentForClass(className);
    if (!delegate) return; // the class itself is reported on its own key
    checkKey(catalogue, catalogue.effectiveOptions(className), shownKey, match.rest!, config, value, problems);
    return;
  }
  const known = [...options.properties.keys(), ...options.patterns.filter((p) => !p.aliasesFrom).map((p) => p.example)];
  const suggestion = nearest(key, known);
  const prefix = shownKey.slice(0, shownKey.length - key.length);
  problems.push({
    key: shownKey,
    message: `is not an option of ${options.component}`,
    fix: suggestion ? `did you mean "${prefix}${suggestion}"?` : `see src/snippets/catalogue/ for the options of ${options.component}`,
  });
}

function classKind(key: string): 'transform' | 'predicate' | 'converter' | undefined {
  if (key.startsWith('transforms.')) return 'transform';
  if (key.startsWith('predicates.')) return 'predicate';
  if (key.endsWith('converter')) return 'converter';
  return undefined;
}

function checkClass(catalogue: Catalogue, key: string, className: string, kind: ReturnType<typeof classKind>, problems: ConfigProblem[]): void {
  if (catalogue.componentForClass(className)) return;
  const suggestion = nearest(className, catalogue.classNames(kind));
  problems.push({
    key,
    message: `unknown ${kind ?? 'class'} "${className}"`,
    fix: suggestion ? `did you mean "${suggestion}"?` : 'use a class from src/snippets/catalogue/ (or add it there with its source)',
  });
}

function checkValue(catalogue: Catalogue, property: EffectiveProperty, key: string, value: unknown, problems: ConfigProblem[]): void {
  if (property.type === 'class' && typeof value === 'string') {
    checkClass(catalogue, key, value, classKind(key), problems);
    return;
  }
  if (!property.values || typeof value !== 'string') return;
  const same = (a: string, b: string) => (property.caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b);
  // List-typed enums (e.g. skipped.operations=c,u) allow several values.
  const given = property.type === 'list' ? listValue(value) : [value];
  for (const item of given) {
    if (property.values.some((allowed) => same(allowed, item))) continue;
    const removed = Object.entries(property.removedValues ?? {}).find(([name]) => same(name, item));
    if (removed) {
      const [, spec] = removed;
      problems.push({ key, message: `value "${item}" was removed in ${spec.since}`, fix: spec.replacedBy ? `use "${spec.replacedBy}"` : `use one of ${property.values.join(', ')}` });
    } else {
      const suggestion = nearest(item, property.values);
      problems.push({ key, message: `value "${item}" is not one of ${property.values.join(', ')}`, fix: suggestion ? `did you mean "${suggestion}"?` : `use one of ${property.values.join(', ')}` });
    }
  }
}

function checkAliasesDeclared(config: ConnectorConfig, problems: ConfigProblem[]): void {
  for (const list of ['transforms', 'predicates'] as const) {
    for (const alias of listValue(config[list])) {
      if (config[`${list}.${alias}.type`] === undefined) {
        problems.push({ key: list, message: `alias "${alias}" has no ${list}.${alias}.type`, fix: `add "${list}.${alias}.type" with its class` });
      }
    }
  }
  for (const [key, value] of Object.entries(config)) {
    const match = /^transforms\.([^.]+)\.predicate$/.exec(key);
    if (match && typeof value === 'string' && !listValue(config.predicates).includes(value)) {
      problems.push({ key, message: `predicate "${value}" is not listed in "predicates"`, fix: `add "${value}" to "predicates" and declare predicates.${value}.type` });
    }
  }
}
