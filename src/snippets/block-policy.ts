// What CI does with each code block: run it, check it, or skip it for a stated reason.
import type { CodeBlock } from './code-blocks.ts';

export type BlockAction =
  | { kind: 'run-sql'; expectError?: string }
  | { kind: 'check-json' }
  | { kind: 'opted-out'; reason: string }
  | { kind: 'invalid'; reason: string }
  | { kind: 'not-checked' };

export const CHECKED_LANGUAGES = new Set(['sql', 'json']);

export function blockAction(block: CodeBlock): BlockAction {
  const nocheck = block.attributes.nocheck;
  if (nocheck !== undefined) {
    if (nocheck === true || nocheck.trim() === '') {
      return { kind: 'invalid', reason: 'nocheck needs a reason: nocheck="why this block cannot run"' };
    }
    return { kind: 'opted-out', reason: nocheck.trim() };
  }
  const expectError = block.attributes['expect-error'];
  if (expectError !== undefined && block.lang !== 'sql') {
    return { kind: 'invalid', reason: 'expect-error only applies to sql blocks' };
  }
  if (block.lang === 'sql') {
    if (expectError === true || expectError?.trim() === '') {
      return { kind: 'invalid', reason: 'expect-error needs the SQLSTATE or a part of the message: expect-error="23502"' };
    }
    return expectError === undefined ? { kind: 'run-sql' } : { kind: 'run-sql', expectError: expectError.trim() };
  }
  // A shown output (output="…") is what a lab run printed, wildcards and all: `npm run
  // test:lab` compares it with the run (src/snippets/shown-output.ts); it is no config to check.
  if (block.attributes.output !== undefined) return { kind: 'not-checked' };
  if (block.lang === 'json') return { kind: 'check-json' };
  return { kind: 'not-checked' };
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
