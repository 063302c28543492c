import { expect, test } from 'vitest';
import { arrowPath, layoutCourseMap, MAP, wrapTitle } from '../../../src/course/course-map.ts';

const lesson = (id: string, order: number, prerequisites: string[] = []) => ({ id, title: `Урок ${id}`, order, prerequisites });

test('modules are bands from top to bottom, lessons a grid of three per row; every prerequisite is an arrow', () => {
  const layout = layoutCourseMap([
    { id: 'module-1', number: 1, title: 'Основы', lessons: [lesson('module-1/01-a', 1), lesson('module-1/02-b', 2, ['module-1/01-a']), lesson('module-1/03-c', 3, ['module-1/01-a']), lesson('module-1/04-d', 4, ['module-1/03-c'])] },
    { id: 'module-2', number: 2, title: 'Пусто', lessons: [] },
    { id: 'module-4', number: 4, title: 'SMT', lessons: [lesson('module-4/01-e', 1, ['module-1/04-d'])] },
  ]);
  expect(layout.bands.map((band) => [band.id, band.label])).toEqual([
    ['module-1', 'Модуль 1. Основы'],
    ['module-4', 'Модуль 4. SMT'],
  ]);
  expect(layout.nodes.map((node) => node.number)).toEqual(['1.1', '1.2', '1.3', '1.4', '4.1']);
  const [a, b, c, d, e] = layout.nodes;
  expect([b!.y, c!.y]).toEqual([a!.y, a!.y]);
  expect(d!.y).toBe(a!.y + MAP.nodeHeight + MAP.gapY);
  expect(e!.y).toBeGreaterThan(layout.bands[0]!.y + layout.bands[0]!.height);
  expect(layout.edges.map((edge) => `${edge.from}→${edge.to}`)).toEqual([
    'module-1/01-a→module-1/02-b',
    'module-1/01-a→module-1/03-c',
    'module-1/03-c→module-1/04-d',
    'module-1/04-d→module-4/01-e',
  ]);
  expect(layout.height).toBe(layout.bands[1]!.y + layout.bands[1]!.height);
});

test('arrows: neighbours side to side, further in a row over the boxes, otherwise down', () => {
  const box = (x: number, y: number) => ({ x, y, width: 200, height: 76 });
  expect(arrowPath(box(0, 0), box(240, 0))).toBe('M200,38 L240,38');
  expect(arrowPath(box(0, 0), box(480, 0))).toMatch(/^M100,0 C100,-24 580,-24 580,0$/);
  expect(arrowPath(box(0, 0), box(240, 200))).toBe('M100,76 C100,138 340,138 340,200');
});

test('titles wrap at spaces into three lines at most, the rest cut with …', () => {
  expect(wrapTitle('Outbox Pattern: реализация с Outbox Event Router')).toEqual(['Outbox Pattern:', 'реализация с Outbox Event', 'Router']);
  const long = wrapTitle('один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать тринадцать');
  expect(long).toHaveLength(3);
  expect(long[2]!.endsWith('…')).toBe(true);
  expect(long.every((line) => line.length <= MAP.lineChars)).toBe(true);
});
