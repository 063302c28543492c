// What CI does with each code block: run it, check it, or skip it for a stated reason.
import type { CodeBlock } from './code-blocks.ts';

export type BlockAction =
  | { kind: 'run-sql'; expectError?: string; pg?: PgClaim }
  | { kind: 'check-json' }
  | { kind: 'opted-out'; reason: string }
  | { kind: 'invalid'; reason: string }
  | { kind: 'not-checked' };

export const CHECKED_LANGUAGES = new Set(['sql', 'json']);
const COMMAND_LANGUAGES = new Set(['bash', 'sh', 'shell']);

export function blockAction(block: CodeBlock): BlockAction {
  const nocheck = block.attributes.nocheck;
  if (nocheck !== undefined) {
    if (nocheck === true || nocheck.trim() === '') {
      return { kind: 'invalid', reason: 'nocheck needs a reason: nocheck="why this block cannot run"' };
    }
    return { kind: 'opted-out', reason: nocheck.trim() };
  }
  const expectError = block.attributes['expect-error'];
  if (expectError !== undefined && COMMAND_LANGUAGES.has(block.lang)) {
    // A lab step's command that Kafka Connect refuses on purpose (tests/support/lab/lesson-runner.ts).
    if (expectError !== true) return { kind: 'invalid', reason: 'on a bash block expect-error takes no value: ```bash expect-error marks a lab command whose refusal the lesson shows' };
  } else if (expectError !== undefined && block.lang !== 'sql') {
    return { kind: 'invalid', reason: 'expect-error applies to sql blocks (expect-error="SQLSTATE") and to lab commands (```bash expect-error)' };
  }
  const pgMark = block.attributes.pg;
  if (pgMark !== undefined && block.lang !== 'sql') {
    return { kind: 'invalid', reason: 'pg="…" only applies to sql blocks' };
  }
  if (block.lang === 'sql') {
    if (expectError === true || expectError?.trim() === '') {
      return { kind: 'invalid', reason: 'expect-error needs the SQLSTATE or a part of the message: expect-error="23502"' };
    }
    let pg: PgClaim | undefined;
    if (pgMark !== undefined) {
      const parsed = parsePgClaim(pgMark === true ? '' : pgMark);
      if (typeof parsed === 'string') return { kind: 'invalid', reason: parsed };
      pg = parsed;
    }
    return {
      kind: 'run-sql',
      ...(expectError === undefined ? {} : { expectError: expectError.trim() }),
      ...(pg ? { pg } : {}),
    };
  }
  // A shown output (output="…") is what a lab run printed, wildcards and all: `npm run
  // test:lab` compares it with the run (src/snippets/shown-output.ts); it is no config to check.
  if (block.attributes.output !== undefined) return { kind: 'not-checked' };
  if (block.lang === 'json') return { kind: 'check-json' };
  return { kind: 'not-checked' };
}

/** The PostgreSQL majors the course supports; a `pg="…"` claim names some of them. */
export const SUPPORTED_MAJORS = [14, 15, 16, 17, 18] as const;

/** A `pg="…"` claim: the majors on which a SQL block holds. */
export interface PgClaim {
  /** as written: "15+", "14-16", "17", "14, 17+" */
  text: string;
  holdsOn: (major: number) => boolean;
}

const PG_SYNTAX = 'pg="15+" (15 and newer), pg="14-16" (14 to 16), pg="17" (only 17), or a comma list of these: pg="14, 17+"';

