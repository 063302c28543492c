import { expect, test } from 'vitest';
import { checkDiagramSyntax, diagramSyntaxError } from '../../../src/site/mermaid/syntax.ts';

const fence = '```';

test("mermaid's own parser runs in Node: valid diagrams of several kinds pass", async () => {
  for (const source of ['flowchart TB\n  a["x<br/>y"] --> b', 'sequenceDiagram\n  A->>B: hi', 'stateDiagram-v2\n  [*] --> A', 'erDiagram\n  A ||--o{ B : has']) {
    expect(await diagramSyntaxError(source)).toBeUndefined();
  }
});

test('every invalid diagram of a file is reported, at the line mermaid points at', async () => {
  const text = ['# T', '', `${fence}mermaid`, 'flowchart LR', '  A --> --> B', fence, '', `${fence}mermaid`, 'flowchart LR', '  A --> B', fence, '', `${fence}mermaid`, 'nonsense here', fence].join('\n');
  const problems = await checkDiagramSyntax('a.mdx', text);
  expect(problems.map((p) => [p.line, p.fenceLine, p.field])).toEqual([
    [5, 3, 'mermaid'],
    [13, 13, 'mermaid'],
  ]);
  expect(problems[0]?.message).toContain('Parse error on line 2');
  expect(problems[0]?.value).toBe('A --> --> B');
});

test('diagrams known to be valid (rendered before) are not parsed again', async () => {
  const text = [`${fence}mermaid`, 'flowchart LR', '  A --> --> B', fence].join('\n');
  expect(await checkDiagramSyntax('a.mdx', text, () => true)).toEqual([]);
});
