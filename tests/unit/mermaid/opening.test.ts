import { expect, test } from 'vitest';
import { OPENING_TEXT_CHARS, isOpening, textLengthBefore } from '../../../src/site/mermaid/opening.ts';

const text = (value: string) => ({ type: 'text', value });
const target = { type: 'element', children: [text('inside does not count')] };

test('counts the text before the target, whitespace collapsed', () => {
  const tree = { type: 'root', children: [{ type: 'element', children: [text('  Два   слова  ')] }, target, text('after')] };
  expect(textLengthBefore(tree, target)).toBe('Два слова'.length);
  expect(textLengthBefore(tree, { type: 'element' })).toBeUndefined();
});

test('a diagram after a short introduction opens the page; one further down does not', () => {
  expect(isOpening(0)).toBe(true);
  expect(isOpening(OPENING_TEXT_CHARS)).toBe(true);
  expect(isOpening(OPENING_TEXT_CHARS + 1)).toBe(false);
  expect(isOpening(undefined)).toBe(false);
});
