// Mermaid's own parser, run in Node without a browser: every diagram of every lesson is parsed
// before anything is rendered, so one run (npm run check, astro build) lists all invalid
// diagrams at once. mermaid.parse() only needs DOMPurify's hook API, which DOMPurify leaves out
// without a DOM; a pass-through stand-in is enough for parsing (nothing is rendered here).
import { readdirSync, readFileSync } from 'node:fs';
import DOMPurify from 'dompurify';
import mermaid from 'mermaid';
import { join, relative } from 'node:path';
import type { Problem } from '../../course/problems.ts';
import { scanMermaidFences } from './blocks.ts';
import { diagramLineFromMessage } from './errors.ts';

// Imported statically: Astro loads its config (and this module) through Vite's module runner,
// which is closed by the time the integration's hooks run, so a dynamic import() there fails.
const purify = DOMPurify as unknown as Record<string, unknown>;
if (typeof purify.addHook !== 'function') {
  Object.assign(purify, { addHook() {}, removeHook() {}, removeHooks() {}, removeAllHooks() {}, sanitize: (text: unknown) => String(text) });
}

/** undefined when mermaid parses the diagram, else mermaid's message. */
export async function diagramSyntaxError(source: string): Promise<string | undefined> {
  if (source.trim() === '') return 'the mermaid block is empty';
  try {
    await mermaid.parse(source);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export interface DiagramSyntaxProblem extends Problem {
  /** mermaid's message as it gave it */
  mermaidMessage: string;
  /** line of the block's opening fence */
  fenceLine: number;
}

/** Every invalid ```mermaid block of one file, with the line mermaid points at. */
export async function checkDiagramSyntax(file: string, text: string, knownValid?: (source: string) => boolean): Promise<DiagramSyntaxProblem[]> {
  const problems: DiagramSyntaxProblem[] = [];
  for (const fence of scanMermaidFences(text)) {
    if (fence.source !== '' && knownValid?.(fence.source)) continue;
    const message = await diagramSyntaxError(fence.source);
    if (message === undefined) continue;
    const inner = diagramLineFromMessage(message);
    problems.push({
      file,
      line: inner === undefined ? fence.line : fence.line + inner,
      field: 'mermaid',
      value: (fence.source.split('\n')[inner === undefined ? 0 : inner - 1] ?? '').trim(),
      message: `invalid Mermaid diagram (the block at line ${fence.line}): ${message.trim().split('\n').join('\n    ')}`,
      fix: 'correct the diagram syntax (https://mermaid.js.org/intro/syntax-reference.html); the build renders nothing until it parses',
      mermaidMessage: message,
      fenceLine: fence.line,
    });
  }
  return problems;
}

/** The lesson files Astro's loader reads (**\/[^_]*.{md,mdx}) below `dir`, as absolute paths. */
export function lessonFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((name) => /(^|\/)[^_/][^/]*\.(md|mdx)$/.test(name))
      .sort()
      .map((name) => join(dir, name));
  } catch {
    return [];
  }
}

/** Every invalid diagram of every lesson below `dir`; file names relative to `root`.
 * `knownValid` skips diagrams already rendered (in the cache): they parsed then. */
export async function checkCourseDiagrams(root: string, dir: string, knownValid?: (source: string) => boolean): Promise<DiagramSyntaxProblem[]> {
  const problems: DiagramSyntaxProblem[] = [];
  for (const path of lessonFiles(dir)) problems.push(...(await checkDiagramSyntax(relative(root, path), readFileSync(path, 'utf8'), knownValid)));
  return problems;
}
