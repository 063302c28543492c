// Code blocks of an MDX lesson, read with remark (mdast), with their language, meta
// attributes and line, so checks can run or validate exactly what students see.
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Code } from 'mdast';

export interface CodeBlock {
  file: string;
  /** Line of the opening fence (1-based). */
  line: number;
  lang: string;
  /** Raw meta string after the language. */
  meta: string;
  /** `key="value"` pairs of the meta string; bare words map to true. */
  attributes: Record<string, string | true>;
  value: string;
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx);

/** The lesson's mdast (MDX with frontmatter). */
export function parseLesson(source: string): ReturnType<typeof parser.parse> {
  return parser.parse(source);
}

export function toCodeBlock(node: Code, file: string): CodeBlock {
  const meta = node.meta ?? '';
  return {
    file,
    line: node.position?.start.line ?? 0,
    lang: (node.lang ?? '').toLowerCase(),
    meta,
    attributes: parseMeta(meta),
    value: node.value,
  };
}

export function extractCodeBlocks(source: string, file: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  visit(parseLesson(source), 'code', (node) => {
    blocks.push(toCodeBlock(node, file));
  });
  return blocks;
}

/** `nocheck="why" title='x' frame=none {1,3}` → { nocheck: 'why', title: 'x', frame: 'none', '{1,3}': true } */
export function parseMeta(meta: string): Record<string, string | true> {
  const attributes: Record<string, string | true> = {};
  const pattern = /([\w:-]+)=(?:"([^"]*)"|'([^']*)'|(\S+))|(\S+)/g;
  for (const match of meta.matchAll(pattern)) {
    if (match[5] !== undefined) attributes[match[5]] = true;
    else attributes[match[1]!] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return attributes;
}