/** Parses a `pg="…"` value; a string is the reason it is invalid. */
export function parsePgClaim(raw: string): PgClaim | string {
  const text = raw.trim();
  if (text === '') return `pg needs the majors the block holds on: ${PG_SYNTAX}`;
  const ranges: [number, number][] = [];
  for (const part of text.split(',').map((item) => item.trim())) {
    const match = /^(\d+)(?:(\+)|-(\d+))?$/.exec(part);
    if (!match) return `pg="${text}": "${part}" is not a major, a range or N+; write ${PG_SYNTAX}`;
    const from = Number(match[1]);
    const to = match[2] ? Infinity : match[3] !== undefined ? Number(match[3]) : from;
    const first = SUPPORTED_MAJORS[0];
    const last = SUPPORTED_MAJORS[SUPPORTED_MAJORS.length - 1]!;
    if (from < first || from > last || (to !== Infinity && (to < from || to > last))) {
      return `pg="${text}": "${part}" is outside PostgreSQL ${first}-${last}, the majors the course supports`;
    }
    ranges.push([from, to]);
  }
  const holdsOn = (major: number) => ranges.some(([from, to]) => major >= from && major <= to);
  if (SUPPORTED_MAJORS.every(holdsOn)) return `pg="${text}" names every supported major (${SUPPORTED_MAJORS.join(', ')}): drop the mark`;
  return { text, holdsOn };
}

/** Language tags for SQL that is not PostgreSQL: highlighted as SQL (ec.config.mjs), never run. */
export const FOREIGN_SQL_LANGUAGES = ['flinksql', 'bigquery', 'ksql', 'sparksql', 'mysql', 'tsql'] as const;

/** Marks of SQL written for another system (for a better message; nothing depends on it). */
const DIALECT_MARKS: [RegExp, string, string][] = [
  [/\bWITH\s*\(\s*'connector'\s*=|\bWATERMARK\s+FOR\b|\bPROCTIME\s*\(|\bNOT\s+ENFORCED\b|\bTUMBLE\s*\(/i, 'Flink SQL', 'flinksql'],
  [/\bEMIT\s+CHANGES\b|\bCREATE\s+(?:OR\s+REPLACE\s+)?STREAM\b/i, 'ksqlDB', 'ksql'],
  [/`[\w-]+\.[\w-]+(?:\.[\w-]+)?`|\bSAFE_CAST\s*\(|\bSTRUCT\s*</i, 'BigQuery', 'bigquery'],
];

/** Which other SQL system a block looks written for, if it shows a tell-tale mark. */
export function foreignDialect(sql: string): { name: string; lang: string } | undefined {
  const found = DIALECT_MARKS.find(([pattern]) => pattern.test(sql));
  return found ? { name: found[1], lang: found[2] } : undefined;
}

/** What to tell the author when a sql block fails on PostgreSQL: SQL of another dialect gets
 * a syntax error (42601) or "not supported" (0A000), or shows a mark of its system. */
export function sqlFailureFix(code: string | undefined, sql = ''): string | undefined {
  const dialect = foreignDialect(sql);
  if (!dialect && code !== '42601' && code !== '0A000') return undefined;
  const tags = FOREIGN_SQL_LANGUAGES.map((lang) => '```' + lang).join(', ');
  const lead = dialect
    ? `this looks like ${dialect.name}, not PostgreSQL: tag the block \`\`\`${dialect.lang} instead of sql (highlighted as SQL, not run)`
    : `PostgreSQL cannot run it. If the block is SQL of another system, tag it with that dialect instead of sql (${tags}: highlighted as SQL, not run)`;
  return `${lead}, or opt out with nocheck="reason"; otherwise correct it for PostgreSQL`;
}

/** Values a student would have to invent: `'...'`, `…`, `<your-password>`, TODO. */
export function findPlaceholders(sql: string): string[] {
  const code = sql
    .replace(/--[^\n]*/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '');
  const found = new Set<string>();
  for (const match of code.matchAll(/'\.\.\.'|\.\.\.|…|<[a-zA-Z_][\w -]*>|\bTODO\b|\bXXX\b/g)) found.add(match[0]);
  return [...found];
}

/** Whether a PostgreSQL error matches an `expect-error` value: a SQLSTATE or a message part. */
export function errorMatches(expected: string, error: { code?: string; message: string }): boolean {
  if (/^[0-9A-Z]{5}$/.test(expected)) return error.code === expected;
  return error.message.toLowerCase().includes(expected.toLowerCase());
}
