import { expect, test } from 'vitest';
import { accessibleNames, baseName, kindLabel } from '../../../src/site/mermaid/naming.ts';

const page = { pageTitle: 'Outbox Pattern: теория' };

test('accTitle is the name when given', () => {
  expect(baseName({ title: '  Путь события  ', kind: 'flowchart', heading: 'Раздел', ...page })).toBe('Путь события');
});

test('without accTitle the name comes from the type and the nearest heading', () => {
  expect(baseName({ title: undefined, kind: 'sequence', heading: 'Обмен сообщениями', ...page })).toBe('Диаграмма последовательности: Обмен сообщениями');
});

test('without a heading the page title is used, then the type alone', () => {
  expect(baseName({ title: undefined, kind: 'state', heading: undefined, ...page })).toBe('Диаграмма состояний: Outbox Pattern: теория');
  expect(baseName({ title: undefined, kind: 'mystery', heading: undefined, pageTitle: undefined })).toBe('Диаграмма');
  expect(kindLabel('er')).toBe('ER-диаграмма');
});

test('diagrams that would share a name are numbered from the second', () => {
  const names = accessibleNames([
    { title: undefined, kind: 'flowchart', heading: 'Архитектура', ...page },
    { title: undefined, kind: 'flowchart', heading: 'Архитектура', ...page },
    { title: 'Своё имя', kind: 'flowchart', heading: 'Архитектура', ...page },
  ]);
  expect(names).toEqual(['Блок-схема: Архитектура', 'Блок-схема: Архитектура (2)', 'Своё имя']);
});
