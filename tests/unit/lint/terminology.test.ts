// The terminology gate on prose read from MDX: a variant to avoid in running text is reported,
// the same word in code, inline code, Mermaid, quotations and identifiers is not.
import { describe, expect, test } from 'vitest';
import { validateGlossary } from '../../../src/course/glossary.ts';
import { parseGlossary } from '../../../src/course/fs/load-glossary.ts';
import { lineColumn, readProse, sourceOffset } from '../../../src/lint/prose.ts';
import { checkTerminology, quoteSpans } from '../../../src/lint/terminology.ts';

const { terms, problems } = validateGlossary(
  parseGlossary(
    `- id: snapshot
  ru: снимок
  en: snapshot
  definition: 'Чтение содержимого таблиц.'
  avoid: [снапшот*]
  plannedIn: module-2
- id: change-event
  ru: событие изменения
  en: change event
  definition: 'Сообщение об изменении строки.'
  avoid: [change event*]
  plannedIn: module-1
- id: design-pattern
  ru: паттерн
  en: design pattern
  definition: 'Типовое решение.'
  avoid: ['шаблон* outbox']
  plannedIn: module-4
`,
    'glossary.yaml',
  ),
  { lessonIds: new Set() },
);

/** Every reported variant as "line:column text → term". */
function check(source: string): string[] {
  return readProse(source).segments.flatMap((segment) =>
    checkTerminology(segment, terms).map((issue) => {
      const { line, column } = lineColumn(source, sourceOffset(segment, issue.start));
      return `${line}:${column} ${issue.text} → ${issue.term.ru}`;
    }),
  );
}

test('the fixture glossary is valid', () => {
  expect(problems).toEqual([]);
});

describe('reported', () => {
  test('a variant in a paragraph, a heading, a list and a table, with line and column', () => {
    const source = '## Снапшот таблицы\n\nКоннектор делает снапшот.\n\n- пункт о снапшотах\n\n| a |\n|---|\n| change events |\n';
    expect(check(source)).toEqual(['1:4 Снапшот → снимок', '3:18 снапшот → снимок', '5:11 снапшотах → снимок', '9:3 change events → событие изменения']);
  });

  test('an ending glued with an apostrophe is shown with the word', () => {
    expect(check("Роутер получает change event'ы таблицы.\n")).toEqual(["1:17 change event'ы → событие изменения"]);
  });

  test('a phrase across emphasis and a line break', () => {
    expect(check('Это **шаблон\nOutbox** в деле.\n')).toEqual(['1:7 шаблон\nOutbox → паттерн']);
  });

  test('frontmatter prose, JSX prose attributes and Russian text in quotes are prose', () => {
    const source = "---\ntitle: 'Снапшот и outbox'\n---\n\n<Aside title=\"Про снапшот\">Текст.</Aside>\n\nТак называемый «снапшот» — это снимок.\n";
    expect(check(source)).toEqual(['5:19 снапшот → снимок', '7:17 снапшот → снимок', '2:9 Снапшот → снимок']);
  });
});

describe('exempt', () => {
  test('code blocks, inline code and Mermaid', () => {
    const source = 'Текст `снапшот` и `change events`.\n\n```text\nснапшот, шаблон outbox\n```\n\n```mermaid\nflowchart LR\n  a["снапшот"]\n```\n';
    expect(check(source)).toEqual([]);
  });

  test('English text in quotes, <q> and blockquotes', () => {
    const source = 'В документации — «change events», "change event" и „change event“.\n\nЦитата: <q>снапшот по-русски тоже цитата</q>.\n\n> Снапшот и change event в цитате.\n';
    expect(check(source)).toEqual([]);
  });

  test('an English gloss in parentheses, but not Russian text in them', () => {
    expect(check('Событие изменения (change event) приходит после снимка (snapshot).\n')).toEqual([]);
    expect(check('Событие (это не change event) приходит.\n')).toEqual(['1:17 change event → событие изменения']);
  });

  test('identifiers glued to a dot, slash or at sign', () => {
    expect(check('Параметр снапшот.mode, путь docs/снапшот и @снапшот.\n')).toEqual([]);
  });

  test('legitimate neighbours of a variant', () => {
    expect(check('Шаблон строки, события изменения и паттерн outbox.\n')).toEqual([]);
  });
});

test('quoteSpans pairs «», „“, straight quotes and parentheses, nested too', () => {
  expect(quoteSpans('а «б „в“ г» "д" (е)')).toEqual([[5, 7], [2, 10], [12, 14], [16, 18]]);
});
