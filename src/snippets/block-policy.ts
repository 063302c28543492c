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
  if (block.lang === 'json') return { kind: 'check-json' };
  return { kind: 'not-checked' };
}

/** Language tags for SQL that is not PostgreSQL: highlighted as SQL (ec.config.mjs), never run. */
export const FOREIGN_SQL_LANGUAGES = ['flinksql', 'bigquery', 'ksql', 'sparksql', 'mysql', 'tsql'] as const;

/** What to tell the author when a sql block fails on PostgreSQL; more for a syntax error, which
 * is what SQL of another dialect gets. */
export function sqlFailureFix(code: string | undefined): string | undefined {
  if (code !== '42601') return undefined;
  return (
    'PostgreSQL cannot parse it. If the block is SQL of another system, tag it with that dialect instead of sql ' +
    `(${FOREIGN_SQL_LANGUAGES.map((lang) => '```' + lang).join(', ')}: highlighted as SQL, not run), ` +
    'or opt out with nocheck="reason"; otherwise correct the syntax'
  );
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
