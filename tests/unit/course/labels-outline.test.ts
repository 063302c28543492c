import { describe, expect, test } from 'vitest';
import { countLessons, formatMinutes, pluralRu } from '../../../src/course/labels.ts';
import { nearest } from '../../../src/course/nearest.ts';
import { buildOutline } from '../../../src/course/outline.ts';
import { findCycles } from '../../../src/course/graph.ts';

describe('labels', () => {
  test.each([
    [30, '30 мин'],
    [60, '1 ч'],
    [95, '1 ч 35 мин'],
    [240, '4 ч'],
  ])('%i minutes → %s', (minutes, text) => {
    expect(formatMinutes(minutes).replaceAll('\u00a0', ' ')).toBe(text);
  });

  test('units are bound to numbers with a non-breaking space', () => {
    expect(formatMinutes(30)).toBe('30\u00a0мин');
  });

  test.each([
    [1, 'урок'], [2, 'урока'], [4, 'урока'], [5, 'уроков'], [11, 'уроков'], [12, 'уроков'],
    [21, 'урок'], [22, 'урока'], [111, 'уроков'], [0, 'уроков'],
  ])('%i %s', (count, word) => {
    expect(pluralRu(count, ['урок', 'урока', 'уроков'])).toBe(word);
  });

  test('lesson counts', () => {
    expect(countLessons(6)).toBe('6\u00a0уроков');
  });
});

describe('outline', () => {
  const lessons = [
    { id: 'module-2/01-b', title: 'B', moduleNumber: 2, order: 1, estimatedTime: 40 },
    { id: 'module-1/02-a2', title: 'A2', moduleNumber: 1, order: 2, estimatedTime: 20 },
    { id: 'module-1/01-a1', title: 'A1', moduleNumber: 1, order: 1, estimatedTime: 30 },
  ];
  const modules = [
    { id: 'module-2', number: 2, title: 'Two' },
    { id: 'module-1', number: 1, title: 'One' },
  ];

  test('modules and lessons follow course order with totals', () => {
    const outline = buildOutline(modules, lessons);
    expect(outline.lessons.map((l) => l.id)).toEqual(['module-1/01-a1', 'module-1/02-a2', 'module-2/01-b']);
    expect(outline.modules.map((m) => [m.module.id, m.lessons.length, m.totalMinutes])).toEqual([
      ['module-1', 2, 50],
      ['module-2', 1, 40],
    ]);
    expect(outline.totalMinutes).toBe(90);
  });
});

describe('helpers', () => {
  test('nearest suggests close ids only', () => {
    expect(nearest('module-4/04-content-routing', ['module-4/04-content-based-routing', 'module-4/01-smt-overview'])).toBe('module-4/04-content-based-routing');
    expect(nearest('zzz', ['module-4/01-smt-overview'])).toBeUndefined();
  });

  test('each cycle is found once', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', ['a']],
    ]);
    expect(findCycles(edges)).toEqual([['a', 'b', 'c', 'a'], ['d', 'd']]);
  });
});
