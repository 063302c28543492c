// Catalogue of connector / SMT / predicate / converter configuration options (Debezium 3.7,
// Kafka Connect 4.x). The data lives in ./catalogue/*.json, one file per component; this module
// only loads and validates it and answers lookups. `npm run lab:catalogue` rewrites the parts a
// worker's ConfigDef knows (scripts/lib/lab-catalogue.ts: `describes`, `configDef`, and each
// property's type, default, required, values, caseInsensitive); the rest is kept by hand. The snippet checker builds on it:
// unknown keys, removed or renamed keys, removed enum values.
//
// Effective option set of a component = its own `properties` / `patterns` / `removed`, then those
// of every set in `includes` (depth first, in order), minus `excludes`. Own entries win.
// Patterns are tried in that order and the first match wins. A pattern with `aliasesFrom` only
// applies when its `alias` group is one of the comma-separated values of that key in the same
// config; a `delegate` pattern hands its `rest` group to the component named by the config value
// of `delegate.classFrom` (with `${alias}` substituted); an `open` pattern accepts anything.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod/v4';

export const CATALOGUE_DIR = fileURLToPath(new URL('./catalogue/', import.meta.url));

export const COMPONENT_KINDS = ['connector', 'connector-common', 'transform', 'predicate', 'converter'] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

/** Kafka ConfigDef types, lower case. */
export const PROPERTY_TYPES = ['string', 'int', 'short', 'long', 'double', 'boolean', 'list', 'class', 'password'] as const;

const KEY = /^[A-Za-z0-9_.-]+$/;
const text = z.string().trim().min(1);
const key = z.string().regex(KEY, 'must be a config key (letters, digits, ".", "_", "-")');

