// The lab of a lesson as the test runs it: the numbered items of its <Steps>, each with its
// code blocks in reading order. Commands (bash blocks) are run; a block marked output="…"
// is compared with what the command before it printed. Pure: parsing only.
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { parseLesson, toCodeBlock, type CodeBlock } from './code-blocks.ts';
import type { ShownProblem } from './shown-output.ts';

export interface LabStep {
  /** 1-based number of the step in its <Steps>. */
  number: number;
  line: number;
  /** The step's first paragraph in plain text (its bold title). */
  title: string;
  blocks: CodeBlock[];
}

const COMMAND_LANGS = new Set(['bash', 'sh', 'shell', 'console']);
const OUTPUT_LANGS = new Set(['text', 'json', 'console', 'txt', 'output', '']);

export function isCommandBlock(block: CodeBlock): boolean {
  return COMMAND_LANGS.has(block.lang) && block.attributes.output === undefined;
}

function plainText(node: unknown): string {
  let text = '';
  visit(node as Root, (child) => {
    if (child.type === 'text' || child.type === 'inlineCode') text += (child as { value: string }).value;
  });
  return text.trim();
}

export function extractLabSteps(source: string, file: string): { steps: LabStep[]; problems: ShownProblem[] } {
  const steps: LabStep[] = [];
  const problems: ShownProblem[] = [];
  visit(parseLesson(source), 'mdxJsxFlowElement', (element) => {
    if ((element as { name?: string }).name !== 'Steps') return;
    const list = (element as { children: { type: string; children?: unknown[] }[] }).children.find((child) => child.type === 'list');
    if (!list) return;
    for (const [index, item] of ((list.children ?? []) as { position?: { start: { line: number } }; children: unknown[] }[]).entries()) {
      const blocks: CodeBlock[] = [];
      visit(item as Root, 'code', (code) => {
        blocks.push(toCodeBlock(code, file));
      });
      const first = (item.children as { type: string }[]).find((child) => child.type === 'paragraph');
      steps.push({ number: index + 1, line: item.position?.start.line ?? 0, title: first ? plainText(first) : '', blocks });
      for (const block of blocks) {
        if (isCommandBlock(block) || block.lang === 'mermaid') continue;
        if (block.attributes.output === undefined && block.attributes.illustrative === undefined && OUTPUT_LANGS.has(block.lang)) {
          problems.push({
            file,
            line: block.line,
            message:
              `a ${block.lang || 'text'} block in lab step ${index + 1} is not marked: an output shown in a lab step is compared with the run ` +
              '(output="<id>"), or says why it cannot be (illustrative="reason")',
          });
        }
      }
    }
  });
  return { steps, problems };
}
