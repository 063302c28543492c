import { describe, expect, test } from 'vitest';
import { checkLabTags, checkPostgresTags, errorAnchor, errorTextMatches, readErrorTags } from '../../../src/lint/error-tags.ts';

const lesson = (body: string) => `---\ntitle: Урок\n---\n\nimport ErrorNote from '../x/ErrorNote.astro';\n\n${body}\n`;

describe('readErrorTags', () => {
  test('reads a tag with its line, anchor and fields', () => {
    const { tags, problems } = readErrorTags(lesson(`<ErrorNote component="postgresql" sqlstate="55000" text='cannot delete from table "…"' meaning="Нет replica identity." />`), 'a.mdx');
    expect(problems).toEqual([]);
    expect(tags).toEqual([
      { file: 'a.mdx', line: 7, component: 'postgresql', sqlstate: '55000', text: 'cannot delete from table "…"', meaning: 'Нет replica identity.', anchor: 'error-cannot-delete-from-table' },
    ]);
  });
  test('every wrong field is a problem with file:line and a fix', () => {
    const { tags, problems } = readErrorTags(
      lesson(`<ErrorNote component="postgres" text="x" meaning="М." />\n\n<ErrorNote component="kafka" sqlstate="55000" text="y" meaning="М." />\n\n<ErrorNote component="postgresql" text="z" meaning="" colour="red" />`),
      'a.mdx',
    );
    expect(tags).toEqual([]);
    expect(problems.map((problem) => `${problem.line} ${problem.field}: ${problem.message}`)).toEqual([
      '7 <ErrorNote component>: is not one of the components the troubleshooting page groups by',
      '9 <ErrorNote sqlstate>: only PostgreSQL errors have a SQLSTATE',
      '11 <ErrorNote colour>: unknown attribute',
      '11 <ErrorNote meaning>: a one-line meaning is required',
      '11 <ErrorNote sqlstate>: a PostgreSQL error needs its SQLSTATE: it is how the check finds the block that raises it',
    ]);
  });
  test('the same error tagged twice in a lesson is a problem', () => {
    const note = `<ErrorNote component="kafka" text="Boom" meaning="М." />`;
    expect(readErrorTags(lesson(`${note}\n\n${note}`), 'a.mdx').problems[0]?.message).toBe('the lesson tags the same error at line 7');
  });
});

test('errorTextMatches: … stands for any text within the line, the rest is exact', () => {
  expect(errorTextMatches('replication slot "…" does not exist', 'replication slot "debezium" does not exist')).toBe(true);
  expect(errorTextMatches('replication slot "…" does not exist', 'replication slot "x" does not exist yet')).toBe(false);
  expect(errorAnchor('replication slot "…" does not exist')).toBe('error-replication-slot-does-not-exist');
});

test('checkPostgresTags: the message must match as well as the SQLSTATE', () => {
  const [tag] = readErrorTags(lesson(`<ErrorNote component="postgresql" sqlstate="42601" text='syntax error at or near "WITH"' meaning="М." />`), 'a.mdx').tags;
  expect(checkPostgresTags([tag!], [{ line: 3, code: '42601', message: 'syntax error at or near "WITH"' }])).toEqual([]);
  const [problem] = checkPostgresTags([tag!], [{ line: 3, code: '42601', message: 'syntax error at or near "SET"' }], 17);
  expect(problem?.message).toBe('no sql expect-error block of this lesson raises this error on PostgreSQL 17; the blocks raise: line 3: 42601 syntax error at or near "SET"');
  expect(checkPostgresTags([tag!], [{ line: 3, code: '42601', message: '', notOn: '15+' }])).toEqual([]);
});

test('checkLabTags: a Connect or Debezium tag is proven by a compared output of its own lesson or by a lab test, not by text elsewhere', () => {
  const source = lesson(
    [
      `<ErrorNote component="kafka-connect" text="Connector … already exists" meaning="М." />`,
      `<ErrorNote component="debezium" text="Failed to start replication stream at LSN{…}; use a distinct slot" meaning="М." />`,
      `<ErrorNote component="kafka" text="InvalidTimestampException: Timestamp … is out of range" meaning="М." />`,
      `<ErrorNote component="postgresql" sqlstate="42501" text="permission denied for table …" meaning="М." />`,
    ].join('\n\n'),
  );
  const { tags } = readErrorTags(source, 'a.mdx');
  const shown = [
    { file: 'a.mdx', id: 'exists', line: 30, text: '{"error_code":409,"message":"Connector shop-connector already exists"}' },
    // the shown block hides the message behind its own wildcard: that proves nothing
    { file: 'a.mdx', id: 'hidden', line: 40, text: '…DebeziumException: Failed to start replication stream at …' },
    // the right text, but in another lesson
    { file: 'b.mdx', id: 'other', line: 5, text: 'Failed to start replication stream at LSN{0/1}; use a distinct slot' },
  ];
  const { problems, proven } = checkLabTags(tags, { shown, observed: [{ file: 'a.mdx', text: 'InvalidTimestampException: Timestamp … is out of range' }] });
  expect(proven.map((p) => `${p.tag.component}: ${p.by}`)).toEqual(['kafka-connect: output="exists" (line 30)', 'kafka: a lab test']);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ file: 'a.mdx', line: 9, value: 'Failed to start replication stream at LSN{…}; use a distinct slot' });
  expect(problems[0]!.message).toContain('no lab run of this lesson produced this Debezium error');
  expect(problems[0]!.fix).toContain('expect-error');
});
