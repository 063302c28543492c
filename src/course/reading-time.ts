// How long a lesson takes, estimated from its MDX: prose words at 150 a minute (technical
// Russian), code lines at 30 a minute, 2 minutes per lab step. check:content prints the estimate
// per lesson and warns when it exceeds the lesson's estimatedTime by more than 25 %. Pure: the
// source is parsed and its prose read by src/lint/prose.ts (the parser and prose rules the
// content lint uses), so "prose" means the same thing in both checks.
import type { Nodes, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { countWords, OPAQUE, parseMdx, PROSE_FIELDS, readProse } from '../lint/prose.ts';
import type { Problem } from './problems.ts';

export const WORDS_PER_MINUTE = 150;
export const CODE_LINES_PER_MINUTE = 30;
export const MINUTES_PER_STEP = 2;
/** An estimate this much above estimatedTime (25 %) is a warning. */
export const TOLERANCE = 0.25;

export interface LessonMeasure {
  /** Prose words of the body (frontmatter left out); each inline code counts as one word. */
  words: number;
  /** Non-blank lines of code blocks, Mermaid diagrams left out. */
  codeLines: number;
  /** Items of the numbered lists directly inside <Steps>. */
  steps: number;
}

/** Minutes for a lesson: words / 150 + code lines / 30 + 2 × steps, unrounded. */
export function readingMinutes(measure: LessonMeasure): number {
  return measure.words / WORDS_PER_MINUTE + measure.codeLines / CODE_LINES_PER_MINUTE + measure.steps * MINUTES_PER_STEP;
}

export function measureLesson(source: string, tree: Root = parseMdx(source)): LessonMeasure {
  const frontmatter = new Set<string>(PROSE_FIELDS);
  let words = 0;
  for (const segment of readProse(source, tree).segments) {
    if (frontmatter.has(segment.origin.replace(/\[\d+\]$/, ''))) continue;
    words += countWords(segment.text) + segment.text.split(OPAQUE).length - 1;
  }
  let codeLines = 0;
  let steps = 0;
  visit(tree, (node: Nodes) => {
    if (node.type === 'code' && node.lang?.toLowerCase() !== 'mermaid') {
      codeLines += node.value.split('\n').filter((line) => line.trim() !== '').length;
    }
    if (node.type === 'mdxJsxFlowElement' && node.name === 'Steps') {
      for (const child of node.children) if (child.type === 'list' && child.ordered) steps += child.children.length;
    }
  });
  return { words, codeLines, steps };
}

export interface LessonEstimate extends LessonMeasure {
  id: string;
  file: string;
  minutes: number;
  estimatedTime: number;
  /** Line of `estimatedTime` in the frontmatter. */
  line?: number;
}

/** The warning for a lesson whose estimate exceeds estimatedTime by more than 25 %, if it does. */
export function estimateWarning(estimate: LessonEstimate): Problem | undefined {
  if (estimate.minutes <= estimate.estimatedTime * (1 + TOLERANCE)) return undefined;
  const over = Math.round((estimate.minutes / estimate.estimatedTime - 1) * 100);
  return {
    file: estimate.file,
    line: estimate.line,
    field: 'estimatedTime',
    value: estimate.estimatedTime,
    message: `the reading estimate is ${estimate.minutes.toFixed(1)} min (${describeMeasure(estimate)}), ${over} % over estimatedTime; more than ${TOLERANCE * 100} % over is a warning`,
    fix: `set estimatedTime: ${Math.ceil(estimate.minutes)} or shorten the lesson (split it, move long code to labs/)`,
  };
}

export function describeMeasure(measure: LessonMeasure): string {
  return `${measure.words} words / ${WORDS_PER_MINUTE} + ${measure.codeLines} code lines / ${CODE_LINES_PER_MINUTE} + ${measure.steps} steps × ${MINUTES_PER_STEP}`;
}
