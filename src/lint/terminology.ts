// The terminology gate: prose must not use the variants the glossary tells lessons to avoid
// (`avoid` of src/content/glossary/terms.yaml, syntax in src/course/avoid-pattern.ts). Works on
// the prose segments of src/lint/prose.ts, so code blocks, inline code, Mermaid, URLs and MDX
// expressions never reach it. Exempt inside prose: quotations (`<q>…</q>`, blockquotes),
// English text in quotes («change event», „…“, "…") or in parentheses as a gloss after the
// Russian term («событие изменения (change event)»), and identifiers glued to `.`, `/` or `@`
// (`snapshot.mode`, a path). Pure.
import { findAvoided } from '../course/avoid-pattern.ts';
import type { CompiledTerm, GlossaryEntry } from '../course/glossary.ts';
import type { ProseSegment } from './prose.ts';

export interface TerminologyIssue {
  /** Index in the segment text. */
  start: number;
  end: number;
  /** The word or phrase as written, with an ending glued by an apostrophe or hyphen («change event'ы»). */
  text: string;
  term: GlossaryEntry;
  pattern: string;
}

const CYRILLIC = /\p{Script=Cyrillic}/u;
const SUFFIX = /^['’ʼ-][\p{L}\p{M}]+/u;
const IDENTIFIER_BEFORE = /[./@#$\\]/;
const IDENTIFIER_AFTER = /^[./\\][\p{L}\p{N}_]/u;

/** Ranges `[open, close]` (indices of the marks) of «…», „…“ and "…" quotes and of (…) in a text. */
export function quoteSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  const open: { mark: string; at: number }[] = [];
  const CLOSE: Record<string, string> = { '«': '»', '„': '“', '"': '"', '(': ')' };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const top = open.at(-1);
    if (top && CLOSE[top.mark] === char) {
      open.pop();
      spans.push([top.at, i]);
    } else if (char in CLOSE) {
      open.push({ mark: char, at: i });
    }
  }
  return spans;
}

function exempt(segment: ProseSegment, start: number, end: number, spans: readonly [number, number][]): boolean {
  if (segment.quotes?.some(([from, to]) => start >= from && end <= to)) return true;
  const before = segment.text[start - 1] ?? '';
  if (IDENTIFIER_BEFORE.test(before) || IDENTIFIER_AFTER.test(segment.text.slice(end))) return true;
  // The innermost quote or parentheses around the match: English inside is a quotation or a gloss.
  let inner: [number, number] | undefined;
  for (const span of spans) {
    if (span[0] < start && span[1] >= end && (!inner || span[0] > inner[0])) inner = span;
  }
  return inner !== undefined && !CYRILLIC.test(segment.text.slice(inner[0] + 1, inner[1]));
}

/** Variants to avoid in one prose segment, in text order. */
export function checkTerminology(segment: ProseSegment, terms: readonly CompiledTerm[]): TerminologyIssue[] {
  const issues: TerminologyIssue[] = [];
  const spans = quoteSpans(segment.text);
  for (const { term, patterns } of terms) {
    const taken = new Set<number>();
    for (const { pattern, regex } of patterns) {
      for (const match of findAvoided(regex, segment.text)) {
        if (taken.has(match.start) || exempt(segment, match.start, match.end, spans)) continue;
        taken.add(match.start);
        const suffix = SUFFIX.exec(segment.text.slice(match.end))?.[0] ?? '';
        issues.push({ start: match.start, end: match.end, text: match.text + suffix, term, pattern });
      }
    }
  }
  return issues.sort((a, b) => a.start - b.start);
}
