import { describe, expect, test } from 'vitest';
import { blockAction, parsePgClaim, type PgClaim } from '../../../src/snippets/block-policy.ts';

const majors = (claim: PgClaim) => [14, 15, 16, 17, 18, 19].filter(claim.holdsOn);

describe('pg="…" claims', () => {
  test.each([
    ['15+', [15, 16, 17, 18, 19]],
    ['14-16', [14, 15, 16]],
    ['17', [17]],
    ['14, 17+', [14, 17, 18, 19]],
    [' 16 - 16 '.replace(/ /g, ''), [16]],
  ])('pg="%s" holds on %j', (text, expected) => {
    const claim = parsePgClaim(text);
    expect(typeof claim).not.toBe('string');
    expect(majors(claim as PgClaim)).toEqual(expected);
  });

  test.each([
    ['', 'pg needs the majors'],
    ['13+', 'outside PostgreSQL 14-18'],
    ['16-14', 'outside PostgreSQL 14-18'],
    ['14+', 'names every supported major'],
    ['14-18', 'names every supported major'],
    ['fifteen', 'is not a major, a range or N+'],
    ['>=15', 'is not a major, a range or N+'],
  ])('pg="%s" is invalid: %s', (text, reason) => {
    expect(parsePgClaim(text)).toContain(reason);
  });

  const block = (lang: string, attributes: Record<string, string | true>) => ({ file: 'f.mdx', line: 1, lang, meta: '', attributes, value: 'SELECT 1;' });

  test('a sql block carries its claim next to expect-error; other languages and a bare pg are invalid', () => {
    const action = blockAction(block('sql', { pg: '15+', 'expect-error': '42P10' }));
    expect(action).toMatchObject({ kind: 'run-sql', expectError: '42P10', pg: { text: '15+' } });
    expect(blockAction(block('json', { pg: '15+' })).kind).toBe('invalid');
    expect(blockAction(block('sql', { pg: true })).kind).toBe('invalid');
    expect(blockAction(block('sql', { nocheck: 'reason', pg: '15+' })).kind).toBe('opted-out');
  });
});

test('expect-error: a SQLSTATE on sql blocks, bare on a lab command (a refusal the lesson shows), nowhere else', () => {
  const block = (lang: string, attributes: Record<string, string | true>) => ({ file: 'f.mdx', line: 1, lang, meta: '', attributes, value: 'curl -sS -X DELETE http://localhost:8083/connectors/x' });
  expect(blockAction(block('bash', { 'expect-error': true })).kind).toBe('not-checked');
  expect(blockAction(block('bash', { 'expect-error': '409' }))).toEqual({
    kind: 'invalid',
    reason: 'on a bash block expect-error takes no value: ```bash expect-error marks a lab command whose refusal the lesson shows',
  });
  expect(blockAction(block('json', { 'expect-error': true }))).toEqual({
    kind: 'invalid',
    reason: 'expect-error applies to sql blocks (expect-error="SQLSTATE") and to lab commands (```bash expect-error)',
  });
});
