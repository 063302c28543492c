import { describe, expect, test } from 'vitest';
import type { GlossaryTerm } from '../../../src/course/glossary.ts';
import { parseMdx, readProse } from '../../../src/lint/prose.ts';
import { findTermUses, termMatcher, termsUsed, usePattern } from '../../../src/lint/term-uses.ts';

const term = (id: string, ru: string): GlossaryTerm => ({ id, ru, en: id, definition: 'Определение.', avoid: [] });
const matcher = termMatcher([
  term('replication-slot', 'слот репликации'),
  term('envelope', 'конверт'),
  term('converter', 'конвертер'),
  term('kafka-connect', 'Kafka Connect'),
  term('connect-rest-api', 'REST API Kafka Connect'),
  term('wal-level', 'wal_level'),
]);

describe('usePattern', () => {
  test('Russian words of four letters or more lose their vowel ending and take *', () => {
    expect(usePattern('слот репликации')).toBe('слот* репликац*');
    expect(usePattern('согласованность в конечном счёте')).toBe('согласованност* в конечном* счёт*');
    expect(usePattern('source-коннектор')).toBe('source-коннектор*');
  });
  test('a fleeting vowel before a final к or ц: снимок also finds снимка, снимков, снимке', () => {
    expect(usePattern('начальный снимок')).toBe('начальн* сним(ок|к)*');
    const snapshot = termMatcher([term('snapshot', 'снимок')]);
    expect(findTermUses('Снимок, снимка, снимков и снимке; снимать — не то', snapshot).map((use) => use.text)).toEqual(['Снимок', 'снимка', 'снимков', 'снимке']);
  });
  test('Latin words stay as written; identifiers the syntax cannot express get no pattern', () => {
    expect(usePattern('Kafka Connect')).toBe('Kafka Connect');
    expect(usePattern('wal_level')).toBeUndefined();
  });
});

describe('findTermUses', () => {
  test('finds inflected forms, the longer match and the more specific term winning', () => {
    const uses = findTermUses('Конвертеры и конверт; слоты репликации и REST API Kafka Connect', matcher);
    expect(uses.map((use) => [use.id, use.text])).toEqual([
      ['converter', 'Конвертеры'],
      ['envelope', 'конверт'],
      ['replication-slot', 'слоты репликации'],
      ['connect-rest-api', 'REST API Kafka Connect'],
    ]);
  });
  test('keeps the terminology lint exemptions: English in parentheses, identifiers, quotations', () => {
    expect(findTermUses('поле (Kafka Connect) и путь docs/конверт', matcher)).toEqual([]);
    expect(findTermUses('он сказал: слот репликации', matcher, [[0, 30]])).toEqual([]);
  });
});

test('termsUsed reads prose only: not code, inline code or frontmatter', () => {
  const source = '---\ntitle: Конверт\n---\n\n## Слот репликации\n\nТекст про `конверт` и\n\n```text\nконвертер\n```\n\nKafka Connect.\n';
  expect([...termsUsed(readProse(source, parseMdx(source)).segments, matcher)].sort()).toEqual(['kafka-connect', 'replication-slot']);
});