const anchoredRegex = text.superRefine((source, ctx) => {
  try {
    new RegExp(source, 'u');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(error as Error).message}` });
    return;
  }
  if (!source.startsWith('^') || !source.endsWith('$')) {
    ctx.addIssue({ code: 'custom', message: 'must be anchored: start with ^ and end with $' });
  }
});

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const removedSchema = z.strictObject({
  /** The key (or value) that took over, or null when the option is gone without a successor. */
  replacedBy: text.nullable(),
  since: text,
  note: text.optional(),
});

const deprecatedSchema = z.strictObject({
  replacedBy: text.optional(),
  since: text.optional(),
  note: text.optional(),
});

const propertySchema = z
  .strictObject({
    type: z.enum(PROPERTY_TYPES),
    /** Absent: no default. */
    default: scalar.optional(),
    required: z.boolean().optional(),
    values: z.array(text).min(1).optional(),
    caseInsensitive: z.boolean().optional(),
    removedValues: z.record(text, removedSchema).optional(),
    since: text.optional(),
    deprecated: deprecatedSchema.optional(),
    internal: z.boolean().optional(),
    note: text.optional(),
    /** Enum values no validator or recommender of the ConfigDef exposes, kept by hand: where they come from. */
    valuesByHand: text.optional(),
    /** An option the component reads although its ConfigDef does not declare it, kept by hand: why. */
    notInConfigDef: text.optional(),
  })
  .superRefine((property, ctx) => {
    const same = (a: string, b: string) => (property.caseInsensitive ? a.toLowerCase() === b.toLowerCase() : a === b);
    if (property.values && typeof property.default === 'string' && !property.values.some((value) => same(value, property.default as string))) {
      ctx.addIssue({ code: 'custom', path: ['default'], message: `default "${property.default}" is not one of values [${property.values.join(', ')}]` });
    }
    if (property.values && property.default !== undefined && property.default !== null && typeof property.default !== 'string') {
      ctx.addIssue({ code: 'custom', path: ['default'], message: 'an enum default must be a string' });
    }
    for (const removedValue of Object.keys(property.removedValues ?? {})) {
      if (property.values?.some((value) => same(value, removedValue))) {
        ctx.addIssue({ code: 'custom', path: ['removedValues', removedValue], message: `"${removedValue}" is both a current and a removed value` });
      }
    }
    if (property.removedValues && !property.values) {
      ctx.addIssue({ code: 'custom', path: ['removedValues'], message: 'removedValues needs the current values list' });
    }
    if (property.valuesByHand !== undefined && !property.values) {
      ctx.addIssue({ code: 'custom', path: ['valuesByHand'], message: 'valuesByHand needs the values list it explains' });
    }
    if (property.caseInsensitive !== undefined && !property.values) {
      ctx.addIssue({ code: 'custom', path: ['caseInsensitive'], message: 'caseInsensitive only applies to enum values' });
    }
  });

const namedGroup = (source: string, name: string) => source.includes(`(?<${name}>`);

const patternSchema = z
  .strictObject({
    pattern: anchoredRegex,
    example: text,
    kind: z.enum(['property', 'open', 'delegate']),
    type: z.enum(PROPERTY_TYPES).optional(),
    default: scalar.optional(),
    aliasesFrom: key.optional(),
    delegate: z.strictObject({ classFrom: text, kind: z.enum(COMPONENT_KINDS) }).optional(),
    note: text.optional(),
  })
  .superRefine((pattern, ctx) => {
    let regex: RegExp;
    try {
      regex = new RegExp(pattern.pattern, 'u');
    } catch {
      return; // reported on `pattern`
    }
    if (!regex.test(pattern.example)) {
      ctx.addIssue({ code: 'custom', path: ['example'], message: `"${pattern.example}" does not match ${pattern.pattern}` });
    }
    if (pattern.kind === 'property' && !pattern.type) {
      ctx.addIssue({ code: 'custom', path: ['type'], message: 'a property pattern needs a type' });
    }
    if ((pattern.kind === 'delegate') !== (pattern.delegate !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['delegate'], message: 'delegate is required for kind "delegate" and only allowed there' });
    }
    if (pattern.kind === 'delegate' && !namedGroup(pattern.pattern, 'rest')) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'a delegate pattern needs a (?<rest>…) group' });
    }
    if (pattern.aliasesFrom && !namedGroup(pattern.pattern, 'alias')) {
      ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'aliasesFrom needs an (?<alias>…) group' });
    }
    if (pattern.delegate?.classFrom.includes('${alias}') && !namedGroup(pattern.pattern, 'alias')) {
      ctx.addIssue({ code: 'custom', path: ['delegate', 'classFrom'], message: '${alias} needs an (?<alias>…) group in the pattern' });
    }
  });

const removedPatternSchema = z
  .strictObject({
    pattern: anchoredRegex,
    example: text,
    replacedBy: text.nullable(),
    since: text,
    note: text.optional(),
  })
  .superRefine((entry, ctx) => {
    try {
      if (!new RegExp(entry.pattern, 'u').test(entry.example)) {
        ctx.addIssue({ code: 'custom', path: ['example'], message: `"${entry.example}" does not match ${entry.pattern}` });
      }
    } catch {
      // reported on `pattern`
    }
  });

export const catalogueFileSchema = z
  .strictObject({
    /** Class name as used in `type` / `connector.class`, or an id like `debezium:common-connector` for a shared option set. */
    component: text,
    kind: z.enum(COMPONENT_KINDS),
    describes: text,
    /** Written by npm run lab:catalogue: where the properties' types, defaults and values were read. */
    configDef: z
      .strictObject({
        worker: text,
        plugin: text,
        read: text,
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
      })
      .optional(),
    source: z.union([text, z.array(text).min(1)]),
    /** Class names usable in config; default [component]. For $Key/$Value SMTs the bare name is not usable. */
    classNames: z.array(text).min(1).optional(),
    includes: z.array(text).optional(),
    excludes: z.array(key).optional(),
    /** For shared option sets: the components that include this set. */
    usedBy: z.array(text).optional(),
    deprecated: deprecatedSchema.optional(),
    note: text.optional(),
    properties: z.record(key, propertySchema),
    patterns: z.array(patternSchema).optional(),
    removed: z.record(key, removedSchema).optional(),
    removedPatterns: z.array(removedPatternSchema).optional(),
  })
  .superRefine((file, ctx) => {
    for (const removedKey of Object.keys(file.removed ?? {})) {
      if (removedKey in file.properties) {
        ctx.addIssue({ code: 'custom', path: ['removed', removedKey], message: `"${removedKey}" is both a current and a removed key` });
      }
    }
    const shared = file.kind === 'connector-common';
    if (shared && file.usedBy === undefined) {
      ctx.addIssue({ code: 'custom', path: ['usedBy'], message: 'a connector-common set must list the components that include it (may be empty)' });
    }
    if (!shared && file.usedBy !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['usedBy'], message: 'usedBy is only for connector-common sets' });
    }
    if (shared && file.classNames !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['classNames'], message: 'a connector-common set is not a class' });
    }
  });

export type CatalogueFile = z.infer<typeof catalogueFileSchema>;
export type PropertySpec = z.infer<typeof propertySchema>;
export type PatternSpec = z.infer<typeof patternSchema>;
export type RemovedSpec = z.infer<typeof removedSchema>;
export type RemovedPatternSpec = z.infer<typeof removedPatternSchema>;

export type CatalogueComponent = CatalogueFile & {
  /** File name inside the catalogue folder. */
  file: string;
  /** Class names usable in config (`classNames`, or `[component]`); empty for shared sets. */
  usableClassNames: readonly string[];
};

export type EffectiveProperty = PropertySpec & { key: string; from: string };
export type EffectivePattern = PatternSpec & { from: string; regex: RegExp };
export type RemovedKey = RemovedSpec & { key: string; from: string };
export type EffectiveRemovedPattern = RemovedPatternSpec & { from: string; regex: RegExp };

export interface EffectiveOptions {
  component: string;
  properties: ReadonlyMap<string, EffectiveProperty>;
  patterns: readonly EffectivePattern[];
  removed: ReadonlyMap<string, RemovedKey>;
  removedPatterns: readonly EffectiveRemovedPattern[];
}

export interface Catalogue {
  readonly dir: string | undefined;
  readonly components: readonly CatalogueComponent[];
  /** By `component` id (class name or shared-set id). */
  byId(id: string): CatalogueComponent | undefined;
  /** By a class name as written in `connector.class` / `type` (`$Key`/`$Value` included). */
  componentForClass(className: string): CatalogueComponent | undefined;
  /** Every usable class name, optionally of one kind (for "did you mean" suggestions). */
  classNames(kind?: ComponentKind): string[];
  /** Own + included options. Accepts an id or a class name; throws for unknown ones. */
  effectiveOptions(idOrClassName: string): EffectiveOptions;
  /** The removed/renamed keys that apply to a component (own + included). */
  removed(idOrClassName: string): ReadonlyMap<string, RemovedKey>;
  /** A removed key, by exact name or removed pattern; undefined if the key was never removed. */
  findRemoved(idOrClassName: string, configKey: string): RemovedKey | undefined;
}

export class CatalogueError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration catalogue:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'CatalogueError';
    this.problems = problems;
  }
}

/** `properties["plugin.name"].default`, `patterns[2].example`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || '(file)';
}

export interface CatalogueSourceFile {
  name: string;
  text: string;
}

/** Reads every *.json next to this module (or in `dir`) and validates it. */
export function loadCatalogue(dir: string = CATALOGUE_DIR): Catalogue {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
  const files = names.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
  return parseCatalogue(files, dir);
}

/** Validates catalogue files given as text; every problem names the file and the field. */
export function parseCatalogue(files: readonly CatalogueSourceFile[], dir?: string): Catalogue {
  const problems: string[] = [];
  const components: CatalogueComponent[] = [];

  for (const { name, text: source } of files) {
    let json: unknown;
    try {
      json = JSON.parse(source);
    } catch (error) {
      problems.push(`${name}: not valid JSON: ${(error as Error).message}`);
      continue;
    }
    const parsed = catalogueFileSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${name}: ${formatPath(issue.path)}: ${issue.message}`);
      continue;
    }
    const data = parsed.data;
    const usableClassNames = data.kind === 'connector-common' ? [] : (data.classNames ?? [data.component]);
    components.push({ ...data, file: name, usableClassNames });
  }
  if (problems.length === 0 && components.length === 0) problems.push(`${dir ?? '(input)'}: no catalogue files found`);
  if (problems.length > 0) throw new CatalogueError(problems);

  const byId = new Map<string, CatalogueComponent>();
  const byClass = new Map<string, CatalogueComponent>();
  for (const component of components) {
    const other = byId.get(component.component);
    if (other) problems.push(`${component.file}: component: "${component.component}" is already defined in ${other.file}`);
    else byId.set(component.component, component);
    component.usableClassNames.forEach((className, index) => {
      const owner = byClass.get(className);
      if (owner && owner !== component) problems.push(`${component.file}: classNames[${index}]: "${className}" is already used by ${owner.file}`);
      else byClass.set(className, component);
    });
  }

  // References between files.
  for (const component of components) {
    component.includes?.forEach((id, index) => {
      const target = byId.get(id);
      if (!target) problems.push(`${component.file}: includes[${index}]: unknown option set "${id}"`);
      else if (target.kind !== 'connector-common') problems.push(`${component.file}: includes[${index}]: "${id}" is a ${target.kind}, not a connector-common set`);
    });
    component.usedBy?.forEach((id, index) => {
      const user = byId.get(id);
      if (!user) problems.push(`${component.file}: usedBy[${index}]: unknown component "${id}"`);
      else if (!includesTransitively(byId, user, component.component)) {
        problems.push(`${component.file}: usedBy[${index}]: "${id}" (${user.file}) does not include "${component.component}"`);
      }
    });
    if (component.kind === 'connector-common') {
      for (const other of components) {
        if (other.includes?.includes(component.component) && !component.usedBy?.includes(other.component) && other.kind !== 'connector-common') {
          problems.push(`${component.file}: usedBy: missing "${other.component}", which includes this set (${other.file})`);
        }
      }
    }
    const cycle = findCycle(byId, component);
    if (cycle) problems.push(`${component.file}: includes: cycle ${cycle.join(' -> ')}`);
    if (component.deprecated?.replacedBy && !byClass.has(component.deprecated.replacedBy)) {
      problems.push(`${component.file}: deprecated.replacedBy: "${component.deprecated.replacedBy}" is not a catalogued class`);
    }
  }
  if (problems.length > 0) throw new CatalogueError(problems);

  // Effective sets must be consistent: replacements exist, nothing is both current and removed.
  const effectiveCache = new Map<string, EffectiveOptions>();
  const effective = (component: CatalogueComponent) => {
    let result = effectiveCache.get(component.component);
    if (!result) {
      result = resolve(byId, component);
      effectiveCache.set(component.component, result);
    }
    return result;
  };
  for (const component of components) {
    component.excludes?.forEach((excluded, index) => {
      const inherited = (component.includes ?? []).some((id) => effective(byId.get(id)!).properties.has(excluded));
      if (!inherited) problems.push(`${component.file}: excludes[${index}]: "${excluded}" is not defined by any included set`);
    });
    if (component.kind === 'connector-common' && (component.usedBy?.length ?? 0) > 0) continue; // checked through its users
    const options = effective(component);
    for (const removed of options.removed.values()) {
      const where = `${byId.get(removed.from)!.file}: removed[${JSON.stringify(removed.key)}]`;
      if (options.properties.has(removed.key)) problems.push(`${where}: "${removed.key}" is still a current key of ${component.component}`);
      if (isPlainKey(removed.replacedBy) && !options.properties.has(removed.replacedBy)) {
        problems.push(`${where}.replacedBy: "${removed.replacedBy}" is not an option of ${component.component}`);
      }
    }
    for (const property of options.properties.values()) {
      const where = `${byId.get(property.from)!.file}: properties[${JSON.stringify(property.key)}]`;
      for (const [value, removed] of Object.entries(property.removedValues ?? {})) {
        if (removed.replacedBy !== null && !property.values?.includes(removed.replacedBy)) {
          problems.push(`${where}.removedValues[${JSON.stringify(value)}].replacedBy: "${removed.replacedBy}" is not a current value`);
        }
      }
      const successor = property.deprecated?.replacedBy;
      if (isPlainKey(successor) && !options.properties.has(successor)) {
        problems.push(`${where}.deprecated.replacedBy: "${successor}" is not an option of ${component.component}`);
      }
    }
  }
  if (problems.length > 0) throw new CatalogueError(problems);

  const lookup = (idOrClassName: string) => {
    const component = byId.get(idOrClassName) ?? byClass.get(idOrClassName);
    if (!component) throw new Error(`Unknown catalogue component or class "${idOrClassName}"`);
    return component;
  };

  return {
    dir,
    components,
    byId: (id) => byId.get(id),
    componentForClass: (className) => byClass.get(className),
    classNames: (kind) =>
      components.filter((component) => kind === undefined || component.kind === kind).flatMap((component) => component.usableClassNames),
    effectiveOptions: (idOrClassName) => effective(lookup(idOrClassName)),
    removed: (idOrClassName) => effective(lookup(idOrClassName)).removed,
    findRemoved: (idOrClassName, configKey) => {
      const options = effective(lookup(idOrClassName));
      const exact = options.removed.get(configKey);
      if (exact) return exact;
      const match = options.removedPatterns.find((entry) => entry.regex.test(configKey));
      return match ? { key: configKey, from: match.from, replacedBy: match.replacedBy, since: match.since, note: match.note } : undefined;
    },
  };
}

