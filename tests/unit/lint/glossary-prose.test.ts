// The glossary is prose for lint:content and fix:typography: `ru` and `definition` of each term,
// mapped back to the YAML source; ids, English terms and avoid lists are not prose.
import { describe, expect, test } from 'vitest';
import { fixTypography, readDocument } from '../../../src/lint/lint-content.ts';
import { lineColumn, readGlossaryProse, sourceOffset } from '../../../src/lint/prose.ts';
import { checkSegment } from '../../../src/lint/typography.ts';

const yaml = `- id: snapshot
  ru: снимок
  en: snapshot
  definition: 'Чтение таблиц, с которого коннектор начинает работу,
    прежде чем перейти к "потоку" изменений - из WAL.'
  avoid: [снапшот*]
  plannedIn: module-2
`;

describe('readGlossaryProse', () => {
  const segments = readGlossaryProse(yaml);

  test('takes ru and definition of each term, named after the term', () => {
    expect(segments.map((segment) => [segment.origin, segment.text])).toEqual([
      ['snapshot ru', 'снимок'],
      ['snapshot definition', 'Чтение таблиц, с которого коннектор начинает работу, прежде чем перейти к "потоку" изменений - из WAL.'],
    ]);
  });

  test('maps a folded multi-line definition back to its lines', () => {
    const definition = segments[1]!;
    const at = definition.text.indexOf('"потоку"');
    expect(lineColumn(yaml, sourceOffset(definition, at))).toEqual({ line: 5, column: 26 });
  });

  test('a non-list file has no prose', () => {
    expect(readGlossaryProse('id: a\n')).toEqual([]);
  });
});

test('typography of a definition is checked and fixed in the YAML', () => {
  const file = { file: 'src/content/glossary/terms.yaml', absolute: '/terms.yaml', source: yaml, glossary: true as const };
  const issues = readDocument(file).segments.flatMap((segment) => checkSegment(segment));
  expect(issues.map((issue) => issue.kind).sort()).toEqual(['dash', 'quotes', 'quotes']);
  const { text, applied } = fixTypography(file);
  expect(applied).toBe(3);
  expect(text).toContain('прежде чем перейти к «потоку» изменений — из WAL.');
  expect(text).toContain('avoid: [снапшот*]');
});
