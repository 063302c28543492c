// Typography gate: quotes, dashes and non-breaking spaces before units, found by typograf in
// prose only and fixed at the right source offsets.
import { describe, expect, test } from 'vitest';
import { fixTypography, readDocument } from '../../../src/lint/lint-content.ts';
import { checkSegment } from '../../../src/lint/typography.ts';

const NBSP = '\u00A0';
const issuesOf = (source: string) => readDocument({ file: 'x.mdx', absolute: '/x.mdx', source, lessonId: 'module-1/01-x' }).segments.flatMap(checkSegment);
const fix = (source: string) => fixTypography({ file: 'x.mdx', absolute: '/x.mdx', source, lessonId: 'module-1/01-x' });

describe('finds', () => {
  test.each([
    ['straight quotes in prose', 'Он сказал "привет".\n', 'quotes'],
    ['a hyphen between words', 'Outbox - не транзакция.\n', 'dash'],
    ['an en dash between words', 'Outbox – не транзакция.\n', 'dash'],
    ['a plain space before a unit', 'Раз в 60 с.\n', 'nbsp'],
    ['a plain space before minutes', 'Урок на 30 мин.\n', 'nbsp'],
  ])('%s', (_, source, kind) => {
    expect(issuesOf(source).map((issue) => issue.kind)).toEqual(expect.arrayContaining([kind]));
  });
});

describe('accepts', () => {
  test.each([
    ['ёлочки and лапки', `Текст «внешние „внутренние“ кавычки» — и тире.\n`],
    ['a non-breaking space before the dash', `Слово${NBSP}— слово.\n`],
    ['units with a non-breaking space', `Раз в 60${NBSP}с, урок на 30${NBSP}мин.\n`],
    ['«с» as a preposition after a number', 'Коннектор Debezium 3.7 с SMT и Kafka 4 с KRaft.\n'],
    ['version numbers and ranges', 'PostgreSQL 14–18 и Kafka 4.x.\n'],
    ['straight quotes in a code block', '```text\nОн сказал "привет" - 30 мин.\n```\n'],
    ['straight quotes in inline code', 'Параметр `"value" - 30 мин` в тексте.\n'],
    ['straight quotes in a Mermaid block', '```mermaid\nflowchart LR\n    a["привет - 30 мин"] --> b\n```\n'],
    ['straight quotes in an MDX comment', '{/* "привет" - 30 мин */}\n'],
    ['straight quotes in a URL', '[ссылка](https://example.com/?q="x") и https://example.com/a-b.\n'],
    ['straight quotes in non-prose JSX attributes', '<Aside type="note">Текст.</Aside>\n'],
    ['frontmatter ids', '---\ntitle: Урок\ntopics: ["a-b"]\nprerequisites: ["module-1/01-x"]\n---\n\nТекст.\n'],
  ])('%s', (_, source) => {
    expect(issuesOf(source)).toEqual([]);
  });
});

describe('fix:typography', () => {
  test('fixes prose and leaves code, inline code and ids alone', () => {
    const source = [
      '---',
      "title: 'Урок про \"outbox\"'",
      'topics: [a-b]',
      '---',
      '',
      'Он сказал "привет" - и ушёл через 30 мин, а `"код" - 30 мин` остался.',
      '',
      `<Aside title='Это "важно"' type="note">`,
      'Текст "врезки".',
      '</Aside>',
      '',
      '```js',
      'const s = "привет" - 30;',
      '```',
      '',
    ].join('\n');
    const { text, applied } = fix(source);
    expect(applied).toBeGreaterThan(0);
    expect(text).toContain(`Он сказал «привет» — и ушёл через 30${NBSP}мин, а \`"код" - 30 мин\` остался.`);
    expect(text).toContain("title: 'Урок про «outbox»'");
    expect(text).toContain('Текст «врезки».');
    expect(text).toContain(`<Aside title='Это «важно»' type="note">`);
    expect(text).toContain('const s = "привет" - 30;');
    expect(text).toContain('topics: [a-b]');
    expect(issuesOf(text).filter((issue) => issue.edit)).toEqual([]);
  });

  test('nested quotes become „лапки“ inside «ёлочки»', () => {
    expect(fix('Топик "заказов "за день"" готов.\n').text).toBe('Топик «заказов „за день“» готов.\n');
  });

  test('a change that would touch an HTML entity is reported, not applied', () => {
    const source = 'Слово &quot;в кавычках&quot; тут.\n';
    expect(issuesOf(source).length).toBeGreaterThan(0);
    expect(issuesOf(source).every((issue) => issue.edit === undefined)).toBe(true);
    expect(fix(source).text).toBe(source);
  });
});