export interface PatternMatch {
  pattern: EffectivePattern;
  /** The `alias` group, when the pattern has one. */
  alias?: string;
  /** The `rest` group of a delegate pattern: the key to look up in the delegate component. */
  rest?: string;
  /** For delegate patterns: the class named by `delegate.classFrom` in the config, if set. */
  delegateClass?: string;
}

/** Comma-separated list value as Kafka Connect parses it (trimmed, empty items dropped). */
export function listValue(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter(Boolean) : [];
}

/**
 * The first pattern of `options` that applies to `configKey` in `config`: the regex matches and,
 * for `aliasesFrom` patterns, the captured alias is listed in that key of the config.
 */
export function matchPattern(options: EffectiveOptions, configKey: string, config: Readonly<Record<string, unknown>> = {}): PatternMatch | undefined {
  for (const pattern of options.patterns) {
    const match = pattern.regex.exec(configKey);
    if (!match) continue;
    const alias = match.groups?.alias;
    if (pattern.aliasesFrom && (alias === undefined || !listValue(config[pattern.aliasesFrom]).includes(alias))) continue;
    const result: PatternMatch = { pattern };
    if (alias !== undefined) result.alias = alias;
    if (match.groups?.rest !== undefined) result.rest = match.groups.rest;
    if (pattern.delegate) {
      const classKey = pattern.delegate.classFrom.replace('${alias}', alias ?? '');
      const named = config[classKey];
      if (typeof named === 'string' && named.trim()) result.delegateClass = named.trim();
    }
    return result;
  }
  return undefined;
}

