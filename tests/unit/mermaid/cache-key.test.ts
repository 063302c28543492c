import { expect, test } from 'vitest';
import { cacheKey, diagramId, stableStringify } from '../../../src/site/mermaid/cache-key.ts';

const base = { source: 'flowchart LR\n  A --> B', mermaidVersion: '12.3.0', rendererVersion: 2, options: { theme: 'base', themeVariables: { a: '#fff', b: '#000' } } };

test('stableStringify sorts keys at every level', () => {
  expect(stableStringify({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: undefined } })).toBe('{"a":{"d":[2,{"e":0,"f":1}]},"b":1}');
});

test('the key is stable and ignores key order', () => {
  expect(cacheKey(base)).toBe(cacheKey({ ...base, options: { themeVariables: { b: '#000', a: '#fff' }, theme: 'base' } }));
  expect(cacheKey(base)).toMatch(/^[0-9a-f]{64}$/);
});

test('the key changes with the source, the theme, mermaid and the renderer', () => {
  const key = cacheKey(base);
  expect(cacheKey({ ...base, source: 'flowchart LR\n  A --> C' })).not.toBe(key);
  expect(cacheKey({ ...base, mermaidVersion: '12.3.1' })).not.toBe(key);
  expect(cacheKey({ ...base, rendererVersion: 3 })).not.toBe(key);
  expect(cacheKey({ ...base, options: { ...base.options, themeVariables: { a: '#fff', b: '#111' } } })).not.toBe(key);
});

test('diagram ids are stable per source and valid in CSS selectors', () => {
  expect(diagramId('graph TD; A-->B')).toBe(diagramId('graph TD; A-->B'));
  expect(diagramId('graph TD; A-->B')).not.toBe(diagramId('graph TD; A-->C'));
  expect(diagramId('x')).toMatch(/^mmd-[0-9a-f]{12}$/);
});
