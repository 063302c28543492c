import { expect, test } from 'vitest';
import { continueText, importFailedText, importedText, summaryText } from '../../../src/site/progress/messages.ts';

test('summary', () => {
  expect(summaryText(2, 6)).toBe('Пройдено уроков: 2 из 6');
});

test.each([
  ['course', 0, 'Урок', 'Начать курс: Урок'],
  ['course', 3, 'Урок', 'Продолжить: Урок'],
  ['module', 0, 'Урок', 'Начать модуль: Урок'],
  ['module', 1, 'Урок', 'Продолжить модуль: Урок'],
  ['course', 6, undefined, 'Все уроки курса пройдены.'],
  ['module', 6, undefined, 'Все уроки модуля пройдены.'],
] as const)('%s, %i done, next %s → %s', (scope, done, next, text) => {
  expect(continueText(scope, done, next)).toBe(text);
});

test('import messages', () => {
  expect(importedText(5, 2, 0)).toBe('Прогресс загружен. Пройденных уроков в файле: 5, новых для этого браузера: 2.');
  expect(importedText(5, 0, 1)).toContain('Пропущено отметок об уроках, которых нет в курсе: 1.');
  expect(importFailedText('Файл пустой.')).toBe('Прогресс не загружен, отметки в этом браузере не изменились. Файл пустой.');
});