function isPlainKey(value: string | null | undefined): value is string {
  return typeof value === 'string' && KEY.test(value);
}

function includesTransitively(byId: Map<string, CatalogueComponent>, from: CatalogueComponent, target: string, seen = new Set<string>()): boolean {
  for (const id of from.includes ?? []) {
    if (id === target) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    const next = byId.get(id);
    if (next && includesTransitively(byId, next, target, seen)) return true;
  }
  return false;
}

function findCycle(byId: Map<string, CatalogueComponent>, start: CatalogueComponent): string[] | undefined {
  const walk = (component: CatalogueComponent, trail: string[]): string[] | undefined => {
    for (const id of component.includes ?? []) {
      if (id === start.component) return [...trail, id];
      if (trail.includes(id)) continue;
      const next = byId.get(id);
      const cycle = next && walk(next, [...trail, id]);
      if (cycle) return cycle;
    }
    return undefined;
  };
  return walk(start, [start.component]);
}

function resolve(byId: Map<string, CatalogueComponent>, root: CatalogueComponent): EffectiveOptions {
  const properties = new Map<string, EffectiveProperty>();
  const patterns: EffectivePattern[] = [];
  const removed = new Map<string, RemovedKey>();
  const removedPatterns: EffectiveRemovedPattern[] = [];
  const excluded = new Set(root.excludes ?? []);
  const visited = new Set<string>();

  const visit = (component: CatalogueComponent, own: boolean) => {
    if (visited.has(component.component)) return;
    visited.add(component.component);
    for (const [name, spec] of Object.entries(component.properties)) {
      if (!own && excluded.has(name)) continue;
      if (!properties.has(name)) properties.set(name, { ...spec, key: name, from: component.component });
    }
    for (const pattern of component.patterns ?? []) {
      patterns.push({ ...pattern, from: component.component, regex: new RegExp(pattern.pattern, 'u') });
    }
    for (const [name, spec] of Object.entries(component.removed ?? {})) {
      if (!removed.has(name)) removed.set(name, { ...spec, key: name, from: component.component });
    }
    for (const entry of component.removedPatterns ?? []) {
      removedPatterns.push({ ...entry, from: component.component, regex: new RegExp(entry.pattern, 'u') });
    }
    for (const id of component.includes ?? []) {
      const next = byId.get(id);
      if (next) visit(next, false);
    }
  };
  visit(root, true);
  return { component: root.component, properties, patterns, removed, removedPatterns };
}
