// Where lessons use a glossary term: the glossary page lists the lessons, and a lesson's first
// use of a term links to its entry (src/site/markdown/rehype-glossary-links.ts). The matcher is
// the terminology lint's own (src/lint/terminology.ts over src/course/avoid-pattern.ts), given a
// pattern made from the term's `ru` form instead of its `avoid` variants, so «слот репликации»
// also finds «слоты репликации»; the same exemptions hold (English in quotes or parentheses,
// identifiers glued to a dot or slash, quotations). Pure: no I/O, no Astro.
import { compileAvoid } from '../course/avoid-pattern.ts';
import type { CompiledTerm, GlossaryEntry, GlossaryTerm } from '../course/glossary.ts';
import type { ProseSegment } from './prose.ts';
import { checkTerminology } from './terminology.ts';

const CYRILLIC_WORD = /^[\p{Script=Cyrillic}-]+$/u;
const ENDING = /[аеёиоуыэюяйь]+$/u;
const FLEETING = /^(.*[^аеёиоуыэюяйь])([оеё])([кц])$/u;
const PATTERN_CHAR = /^[\p{L}\p{N}'’-]$/u;

/** The avoid-syntax pattern that finds a term in its Russian forms: a Russian word of four or
 *  more letters loses its vowel ending and takes `*` (слот → слот*, репликации → репликац*);
 *  a word ending in -ок, -ек or -ец may lose that vowel (снимок → сним(ок|к)*, for снимка);
 *  short words and Latin words stay as written. A term the syntax cannot express (wal_level, an
 *  identifier) gets no pattern: such terms live in inline code, which is not prose. */
export function usePattern(ru: string): string | undefined {
  const words = ru.trim().split(/\s+/);
  if (words.some((word) => ![...word].every((char) => PATTERN_CHAR.test(char)))) return undefined;
  return words
    .map((word) => {
      const last = word.split('-').at(-1)!;
      if (!CYRILLIC_WORD.test(last) || last.length < 4) return word;
      // a fleeting vowel before the last consonant: снимок, снимка, снимков → сним(ок|к)*
      const fleeting = FLEETING.exec(word);
      if (fleeting && last === word && word.length >= 5) return `${fleeting[1]}(${fleeting[2]}${fleeting[3]}|${fleeting[3]})*`;
      const stem = word.replace(ENDING, '');
      return stem.length >= 3 ? `${stem}*` : word;
    })
    .join(' ');
}

export interface TermMatcher {
  compiled: CompiledTerm[];
  /** length of each term's pattern: among matches of the same text the more specific term wins */
  weight: Map<string, number>;
}

/** Compiles the terms for matching; a term whose `ru` gives no pattern is left out. */
export function termMatcher(terms: readonly GlossaryTerm[]): TermMatcher {
  const compiled: CompiledTerm[] = [];
  const weight = new Map<string, number>();
  for (const term of terms) {
    const pattern = usePattern(term.ru);
    const result = pattern === undefined ? undefined : compileAvoid(pattern);
    if (!pattern || !result?.ok) continue;
    const entry: GlossaryEntry = { ...term, file: '', line: 0 };
    compiled.push({ term: entry, patterns: [{ pattern, regex: result.regex }] });
    weight.set(term.id, pattern.replaceAll('*', '').length);
  }
  return { compiled, weight };
}

export interface TermUse {
  id: string;
  start: number;
  end: number;
  text: string;
}

/** Uses of the terms in one run of prose, in text order and never overlapping: at one place the
 *  longer match wins, then the more specific term («конвертер» over «конверт*»). */
export function findTermUses(text: string, matcher: TermMatcher, quotes?: [number, number][]): TermUse[] {
  const segment: ProseSegment = { text, map: [], origin: 'body', ...(quotes ? { quotes } : {}) };
  const found = checkTerminology(segment, matcher.compiled)
    .map((issue) => ({ id: issue.term.id, start: issue.start, end: issue.end, text: text.slice(issue.start, issue.end) }))
    .sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || (matcher.weight.get(b.id) ?? 0) - (matcher.weight.get(a.id) ?? 0));
  const uses: TermUse[] = [];
  for (const use of found) {
    const previous = uses.at(-1);
    if (previous && use.start < previous.end) continue;
    uses.push(use);
  }
  return uses;
}

/** Ids of the terms a lesson's prose uses (segments from readProse of src/lint/prose.ts). */
export function termsUsed(segments: readonly ProseSegment[], matcher: TermMatcher): Set<string> {
  const used = new Set<string>();
  for (const segment of segments) {
    if (segment.origin !== 'body' && segment.origin !== 'heading') continue;
    for (const use of findTermUses(segment.text, matcher, segment.quotes)) used.add(use.id);
  }
  return used;
}
