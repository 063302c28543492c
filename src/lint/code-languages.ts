// The language of every code block must be one the site highlights (Expressive Code with
// Shiki's bundled grammars and our aliases); an unknown one would render as plain text with
// a build warning nobody reads. Pure: the known languages are handed in.
import { nearest } from '../course/nearest.ts';
import type { Problem } from '../course/problems.ts';

export interface FencedBlock {
  line: number;
  lang: string;
}

export function checkCodeLanguages(file: string, blocks: readonly FencedBlock[], known: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  for (const block of blocks) {
    if (block.lang === '' || known.has(block.lang)) continue;
    const guess = nearest(block.lang, known);
    problems.push({
      file,
      line: block.line,
      field: 'code language',
      value: block.lang,
      message: 'not a language the site highlights (Shiki bundled languages and the aliases in src/site/markdown/code-languages.ts)',
      fix: `${guess ? `did you mean "${guess}"? ` : ''}use one of: ${[...known].sort().join(', ')}; for plain output use text`,
    });
  }
  return problems;
}
