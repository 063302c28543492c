// Pure: finds ```mermaid blocks in a page's hast tree (with their line and the nearest heading
// before them) and in raw Markdown text (for pre-rendering before Astro compiles the pages).
import type { Element, Root, RootContent } from 'hast';
import { isElement, textOf } from './svg-postprocess.ts';

export interface MermaidBlock {
  /** the <pre> element to replace */
  node: Element;
  parent: { children: RootContent[] };
  index: number;
  /** diagram text, normalised with normalizeSource */
  source: string;
  /** line of the opening fence in the source file, when known */
  line: number | undefined;
  /** text of the nearest heading (h1–h6) before the block, if any */
  heading: string | undefined;
}

/** Trailing whitespace and blank lines do not change a diagram; they must not change its key. */
export function normalizeSource(source: string): string {
  return source
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

function isMermaidCode(node: Element): boolean {
  const className = node.properties['className'];
  const classes = Array.isArray(className) ? className.map(String) : String(className ?? '').split(/\s+/);
  return node.tagName === 'code' && classes.includes('language-mermaid');
}

function mermaidCodeOf(pre: Element): Element | undefined {
  if (pre.tagName !== 'pre') return undefined;
  const elements = pre.children.filter(isElement);
  const [code] = elements;
  return elements.length === 1 && code && isMermaidCode(code) ? code : undefined;
}

type Parent = { children: RootContent[] };

function hasChildren(node: unknown): node is Parent {
  return typeof node === 'object' && node !== null && Array.isArray((node as { children?: unknown }).children);
}

/** All mermaid blocks of a page, in document order. */
export function findMermaidBlocks(tree: Root): MermaidBlock[] {
  const blocks: MermaidBlock[] = [];
  let heading: string | undefined;
  const visit = (parent: Parent) => {
    parent.children.forEach((child, index) => {
      if (isElement(child)) {
        if (/^h[1-6]$/.test(child.tagName)) {
          heading = textOf(child).replace(/\s+/g, ' ').trim() || heading;
          return;
        }
        const code = mermaidCodeOf(child);
        if (code) {
          blocks.push({ node: child, parent, index, source: normalizeSource(textOf(code)), line: child.position?.start.line, heading });
          return;
        }
      }
      if (hasChildren(child)) visit(child);
    });
  };
  visit(tree);
  return blocks;
}

const KINDS: [RegExp, string][] = [
  [/^(?:flowchart|graph)\b/, 'flowchart'],
  [/^sequenceDiagram\b/, 'sequence'],
  [/^stateDiagram(?:-v2)?\b/, 'state'],
  [/^classDiagram(?:-v2)?\b/, 'class'],
  [/^erDiagram\b/, 'er'],
  [/^gantt\b/, 'gantt'],
  [/^pie\b/, 'pie'],
  [/^journey\b/, 'journey'],
  [/^timeline\b/, 'timeline'],
  [/^mindmap\b/, 'mindmap'],
  [/^gitGraph\b/, 'git'],
  [/^architecture(?:-beta)?\b/, 'architecture'],
  [/^block(?:-beta)?\b/, 'block'],
];

/** The diagram type from its first meaningful line (after front matter, directives, comments). */
export function diagramKind(source: string): string {
  const lines = normalizeSource(source).split('\n');
  let i = 0;
  if (lines[0]?.trim() === '---') {
    i = lines.findIndex((line, n) => n > 0 && line.trim() === '---') + 1;
    if (i === 0) return 'unknown';
  }
  for (; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || line.startsWith('%%')) continue;
    for (const [pattern, kind] of KINDS) if (pattern.test(line)) return kind;
    return 'unknown';
  }
  return 'unknown';
}

export interface FencedDiagram {
  source: string;
  /** 1-based line of the opening fence */
  line: number;
}

/**
 * The ```mermaid / ~~~mermaid fences of a Markdown/MDX file, read from its text (the same
 * normalised source the rehype plugin will see for ordinary fences; used only to start
 * rendering early, so a fence this misses is simply rendered later).
 */
export function scanMermaidFences(text: string): FencedDiagram[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const found: FencedDiagram[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*mermaid\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const indent = (open[1] ?? '').length;
    const fence = open[2] ?? '```';
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`).test(line)) break;
      body.push(line.replace(new RegExp(`^ {0,${indent}}`), ''));
    }
    found.push({ source: normalizeSource(body.join('\n')), line: i + 1 });
    i = j;
  }
  return found;
}
