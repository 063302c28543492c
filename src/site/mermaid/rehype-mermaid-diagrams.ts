// Rehype plugin: replaces each ```mermaid block with its SVG, rendered at build time. An
// invalid diagram fails the page with the file, the line and mermaid's message.
import { relative } from 'node:path';
import type { Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { VFile } from 'vfile';
import { diagramKind, findMermaidBlocks } from './blocks.ts';
import type { CachedDiagram } from './cache.ts';
import { DiagramError, formatDiagramError } from './errors.ts';
import { labelSplitProblem } from './label-splits.ts';
import { formatProblem } from '../../course/problems.ts';
import { diagramFigureHtml, renameDiagramId } from './markup.ts';
import { accessibleNames } from './naming.ts';
import { isOpening, OPENING_DIAGRAM_KEY, textLengthBefore } from './opening.ts';
import { sharedDiagramService } from './service.ts';

/** What the plugin needs from a renderer (the build's DiagramService, or a stub in tests). */
export interface DiagramSource {
  get(source: string): Promise<CachedDiagram>;
  warn?: ((message: string) => void) | undefined;
}

export interface RehypeMermaidOptions {
  /** defaults to the build's shared service */
  service?: DiagramSource;
  /** called for diagrams without accTitle (their name is derived) */
  warn?: (message: string) => void;
  /**
   * How the diagram enters the tree. 'mdx-fragment' hands MDX the finished HTML as
   * `<Fragment set:html>`: Astro's MDX pipeline would otherwise turn the SVG's <style> into a
   * literal `set:html` attribute (rehype-collapse-script-style + optimize). Default: by file
   * extension (.mdx → 'mdx-fragment', else 'hast').
   */
  output?: 'hast' | 'mdx-fragment';
}

/** The figure as hast, for plain Markdown pages. */
function htmlElement(html: string): RootContent {
  const [element] = fromHtml(html, { fragment: true }).children;
  return element as RootContent;
}

/** An MDX node that renders an HTML string as is. */
function htmlFragment(html: string): RootContent {
  return {
    type: 'mdxJsxFlowElement',
    name: 'Fragment',
    attributes: [{ type: 'mdxJsxAttribute', name: 'set:html', value: html }],
    children: [],
  } as unknown as RootContent;
}

function pageTitle(file: VFile): string | undefined {
  const data = file.data as { astro?: { frontmatter?: { title?: unknown } } };
  const title = data.astro?.frontmatter?.title;
  return typeof title === 'string' ? title : undefined;
}

/** Astro hands `file.data.astro.frontmatter` to pages as remarkPluginFrontmatter. */
function setFrontmatter(file: VFile, key: string, value: string): void {
  const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
  data.astro ??= {};
  data.astro.frontmatter ??= {};
  data.astro.frontmatter[key] = value;
}

export function rehypeMermaidDiagrams(options: RehypeMermaidOptions = {}) {
  return async function transform(tree: Root, file: VFile): Promise<void> {
    const blocks = findMermaidBlocks(tree);
    if (blocks.length === 0) return;
    const service = options.service ?? sharedDiagramService();
    const path = file.path ? relative(file.cwd || process.cwd(), file.path) : '<unknown file>';

    const settled = await Promise.allSettled(
      blocks.map((block) =>
        block.source.trim() === ''
          ? Promise.reject(new DiagramError('the mermaid block is empty'))
          : service.get(block.source),
      ),
    );
    const messages: string[] = [];
    settled.forEach((result, i) => {
      if (result.status === 'fulfilled') return;
      const reason: unknown = result.reason;
      if (!(reason instanceof DiagramError)) throw reason; // no browser, crash: not the author's fault
      messages.push(formatDiagramError({ file: path, fenceLine: blocks[i]?.line }, reason.message));
    });
    settled.forEach((result, i) => {
      const splits = result.status === 'fulfilled' ? result.value.splitLabels : undefined;
      if (splits?.length) messages.push(formatProblem(labelSplitProblem(path, blocks[i]?.line, splits)));
    });
    if (messages.length > 0) {
      const error = new DiagramError(messages.join('\n\n'));
      Object.assign(error, { file: file.path, line: blocks.find((_, i) => settled[i]?.status === 'rejected' || (settled[i] as PromiseFulfilledResult<CachedDiagram>).value?.splitLabels?.length)?.line });
      throw error;
    }

    const diagrams = settled.map((result) => (result as PromiseFulfilledResult<CachedDiagram>).value);
    const names = accessibleNames(
      diagrams.map((diagram, i) => ({
        title: diagram.title,
        kind: diagramKind(blocks[i]?.source ?? ''),
        heading: blocks[i]?.heading,
        pageTitle: pageTitle(file),
      })),
    );
    // Measured before the blocks are replaced: the first diagram's place on the page.
    const opening = isOpening(textLengthBefore(tree, blocks[0]!.node));
    const output = options.output ?? (/\.mdx$/i.test(file.path ?? '') ? 'mdx-fragment' : 'hast');
    const used = new Map<string, number>();
    diagrams.forEach((diagram, i) => {
      const block = blocks[i];
      if (!block) return;
      if (!diagram.title) {
        (options.warn ?? service.warn)?.(`${path}:${block.line ?? '?'}: mermaid diagram without accTitle; named «${names[i]}»`);
      }
      const copies = (used.get(diagram.id) ?? 0) + 1;
      used.set(diagram.id, copies);
      const id = copies === 1 ? diagram.id : `${diagram.id}-${copies}`;
      const html = diagramFigureHtml({
        svg: copies === 1 ? diagram.svg : renameDiagramId(diagram.svg, diagram.id, id),
        id,
        name: names[i] ?? 'Диаграмма',
        description: diagram.description,
        kind: diagramKind(block.source),
      });
      block.parent.children[block.index] = output === 'mdx-fragment' ? htmlFragment(html) : htmlElement(html);
      if (i === 0 && opening) setFrontmatter(file, OPENING_DIAGRAM_KEY, id);
    });
  };
}
