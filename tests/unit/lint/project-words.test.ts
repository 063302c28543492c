// The course word list stays sorted (by code point, as `LC_ALL=C sort`), without duplicates
// or blank lines, so a merge never hides a word twice.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const PATH = new URL('../../../cspell/project-words.txt', import.meta.url);
const text = readFileSync(PATH, 'utf8');
const words = text.split('\n').slice(0, -1);

test('ends with a newline and has one word per line', () => {
  expect(text.endsWith('\n')).toBe(true);
  expect(words.filter((word) => word.trim() !== word || word === '' || /\s/.test(word))).toEqual([]);
});

test('is sorted and has no duplicates (fix: LC_ALL=C sort -u -o cspell/project-words.txt cspell/project-words.txt)', () => {
  const sorted = [...new Set(words)].sort();
  expect(words).toEqual(sorted);
});

test('holds the CDC terms the course relies on', () => {
  expect(words).toEqual(expect.arrayContaining(['Debezium', 'pgoutput', 'outbox', 'снапшот']));
});
