import type { Root } from 'hast';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { expect, test } from 'vitest';
import { diagramKind, findMermaidBlocks, normalizeSource, scanMermaidFences } from '../../../src/site/mermaid/blocks.ts';

function hast(markdown: string): Root {
  const processor = unified().use(remarkParse).use(remarkRehype);
  return processor.runSync(processor.parse(markdown)) as Root;
}

const LESSON = [
  '## Архитектура', // 1
  '', // 2
  '```mermaid', // 3
  'flowchart LR   ', // 4
  '  A --> B', // 5
  '```', // 6
  '', // 7
  '```sql', // 8
  'SELECT 1;', // 9
  '```', // 10
  '', // 11
  '### Поток', // 12
  '', // 13
  '> ```mermaid', // 14
  '> sequenceDiagram', // 15
  '>   A->>B: hi', // 16
  '> ```', // 17
  '', // 18
  '- пункт', // 19
  '', // 20
  '  ~~~mermaid', // 21
  '  stateDiagram-v2', // 22
  '    [*] --> S', // 23
  '  ~~~', // 24
].join('\n');

test('finds every mermaid block with its fence line and nearest heading', () => {
  const blocks = findMermaidBlocks(hast(LESSON));
  expect(blocks.map(({ source, line, heading }) => ({ source, line, heading }))).toEqual([
    { source: 'flowchart LR\n  A --> B', line: 3, heading: 'Архитектура' },
    { source: 'sequenceDiagram\n  A->>B: hi', line: 14, heading: 'Поток' },
    { source: 'stateDiagram-v2\n  [*] --> S', line: 21, heading: 'Поток' },
  ]);
  for (const block of blocks) expect(block.parent.children[block.index]).toBe(block.node);
});

test('the text scan sees the same sources as the page (so pre-rendering hits)', () => {
  const scanned = scanMermaidFences(LESSON);
  expect(scanned.map((fence) => fence.line)).toEqual([3, 21]); // a fence inside a quote is left to the page
  const fromPage = findMermaidBlocks(hast(LESSON)).map((block) => block.source);
  for (const fence of scanned) expect(fromPage).toContain(fence.source);
});

test('normalises line endings and trailing blanks only', () => {
  expect(normalizeSource('\r\nflowchart LR \r\n  A-->B\t\r\n\r\n')).toBe('flowchart LR\n  A-->B');
});

test('tells the diagram type after front matter, directives and comments', () => {
  expect(diagramKind('---\ntitle: x\n---\nflowchart TB\n A-->B')).toBe('flowchart');
  expect(diagramKind('%%{init: {"theme": "dark"}}%%\n%% comment\nsequenceDiagram')).toBe('sequence');
  expect(diagramKind('graph TD')).toBe('flowchart');
  expect(diagramKind('erDiagram')).toBe('er');
  expect(diagramKind('stateDiagram-v2')).toBe('state');
  expect(diagramKind('nonsense')).toBe('unknown');
});
