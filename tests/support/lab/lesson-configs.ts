// The connector configs of a lesson as Kafka Connect's validate endpoint gets them: every JSON
// block that check:snippets takes for a connector config (connectorConfigOf with the same
// option prefixes and `config` marker), full configs as they are and fragments merged onto the
// lesson's full config. Pure: no stack, no network.
//
// A fragment (no connector.class: only transforms.*, a converter, two filter keys…) is laid over
// the nearest full config shown before it in the same lesson (else the first one after it, else
// MINIMAL_BASE), the way a student edits the config they already have: the fragment's keys win,
// aliases it names join `transforms` / `predicates`, and an alias without a type takes the type
// another block of the lesson declares (as check:snippets does).
import { blockAction } from '../../../src/snippets/block-policy.ts';
import { listValue, type Catalogue } from '../../../src/snippets/catalogue.ts';
import type { CodeBlock } from '../../../src/snippets/code-blocks.ts';
import { connectorConfigOf, declaredAliases, optionPrefixes, POSTGRES_CONNECTOR, type ConnectorConfig } from '../../../src/snippets/config-check.ts';

/** What a fragment is validated with when its lesson shows no full config (the lab's database). */
export const MINIMAL_BASE: Readonly<Record<string, string>> = {
  'connector.class': POSTGRES_CONNECTOR,
  'database.hostname': 'postgres',
  'database.port': '5432',
  'database.user': 'postgres',
  'database.password': 'postgres',
  'database.dbname': 'shop',
  'topic.prefix': 'shop',
  'plugin.name': 'pgoutput',
};

export interface KeyOrigin {
  /** line of the key in the lesson (the block's fence line when the key's line is not found) */
  line: number;
  /** where the key came from: this block, the full config a fragment was laid over, or MINIMAL_BASE */
  from: 'block' | 'base' | 'minimal-base' | 'completed';
}

export interface LessonConfig {
  file: string;
  /** line of the block's opening fence */
  line: number;
  fragment: boolean;
  /** for a fragment: the fence line of the full config it was laid over (undefined: MINIMAL_BASE) */
  baseLine?: number;
  /** the connector name: the `name` of a { name, config } body, the config's own, or made up from file and line */
  name: string;
  /** what is sent to PUT /connector-plugins/{class}/config/validate (before pointing it at the lab's database) */
  config: ConnectorConfig;
  origins: Record<string, KeyOrigin>;
}

interface Found {
  block: CodeBlock;
  fragment: boolean;
  config: ConnectorConfig;
  name?: string;
}

/** Every connector config of the lesson's code blocks, in document order. */
export function lessonConfigs(file: string, blocks: readonly CodeBlock[], catalogue: Catalogue): LessonConfig[] {
  const prefixes = optionPrefixes(catalogue);
  const found: Found[] = [];
  for (const block of blocks) {
    if (blockAction(block).kind !== 'check-json') continue; // opted out, or not JSON
    let value: unknown;
    try {
      value = JSON.parse(block.value);
    } catch {
      continue; // check:snippets reports invalid JSON
    }
    const recognised = connectorConfigOf(value, { prefixes, marked: block.attributes.config !== undefined });
    if (!recognised) continue;
    const outer = value as Record<string, unknown>;
    const name = outer.config === recognised.config && typeof outer.name === 'string' ? outer.name : typeof recognised.config.name === 'string' ? recognised.config.name : undefined;
    found.push({ block, fragment: recognised.fragment, config: recognised.config, ...(name ? { name } : {}) });
  }

  const knownAliases = new Map<string, string>();
  for (const item of found) for (const [alias, type] of declaredAliases(item.config)) knownAliases.set(alias, type);
  const fulls = found.filter((item) => !item.fragment);
  const slug = file.replace(/^.*\//, '').replace(/\.mdx?$/, '');

  return found.map((item) => {
    const origins: Record<string, KeyOrigin> = {};
    const own = keyLines(item.block);
    const made = (base: Found | undefined) => {
      const config: ConnectorConfig = {};
      if (item.fragment) {
        const baseConfig = base ? base.config : MINIMAL_BASE;
        const baseLines = base ? keyLines(base.block) : {};
        for (const [key, value] of Object.entries(baseConfig)) {
          config[key] = value;
          origins[key] = base ? { line: baseLines[key] ?? base.block.line, from: 'base' } : { line: item.block.line, from: 'minimal-base' };
        }
      }
      for (const [key, value] of Object.entries(item.config)) {
        config[key] = value;
        origins[key] = { line: own[key] ?? item.block.line, from: 'block' };
      }
      if (item.fragment) completeAliases(config, item.config, knownAliases, origins, item.block.line);
      return config;
    };
    const base = item.fragment ? (fulls.filter((full) => full.block.line < item.block.line).at(-1) ?? fulls[0]) : undefined;
    const config = made(base);
    const name = item.name ?? (typeof config.name === 'string' ? config.name : `${slug}-line-${item.block.line}`);
    return {
      file,
      line: item.block.line,
      fragment: item.fragment,
      ...(item.fragment && base ? { baseLine: base.block.line } : {}),
      name,
      config,
      origins,
    };
  });
}

/** Aliases the fragment names join their list; an alias without a type takes the lesson's. */
function completeAliases(config: ConnectorConfig, fragment: ConnectorConfig, known: ReadonlyMap<string, string>, origins: Record<string, KeyOrigin>, line: number): void {
  for (const list of ['transforms', 'predicates'] as const) {
    const aliases = listValue(config[list]);
    for (const key of Object.keys(fragment)) {
      const match = new RegExp(`^${list}\\.([^.]+)\\.`).exec(key);
      if (match && !aliases.includes(match[1]!)) aliases.push(match[1]!);
    }
    if (aliases.length === 0) continue;
    if (aliases.join(',') !== listValue(config[list]).join(',')) {
      config[list] = aliases.join(',');
      origins[list] = { line, from: 'completed' };
    }
    for (const alias of aliases) {
      const typeKey = `${list}.${alias}.type`;
      const type = known.get(`${list}.${alias}`);
      if (config[typeKey] === undefined && type) {
        config[typeKey] = type;
        origins[typeKey] = { line, from: 'completed' };
      }
    }
  }
}

/** `"key":` → its line in the lesson, for the first occurrence in the block. */
function keyLines(block: CodeBlock): Record<string, number> {
  const lines: Record<string, number> = {};
  block.value.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(/"((?:[^"\\]|\\.)*)"\s*:/g)) {
      const key = JSON.parse(`"${match[1]}"`) as string;
      lines[key] ??= block.line + 1 + index;
    }
  });
  return lines;
}
