// What the SMT lessons' lab tests need: a lesson's connector config as the lesson prints it,
// deployed on the stack; a topic read back; and a shown output compared with what came back.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import pg from 'pg';
import { extractCodeBlocks, type CodeBlock } from '../../../src/snippets/code-blocks.ts';
import { collectShownOutputs, describeMismatch, outputMatches } from '../../../src/snippets/shown-output.ts';
import { rest, waitForRunning, type ConnectorStatus } from './connect-rest.ts';
import { pointAtLabDatabase, type LabEndpoints } from './endpoints.ts';
import { kafkaTool } from './kafka-tools.ts';
import { record } from './ledger.ts';
import { REPO_ROOT } from './paths.ts';

export interface LessonConnector {
  name: string;
  config: Record<string, string>;
  block: CodeBlock;
}

export function lessonBlocks(file: string): CodeBlock[] {
  return extractCodeBlocks(readFileSync(file, 'utf8'), relative(REPO_ROOT, file));
}

/** The lesson's `{"name": …, "config": …}` block of that name. */
export function lessonConnector(file: string, name: string): LessonConnector {
  for (const block of lessonBlocks(file)) {
    if (block.lang !== 'json') continue;
    try {
      const parsed = JSON.parse(block.value) as { name?: string; config?: Record<string, string> };
      if (parsed.name === name && parsed.config) return { name, config: parsed.config, block };
    } catch {
      // not JSON the lesson presents as a config
    }
  }
  throw new Error(`${relative(REPO_ROOT, file)} has no connector config named "${name}"`);
}

/** A config fragment block of the lesson (no connector.class), found by a key it sets. */
export function lessonFragment(file: string, key: string, value?: string): { config: Record<string, string>; block: CodeBlock } {
  for (const block of lessonBlocks(file)) {
    if (block.lang !== 'json') continue;
    try {
      const parsed = JSON.parse(block.value) as Record<string, string>;
      if (key in parsed && (value === undefined || parsed[key] === value) && !('config' in parsed)) return { config: parsed, block };
    } catch {
      // not JSON
    }
  }
  throw new Error(`${relative(REPO_ROOT, file)} has no config fragment with ${key}${value === undefined ? '' : `=${value}`}`);
}

/** The SQL block of the lesson that contains `text`. */
export function lessonSql(file: string, text: string): CodeBlock {
  const block = lessonBlocks(file).find((b) => b.lang === 'sql' && b.value.includes(text));
  if (!block) throw new Error(`${relative(REPO_ROOT, file)} has no sql block with "${text}"`);
  return block;
}

export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(lab: LabEndpoints, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: lab.postgres.url });
  await client.connect();
  try {
    const result = await client.query<T>(text);
    return (Array.isArray(result) ? result.at(-1) : result).rows as T[];
  } finally {
    await client.end();
  }
}

export async function sqlFile(lab: LabEndpoints, repoPath: string): Promise<void> {
  await sql(lab, readFileSync(`${REPO_ROOT}/${repoPath}`, 'utf8'));
}

/** PUT the config (pointed at the lab's PostgreSQL) and wait until the connector and its task run. */
export async function deploy(lab: LabEndpoints, ledger: string, file: string, name: string, config: Record<string, string>): Promise<ConnectorStatus> {
  const answer = await rest('PUT', `${lab.connectUrl}/connectors/${name}/config`, pointAtLabDatabase(config, lab));
  if (answer.status >= 300) throw new Error(`PUT /connectors/${name}/config answered ${answer.status}: ${answer.text}`);
  const { status } = await waitForRunning(lab.connectUrl, name);
  record(ledger, { kind: 'connector', file: relative(REPO_ROOT, file), name, state: status.connector.state, version: (status.connector as { version?: string }).version ?? '?' });
  return status;
}

export interface TopicRecord {
  key: unknown;
  value: unknown;
  headers: Record<string, string>;
  /** The record's timestamp (CreateTime), ms since the epoch. */
  timestamp: number;
}

const SEP = '\u241E';
const HEADER_SEP = '\u241F';

function parseJson(text: string): unknown {
  if (text === 'null') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The first `count` records of a topic (waits up to `timeoutMs` for them). */
export async function readTopic(lab: LabEndpoints, topic: string, count: number, timeoutMs = 30_000): Promise<TopicRecord[]> {
  const { stdout } = await kafkaTool(
    lab,
    'kafka-console-consumer',
    [
      '--bootstrap-server', lab.toolBootstrapServers, '--topic', topic, '--from-beginning',
      '--max-messages', String(count), '--timeout-ms', String(timeoutMs),
      '--formatter-property', 'print.key=true', '--formatter-property', 'print.headers=true',
      '--formatter-property', `key.separator=${SEP}`, '--formatter-property', `headers.separator=${HEADER_SEP}`,
      '--formatter-property', 'headers.key.separator=:', '--formatter-property', 'print.timestamp=true',
    ],
    timeoutMs + 30_000,
    { keepOutputOnFailure: true },
  );
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [time = '', headers = '', key = '', ...value] = line.split(SEP);
      const headerMap: Record<string, string> = {};
      if (headers !== 'NO_HEADERS') {
        for (const pair of headers.split(HEADER_SEP).filter(Boolean)) {
          const at = pair.indexOf(':');
          headerMap[pair.slice(0, at)] = pair.slice(at + 1);
        }
      }
      return { key: parseJson(key), value: parseJson(value.join(SEP)), headers: headerMap, timestamp: Number(time.replace(/^\w+Time:/, '')) };
    });
}

/** Topic names of the stack (without Connect's and Kafka's own). */
export async function listTopics(lab: LabEndpoints): Promise<string[]> {
  const { stdout } = await kafkaTool(lab, 'kafka-topics', ['--bootstrap-server', lab.toolBootstrapServers, '--list']);
  return stdout.split('\n').map((t) => t.trim()).filter((t) => t && !/^(__consumer|__share|__transaction|connect_)/.test(t)).sort();
}

/** JsonConverter with schemas wraps the data in {schema, payload}. */
export function payloadOf(value: unknown): Record<string, unknown> {
  const v = value as { payload?: unknown } | null;
  return (v && typeof v === 'object' && 'payload' in v ? v.payload : v) as Record<string, unknown>;
}

/** Compares a lesson's output="…" block with what the stack produced; records it in the ledger. */
export function expectShown(ledger: string, file: string, id: string, actual: string): void {
  const shownFile = relative(REPO_ROOT, file);
  const shown = collectShownOutputs(lessonBlocks(file)).outputs.find((o) => o.id === id);
  if (!shown) throw new Error(`${shownFile} has no block marked output="${id}"`);
  if (!outputMatches(shown, actual)) throw new Error(describeMismatch(shown, actual, `the lab test of ${shownFile}`));
  record(ledger, { kind: 'compared', file: shownFile, id });
}
