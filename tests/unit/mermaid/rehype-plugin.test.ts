import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { expect, test } from 'vitest';
import type { CachedDiagram } from '../../../src/site/mermaid/cache.ts';
import { DiagramError } from '../../../src/site/mermaid/errors.ts';
import { rehypeMermaidDiagrams, type DiagramSource } from '../../../src/site/mermaid/rehype-mermaid-diagrams.ts';

function stub(render: (source: string) => CachedDiagram | Error): DiagramSource & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    warn: (message) => warnings.push(message),
    get: async (source) => {
      const result = render(source);
      if (result instanceof Error) throw result;
      return result;
    },
  };
}

const diagram = (id: string, title?: string): CachedDiagram => ({
  svg: `<svg id="${id}" aria-hidden="true"><g id="${id}-n"></g></svg>`,
  id,
  width: 100,
  height: 50,
  title,
  description: title ? `Описание ${title}` : undefined,
  kind: 'flowchart-v2',
});

async function run(markdown: string, service: DiagramSource, path = '/repo/src/content/course/01-module-1/01-a.md') {
  const file = new VFile({ path, cwd: '/repo', value: markdown });
  const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeMermaidDiagrams, { service }).use(rehypeStringify);
  return String(await processor.process(file));
}

test('replaces mermaid blocks with named diagrams and leaves other code alone', async () => {
  const service = stub((source) => diagram(source.includes('B') ? 'mmd-b' : 'mmd-a', source.includes('B') ? 'Схема B' : undefined));
  const html = await run('## Раздел\n\n```mermaid\nflowchart LR\n  A-->A\n```\n\n```mermaid\nflowchart LR\n  B-->B\n```\n\n```sql\nSELECT 1;\n```\n', service);
  expect(html).toContain('role="img" aria-label="Блок-схема: Раздел" tabindex="0"><svg id="mmd-a"');
  expect(html).toContain('aria-label="Схема B" tabindex="0" aria-describedby="mmd-b-desc"');
  expect(html).toContain('<code class="language-sql">');
  expect(html).not.toContain('language-mermaid');
  expect(service.warnings).toEqual(['src/content/course/01-module-1/01-a.md:3: mermaid diagram without accTitle; named «Блок-схема: Раздел»']);
});

test('the same diagram twice on a page gets distinct ids', async () => {
  const html = await run('```mermaid\nflowchart LR\n  A-->A\n```\n\n```mermaid\nflowchart LR\n  A-->A\n```\n', stub(() => diagram('mmd-a', 'A')));
  expect(html).toContain('<svg id="mmd-a" ');
  expect(html).toContain('<svg id="mmd-a-2" ');
  expect(html).toContain('<g id="mmd-a-2-n">');
});

test('an invalid diagram fails with the file, the line and mermaid’s message', async () => {
  const service = stub(() => new DiagramError("Parse error on line 2:\n...A --> -->\nExpecting 'NODE_STRING', got 'LINK'"));
  await expect(run('# T\n\ntext\n\n```mermaid\nflowchart LR\n  A --> -->\n```\n', service)).rejects.toThrow(
    /Invalid Mermaid diagram at src\/content\/course\/01-module-1\/01-a\.md:7 \(line 2 of the mermaid block that starts at line 5\):\nParse error on line 2:[\s\S]*Expecting 'NODE_STRING'/,
  );
});

test('an empty block fails too', async () => {
  await expect(run('```mermaid\n\n```\n', stub(() => diagram('x')))).rejects.toThrow(/01-a\.md:1 .*\n.*empty/);
});

test('a missing browser is reported as it is, not as a diagram error', async () => {
  await expect(run('```mermaid\ngraph TD\n```\n', stub(() => new Error('no browser: npx playwright-core install chromium')))).rejects.toThrow(/^no browser/);
});

test('in MDX files the figure is handed over as <Fragment set:html>', async () => {
  const service = stub(() => diagram('mmd-a', 'A'));
  const file = new VFile({ path: '/repo/x.mdx', cwd: '/repo', value: '```mermaid\ngraph TD\n```\n' });
  const processor = unified().use(remarkParse).use(remarkRehype).use(rehypeMermaidDiagrams, { service });
  const tree = (await processor.run(processor.parse(file), file)) as { children: { type: string; name?: string; attributes?: { name: string; value: string }[] }[] };
  const fragment = tree.children.find((node) => node.type === 'mdxJsxFlowElement');
  expect(fragment?.name).toBe('Fragment');
  expect(fragment?.attributes?.[0]?.name).toBe('set:html');
  expect(fragment?.attributes?.[0]?.value).toContain('<svg id="mmd-a"');
});

test('a diagram after a short introduction is reported as the page’s opening diagram', async () => {
  const service = stub((source) => diagram(source.includes('B') ? 'mmd-b' : 'mmd-a', 'A'));
  const opening = async (markdown: string) => {
    const file = new VFile({ path: '/repo/x.md', cwd: '/repo', value: markdown });
    await unified().use(remarkParse).use(remarkRehype).use(rehypeMermaidDiagrams, { service }).use(rehypeStringify).process(file);
    return (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter?.openingDiagram;
  };
  expect(await opening('Короткое введение.\n\n```mermaid\nflowchart LR\n  A-->A\n```\n\n```mermaid\nflowchart LR\n  B-->B\n```\n')).toBe('mmd-a');
  expect(await opening(`${'Длинный абзац. '.repeat(100)}\n\n\`\`\`mermaid\nflowchart LR\n  A-->A\n\`\`\`\n`)).toBeUndefined();
});

test('a diagram whose label lines cut a word fails with the file, the fence line and the cut words', async () => {
  const service = stub(() => ({ ...diagram('mmd-a', 'A'), splitLabels: ['outbox_publicati|on'] }));
  await expect(run('# T\n\n```mermaid\nflowchart LR\n  A["outbox_publication"]\n```\n', service)).rejects.toThrow(
    /src\/content\/course\/01-module-1\/01-a\.md:3 mermaid label = "outbox_publicati\|on"\n {4}a diagram label line breaks inside a word/,
  );
});
