// Pure: finds label lines that cut a token in two. Mermaid wraps SVG text labels to its
// wrapping width and, when one word is wider than that, cuts the word itself
// («outbox_publicati» / «on»). A cut is a pair of consecutive lines of one label whose last and
// first words join into a run of characters that the diagram source has whole, and never with
// a space or <br/> between them.
import type { Element } from 'hast';
import type { Problem } from '../../course/problems.ts';
import { isElement, textOf } from './svg-postprocess.ts';

function* elements(node: Element): Generator<Element> {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    yield child;
    yield* elements(child);
  }
}

/** The rendered lines of each multi-line <text> label: its row tspans. */
export function labelLines(svg: Element): string[][] {
  const labels: string[][] = [];
  for (const element of elements(svg)) {
    if (element.tagName !== 'text') continue;
    const rows = element.children.filter((child): child is Element => isElement(child) && child.tagName === 'tspan').map((row) => textOf(row));
    if (rows.length > 1) labels.push(rows);
  }
  return labels;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `outbox_publicati|on` for every label line break that falls inside a token of the source. */
export function splitTokens(svg: Element, source: string): string[] {
  const found: string[] = [];
  for (const rows of labelLines(svg)) {
    for (let i = 0; i + 1 < rows.length; i++) {
      const before = /(\S+)\s*$/.exec(rows[i]!)?.[1];
      const after = /^\s*(\S+)/.exec(rows[i + 1]!)?.[1];
      if (!before || !after) continue;
      const whole = source.includes(before + after);
      const apart = new RegExp(`${escape(before)}(?:\\s|<br\\s*/?>)+${escape(after)}`, 'i').test(source);
      if (whole && !apart) found.push(`${before}|${after}`);
    }
  }
  return [...new Set(found)];
}

/** The problem reported for a diagram whose labels cut tokens. */
export function labelSplitProblem(file: string, line: number | undefined, splits: readonly string[]): Problem {
  return {
    file,
    ...(line ? { line } : {}),
    field: 'mermaid label',
    value: splits.join(', '),
    message: `a diagram label line breaks inside a word (shown at |): ${splits.map((split) => `«${split}»`).join(', ')}`,
    fix: 'break the label yourself with <br/> between words, so that no line is longer than about 24 characters (Mermaid cuts longer words), or shorten the word',
  };
}
