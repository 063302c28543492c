// Lesson module-4/03: the masking config of the lesson on the real connector. What the
// lesson shows as the event's `after` must be what Debezium writes, and its SQL must
// reproduce the email pseudonym that lands in the topic.
import { expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { record } from '../../support/lab/ledger.ts';
import { deploy, expectShown, lessonConnector, lessonSql, payloadOf, readTopic, sql, sqlFile } from '../../support/lab/lesson-config.ts';

const { lab, ledger, lesson: LESSON } = useLessonLab('src/content/course/04-module-4/03-pii-masking.mdx', async () => {
  await sqlFile(lab, 'labs/schemas/shop.sql');
});

let after: Record<string, unknown>;

test('the masking connector writes the `after` the lesson shows', async () => {
  const { name, config } = lessonConnector(LESSON, 'shop-customers-pii');
  await deploy(lab, ledger, LESSON, name, config);
  record(ledger, { kind: 'config', file: 'src/content/course/04-module-4/03-pii-masking.mdx', line: lessonConnector(LESSON, name).block.line });
  const events = (await readTopic(lab, 'shop.public.customers', 3)).map((r) => payloadOf(r.value));
  expect(events).toHaveLength(3);
  after = events.map((e) => e.after as Record<string, unknown>).find((a) => a.id === 1)!;
  expectShown(ledger, LESSON, 'pii-after', JSON.stringify(after, null, 2));
  // With schemas in the message, the masked column's field carries masked=true (the lesson's «Реестр схем»)
  type Field = { field: string; fields?: Field[] };
  const { schema } = (await readTopic(lab, 'shop.public.customers', 1))[0]!.value as { schema: Field };
  const fullName = schema.fields!.find((f) => f.field === 'after')!.fields!.find((f) => f.field === 'full_name');
  expectShown(ledger, LESSON, 'masked-field-schema', JSON.stringify(fullName, null, 2));
});

test('the lesson\'s SQL reproduces the column.mask.hash.v2 pseudonym from the topic', async () => {
  const block = lessonSql(LESSON, 'AS email_pseudonym');
  const rows = await sql<{ id: string; email_pseudonym: string }>(lab, block.value);
  expect(rows.find((r) => Number(r.id) === 1)?.email_pseudonym).toBe(after.email);
});

test('the brute force of the lesson recovers the phone from a salted hash', async () => {
  const block = lessonSql(LESSON, 'recovered_phone');
  expect(await sql(lab, block.value)).toEqual([{ recovered_phone: '+7 912 345-67-89' }]);
});
