// The glossary's avoid syntax: stems, ending groups and phrases, matched case-insensitively on
// word boundaries, «ё» as «е»; everything that is not part of the syntax is rejected.
import { describe, expect, test } from 'vitest';
import { compileAvoid, findAvoided } from '../../../src/course/avoid-pattern.ts';

function matches(pattern: string, text: string): string[] {
  const compiled = compileAvoid(pattern);
  if (!compiled.ok) throw new Error(compiled.reason);
  return findAvoided(compiled.regex, text).map((match) => match.text);
}

describe('inflections', () => {
  test('a stem with * takes every ending', () => {
    expect(matches('снапшот*', 'Снапшот, снапшота, снапшоту, снапшотом, снапшоты, снапшотами.')).toEqual(['Снапшот', 'снапшота', 'снапшоту', 'снапшотом', 'снапшоты', 'снапшотами']);
  });

  test('a group lists endings; the longest one wins', () => {
    expect(matches('тем(а|ы|у|ой|ами) Kafka', 'темы Kafka, темой Kafka, темами Kafka')).toEqual(['темы Kafka', 'темой Kafka', 'темами Kafka']);
    expect(matches('тем(а|ы) Kafka', 'тема урока, тем Kafka')).toEqual([]);
  });

  test('an empty alternative makes a part optional', () => {
    expect(matches('change event(|s)', 'change event, change events, change eventual')).toEqual(['change event', 'change events']);
  });

  test('ё and е are one letter, in the pattern and in the text', () => {
    expect(matches('зачёт*', 'зачет, ЗАЧЁТА')).toEqual(['зачет', 'ЗАЧЁТА']);
    expect(matches('зачет*', 'зачёт')).toEqual(['зачёт']);
  });
});

describe('word boundaries', () => {
  test('a match is never part of a longer word', () => {
    expect(matches('тема', 'системах, тематика, тема')).toEqual(['тема']);
    expect(matches('консьюмер*', 'суперконсьюмер, консьюмеры')).toEqual(['консьюмеры']);
  });

  test('an apostrophe or hyphen ending does not hide the word', () => {
    expect(matches('change event', "change event'ы, change event-ов")).toEqual(['change event', 'change event']);
  });

  test('an apostrophe in the pattern matches both apostrophes', () => {
    expect(matches("event'ы", 'event’ы и event\'ы')).toEqual(['event’ы', "event'ы"]);
  });

  test('matching ignores case', () => {
    expect(matches('в production', 'В Production и в PRODUCTION')).toEqual(['В Production', 'в PRODUCTION']);
  });
});

describe('phrases', () => {
  test('words of a phrase are separated by any whitespace, a non-breaking space or a line break', () => {
    expect(matches('шаблон* outbox', 'шаблона outbox, шаблону\u00A0Outbox, шаблоном\noutbox')).toEqual(['шаблона outbox', 'шаблону\u00A0Outbox', 'шаблоном\noutbox']);
  });

  test('a phrase needs all its words: one word alone is no match', () => {
    expect(matches('шаблон* outbox', 'шаблон строки; паттерн outbox')).toEqual([]);
    expect(matches('рабоч* процесс* Connect', 'рабочего процесса Connect; рабочий процесс')).toEqual(['рабочего процесса Connect']);
  });

  test('a hyphen is literal', () => {
    expect(matches('Kafka-производител*', 'Kafka-производители и производители')).toEqual(['Kafka-производители']);
  });
});

describe('syntax errors', () => {
  test.each([
    ['', 'empty'],
    ['снап*шот', '"*" may only end a word'],
    ['*', 'stem'],
    ['тем(а|ы', 'not closed'],
    ['тем(а)', 'alternatives separated by "|"'],
    ['тем((а|ы))', 'cannot nest'],
    ['тема|темы', 'outside a group'],
    ['снапшот.+', 'not part of the avoid syntax'],
    ['[сс]напшот', 'not part of the avoid syntax'],
  ])('%j is rejected (%s)', (pattern, reason) => {
    const compiled = compileAvoid(pattern);
    expect(compiled.ok).toBe(false);
    if (!compiled.ok) expect(compiled.reason).toContain(reason);
  });
});
