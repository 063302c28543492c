// Russian typography of prose with typograf: «ёлочки» with „лапки“ inside, an em dash between
// words, a non-breaking space between a number and its unit («30 мин»). Typograf runs on whole
// prose segments (see prose.ts); its changes are mapped back to source offsets, so a fix touches
// only prose characters. A change that cannot be mapped (it would touch inline code, or text that
// the source spells as an entity) is reported but not fixed.
import { diffChars } from 'diff';
import Typograf from 'typograf';
import { OPAQUE, type ProseSegment } from './prose.ts';

/** Units that take a non-breaking space after their number. Kept short and explicit: binding
 *  every number to the next word («PostgreSQL 14 и 15») would be noise. */
export const UNITS = ['мс', 'с', 'сек', 'мин', 'ч', 'дн', 'нс', 'мкс', 'Б', 'КБ', 'МБ', 'ГБ', 'ТБ', 'Кбайт', 'Мбайт', 'Гбайт', 'Тбайт', 'байт', 'байта', 'байтов', 'КиБ', 'МиБ', 'ГиБ', 'тыс.', 'млн', 'млрд'];

const UNIT_RULE = 'ru/nbsp/courseUnits';
if (!Typograf.getRule(UNIT_RULE)) {
  const units = UNITS.filter((unit) => unit !== 'с')
    .sort((a, b) => b.length - a.length)
    .map((unit) => unit.replace('.', '\\.'))
    .join('|');
  const number = '(^|[^\\p{L}\\p{N}_.,])(\\d+(?:[.,]\\d+)?) ';
  const pattern = new RegExp(`${number}(${units})(?![\\p{L}\\p{N}_])`, 'gu');
  // «с» is also the preposition («Debezium 3.7 с SMT»): a unit only before punctuation, a bracket or the end.
  const seconds = new RegExp(`${number}(с)(?=$|\\s*\\(|[.,;:!?)\\]»“])`, 'gu');
  Typograf.addRule({
    name: UNIT_RULE,
    handler: (text) => text.replace(pattern, '$1$2\u00A0$3').replace(seconds, '$1$2\u00A0$3'),
  });
}

export const RULES = ['common/punctuation/quote', 'ru/dash/main', UNIT_RULE] as const;

const typograf = new Typograf({ locale: ['ru', 'en-US'], disableRule: '*', enableRule: [...RULES] });

export interface TypographyIssue {
  /** Index range in the segment text. */
  start: number;
  end: number;
  before: string;
  after: string;
  kind: 'quotes' | 'dash' | 'nbsp';
  message: string;
  /** The source edit, when every touched character maps to one contiguous source range. */
  edit?: SourceEdit;
}

export interface SourceEdit {
  start: number;
  end: number;
  text: string;
}

// Typograf puts a non-breaking space before every dash; authors write a plain one, and both
// are fine. Comparing with this rewrite (same length) keeps that out of the findings.
function normalizeDashSpace(text: string): string {
  return text.replace(/\u00A0(?=—)/g, ' ');
}

export function typografText(text: string): string {
  return typograf.execute(text);
}

export function checkSegment(segment: ProseSegment): TypographyIssue[] {
  const before = normalizeDashSpace(segment.text);
  const after = normalizeDashSpace(typograf.execute(segment.text));
  if (before === after) return [];
  const issues: TypographyIssue[] = [];
  let index = 0;
  let pending: { start: number; removed: string; added: string } | undefined;
  const flush = () => {
    if (!pending) return;
    issues.push(describe(segment, pending.start, pending.removed, pending.added));
    pending = undefined;
  };
  for (const change of diffChars(before, after)) {
    if (change.added) {
      pending ??= { start: index, removed: '', added: '' };
      pending.added += change.value;
    } else if (change.removed) {
      pending ??= { start: index, removed: '', added: '' };
      pending.removed += change.value;
      index += change.value.length;
    } else {
      flush();
      index += change.value.length;
    }
  }
  flush();
  return issues;
}

function describe(segment: ProseSegment, start: number, removed: string, added: string): TypographyIssue {
  const end = start + removed.length;
  const kind: TypographyIssue['kind'] = /—/.test(added) ? 'dash' : /[«»„“]/.test(added) || /["'«»„“]/.test(removed) ? 'quotes' : 'nbsp';
  const message = {
    quotes: 'straight or mismatched quotes in prose',
    dash: 'a hyphen or en dash between words',
    nbsp: 'a plain space between a number and its unit',
  }[kind];
  const issue: TypographyIssue = { start, end, before: removed, after: added, kind, message };
  const edit = sourceEdit(segment, start, end, added);
  if (edit) issue.edit = edit;
  return issue;
}

/** A replacement of segment text [start, end) by `text`, in source offsets; undefined when the
 *  range touches inline code or characters with no source position of their own. */
function sourceEdit(segment: ProseSegment, start: number, end: number, text: string): SourceEdit | undefined {
  if (end > start) {
    const offsets = segment.map.slice(start, end);
    if (offsets.some((offset) => offset < 0)) return undefined;
    if ([...segment.text.slice(start, end)].includes(OPAQUE)) return undefined;
    for (let i = 1; i < offsets.length; i++) if (offsets[i] !== offsets[i - 1]! + 1) return undefined;
    return { start: offsets[0]!, end: offsets.at(-1)! + 1, text };
  }
  // A pure insertion: right after the previous character or right before the next one.
  const previous = segment.map[start - 1];
  if (previous !== undefined && previous >= 0 && segment.text[start - 1] !== OPAQUE) return { start: previous + 1, end: previous + 1, text };
  const next = segment.map[start];
  if (next !== undefined && next >= 0 && segment.text[start] !== OPAQUE) return { start: next, end: next, text };
  return undefined;
}

/** Applies non-overlapping edits to `source` (last first, so offsets stay valid). */
export function applyEdits(source: string, edits: readonly SourceEdit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let text = source;
  let applied = 0;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.end > limit) continue; // overlaps an edit already applied
    text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    limit = edit.start;
    applied++;
  }
  return { text, applied };
}
