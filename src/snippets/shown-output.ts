// Shown outputs: a code block that a lesson presents as the result of a lab step carries
// `output="<id>"` in its meta, and the lab run compares it with what the step really printed.
// Pure: no I/O. The wildcards below are the only parts of a shown output that may differ
// from the run; everything else must match (runs of spaces and tabs count as one space,
// trailing blank lines are ignored).
//
//   <uuid>       a UUID                       <lsn>    a PostgreSQL LSN, e.g. 0/1A2B3C8
//   <int>        an integer                   <ts>     a timestamp: epoch digits or ISO date-time
//   <host:port>  a host (name or address) with a port
//   …            any text within one line (U+2026)
//
// How a block is compared, by `match=` in its meta:
//   exact      (default) the whole output, line by line
//   lines      the shown lines appear in the output in this order; other lines may lie between
//   unordered  the same lines in any order (e.g. partitions listed by a tool in no fixed order)
import { createTwoFilesPatch } from 'diff';
import type { CodeBlock } from './code-blocks.ts';

export const MATCH_MODES = ['exact', 'lines', 'unordered'] as const;
export type MatchMode = (typeof MATCH_MODES)[number];

export const WILDCARDS: Readonly<Record<string, string>> = {
  '<uuid>': '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}',
  '<lsn>': '[0-9A-F]{1,8}/[0-9A-F]{1,8}',
  '<int>': '-?\\d+',
  '<ts>': '(?:\\d{10,19}|\\d{4}-\\d\\d-\\d\\d[T ]\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?)',
  '<host:port>': '[A-Za-z0-9._-]+:\\d+',
  '…': '.*?',
};

export interface ShownOutput {
  id: string;
  file: string;
  line: number;
  lang: string;
  match: MatchMode;
  text: string;
}

export interface ShownProblem {
  file: string;
  line: number;
  message: string;
}

export function collectShownOutputs(blocks: readonly CodeBlock[]): { outputs: ShownOutput[]; problems: ShownProblem[] } {
  const outputs: ShownOutput[] = [];
  const problems: ShownProblem[] = [];
  const seen = new Map<string, ShownOutput>();
  for (const block of blocks) {
    const id = block.attributes.output;
    if (id === undefined) continue;
    const problem = (message: string) => problems.push({ file: block.file, line: block.line, message });
    if (id === true || id.trim() === '') {
      problem('output needs an id: output="<lesson-step>", the name the lab test compares it under');
      continue;
    }
    const match = block.attributes.match ?? 'exact';
    if (match === true || !(MATCH_MODES as readonly string[]).includes(match)) {
      problem(`match = ${JSON.stringify(match)} is not a comparison mode; use one of ${MATCH_MODES.join(', ')}`);
      continue;
    }
    const previous = seen.get(id);
    if (previous) {
      problem(`output="${id}" is used twice (also at line ${previous.line}); give each shown output its own id`);
      continue;
    }
    const output: ShownOutput = { id, file: block.file, line: block.line, lang: block.lang || 'text', match: match as MatchMode, text: block.value };
    seen.set(id, output);
    outputs.push(output);
  }
  return { outputs, problems };
}

function normaliseLine(line: string): string {
  return line.replace(/[ \t]+/g, ' ').trimEnd();
}

export function normaliseLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map(normaliseLine);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  return lines;
}

const WILDCARD_PATTERN = new RegExp(
  Object.keys(WILDCARDS)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);

/** A shown line as a regular expression: literal text, wildcards as their patterns. */
export function linePattern(shownLine: string): RegExp {
  let source = '';
  let last = 0;
  for (const match of shownLine.matchAll(WILDCARD_PATTERN)) {
    source += shownLine.slice(last, match.index).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    source += WILDCARDS[match[0]];
    last = match.index! + match[0].length;
  }
  source += shownLine.slice(last).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${source}$`, 'u');
}

/** Whether `actual` (what the run printed) satisfies the shown output. */
export function outputMatches(shown: Pick<ShownOutput, 'text' | 'match'>, actual: string): boolean {
  const expected = normaliseLines(shown.text).map(linePattern);
  const lines = normaliseLines(actual);
  switch (shown.match) {
    case 'exact':
      return expected.length === lines.length && expected.every((pattern, i) => pattern.test(lines[i]!));
    case 'lines': {
      let at = 0;
      for (const pattern of expected) {
        while (at < lines.length && !pattern.test(lines[at]!)) at++;
        if (at === lines.length) return false;
        at++;
      }
      return true;
    }
    case 'unordered': {
      if (expected.length !== lines.length) return false;
      const free = [...lines];
      return expected.every((pattern) => {
        const i = free.findIndex((line) => pattern.test(line));
        if (i < 0) return false;
        free.splice(i, 1);
        return true;
      });
    }
  }
}

/** The report of a shown output that the run did not produce: file:line, a diff and the fix. */
export function describeMismatch(shown: ShownOutput, actual: string, step: string): string {
  const patch = createTwoFilesPatch(
    `${shown.file}:${shown.line} (shown)`,
    `${step} (the lab run)`,
    `${normaliseLines(shown.text).join('\n')}\n`,
    `${normaliseLines(actual).join('\n')}\n`,
    undefined,
    undefined,
    { context: 3 },
  )
    .split('\n')
    .filter((line) => !/^(=+|Index: .*)$/.test(line)) // the patch's own header lines
    .join('\n');
  return [
    `${shown.file}:${shown.line} output="${shown.id}" (match=${shown.match})`,
    '    the lesson shows an output that the lab run did not produce:',
    patch.replace(/^/gm, '    '),
    `    fix: correct the lesson's block to what the run printed; for values that differ on every run use a wildcard (${Object.keys(WILDCARDS).join(' ')}), see docs/authoring.md`,
  ].join('\n');
}
