// Prose extraction: what the student reads, mapped to source offsets; never code, inline code,
// MDX expressions, imports, Mermaid, URLs or frontmatter ids.
import { describe, expect, test } from 'vitest';
import { maskedSource, OPAQUE, readProse, readYamlProse } from '../../../src/lint/prose.ts';

const lesson = `---
title: 'Заголовок «урока»'
description: Описание.
topics: [outbox-pattern, kafka-connect]
prerequisites: [module-4/01-smt-overview]
---

import { Aside } from '@astrojs/starlight/components';

## Первый раздел

Текст с \`inline "код"\` и [ссылкой](../02-x/#раздел "подсказка") и https://example.com/путь.

<Aside type="caution" title="Заголовок врезки">
Текст врезки.
</Aside>

<ErrorNote component="kafka" text="Boom happened" meaning="Смысл ошибки одной фразой." />

{/* комментарий */}

| Колонка | Значение |
|---|---|
| ячейка | \`код\` |

\`\`\`mermaid
flowchart LR
    a["подпись"] --> b
\`\`\`

\`\`\`sql
SELECT 'строка';
\`\`\`
`;

describe('readProse', () => {
  const document = readProse(lesson);
  const texts = document.segments.map((segment) => segment.text);

  test('takes prose blocks, frontmatter prose fields and prose attributes', () => {
    expect(texts).toContain('Первый раздел');
    expect(texts).toContain(`Текст с ${OPAQUE} и ссылкой и ${OPAQUE}.`);
    expect(texts).toContain('Заголовок врезки');
    expect(texts).toContain('Текст врезки.');
    expect(texts).toContain('Смысл ошибки одной фразой.'); // <ErrorNote meaning> is read on the page
    expect(texts).toContain('Заголовок «урока»');
    expect(texts).toContain('Описание.');
    expect(texts).toContain('ячейка');
  });

  test('leaves out code, inline code, Mermaid, expressions, imports, URLs and ids', () => {
    const all = texts.join('\n');
    for (const absent of ['код', 'подпись', 'SELECT', 'строка', 'комментарий', 'import', 'example.com', 'outbox-pattern', 'module-4', 'caution', 'подсказка', 'Boom']) {
      expect(all).not.toContain(absent);
    }
  });

  test('maps every prose character back to its source offset', () => {
    for (const segment of document.segments) {
      [...segment.text].forEach((char, index) => {
        const offset = segment.map[index]!;
        if (char !== OPAQUE && offset >= 0) expect(lesson[offset]).toBe(char);
      });
    }
  });

  test('collects links and anchors (heading slugs as Astro makes them)', () => {
    expect(document.links.map((link) => link.url)).toEqual(['../02-x/#раздел', 'https://example.com/путь']);
    expect([...document.anchors]).toEqual(['_top', 'первый-раздел']);
  });

  test('the masked source keeps lines and columns and only prose', () => {
    const masked = maskedSource(lesson, document.segments);
    expect(masked.length).toBe(lesson.length);
    expect(masked.split('\n').length).toBe(lesson.split('\n').length);
    expect(masked).toContain('Текст с');
    expect(masked).not.toContain('SELECT');
    expect(masked).not.toContain('код');
  });

  test('entities and escapes are prose without a source character of their own', () => {
    const source = 'Слово &quot;в кавычках&quot; и \\*звёздочка.\n';
    const [segment] = readProse(source).segments;
    expect(segment!.text).toBe('Слово "в кавычках" и *звёздочка.');
    expect(segment!.map[6]).toBe(-1); // the decoded "
    expect(source[segment!.map[7]!]).toBe('в');
  });
});

test('readYamlProse reads title, description and covers of module.yaml', () => {
  const yaml = 'number: 4\ntitle: Паттерны\ndescription: >-\n  Длинное описание.\ncovers:\n  - первый пункт\n  - "второй пункт"\n';
  const segments = readYamlProse(yaml);
  expect(segments.map((segment) => [segment.origin, segment.text])).toEqual([
    ['title', 'Паттерны'],
    ['description', 'Длинное описание.'],
    ['covers[0]', 'первый пункт'],
    ['covers[1]', 'второй пункт'],
  ]);
  expect(yaml.slice(segments[3]!.map[0], segments[3]!.map.at(-1)! + 1)).toBe('второй пункт');
});
