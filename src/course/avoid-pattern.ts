// The `avoid` syntax of the glossary: a variant of a term that lessons should not use, written
// as a word or a phrase and matched in prose case-insensitively, on word boundaries, with
// Russian inflection in mind. A deliberately small language (docs/authoring.md, «Глоссарий»):
//
//   снапшот*                  `*` at the end of a word: any letters may follow (снапшота, снапшотами)
//   тем(а|ы|у) Kafka          `(…|…)` alternatives inside a word; an empty one makes a part optional
//   рабоч* процесс* Connect   a space between words: any whitespace, a non-breaking space or a line break
//   change event*             Latin words too; an apostrophe matches ' and ’
//
// Everything else is literal: letters, digits, `-` and the apostrophe. «е» and «ё» are the
// same letter for matching. A match must not be glued to other letters or digits on either
// side, so `тема*` never fires inside «системах». Pure: no I/O, no Astro.

export type CompiledAvoid = { ok: true; regex: RegExp } | { ok: false; reason: string };

const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';
const LITERAL = /^[\p{L}\p{N}'’-]$/u;

/** «ё» → «е» keeps the text length, so offsets found in the folded text hold for the original. */
export function foldYo(text: string): string {
  return text.replaceAll('ё', 'е').replaceAll('Ё', 'Е');
}

function literal(char: string): string {
  if (char === "'" || char === '’') return "['’ʼ]";
  return foldYo(char);
}

/** Compiles one avoid pattern into a global, case-insensitive regex over ё-folded text. */
export function compileAvoid(pattern: string): CompiledAvoid {
  const text = pattern.trim();
  if (text === '') return { ok: false, reason: 'the pattern is empty' };
  const words = text.split(/\s+/);
  const parts: string[] = [];
  for (const word of words) {
    let out = '';
    let letters = 0;
    for (let i = 0; i < word.length; i++) {
      const char = word[i]!;
      if (char === '*') {
        if (i !== word.length - 1) return { ok: false, reason: `"*" may only end a word (in "${word}")` };
        if (letters === 0) return { ok: false, reason: '"*" needs a stem of at least one letter before it' };
        out += '[\\p{L}\\p{M}]*';
      } else if (char === '(') {
        const close = word.indexOf(')', i);
        if (close === -1) return { ok: false, reason: `"(" is not closed (in "${word}")` };
        const inside = word.slice(i + 1, close);
        if (inside.includes('(')) return { ok: false, reason: `groups cannot nest (in "${word}")` };
        const options = inside.split('|');
        if (options.length < 2) return { ok: false, reason: `a group lists alternatives separated by "|", e.g. "тем(а|ы)" (in "${word}")` };
        for (const option of options) {
          for (const c of option) if (!LITERAL.test(c)) return { ok: false, reason: `"${c}" is not allowed inside a group (letters, digits, "-" and "'" only)` };
        }
        // Longest first, so "(е|ем)" takes the whole ending.
        const sorted = [...options].sort((a, b) => b.length - a.length);
        out += `(?:${sorted.map((option) => [...option].map(literal).join('')).join('|')})`;
        letters += Math.min(...options.map((option) => option.length)) > 0 ? 1 : 0;
        i = close;
      } else if (char === ')' || char === '|') {
        return { ok: false, reason: `"${char}" outside a group (in "${word}")` };
      } else if (LITERAL.test(char)) {
        out += literal(char);
        if (char !== '-' && char !== "'" && char !== '’') letters++;
      } else {
        return { ok: false, reason: `"${char}" is not part of the avoid syntax: use letters, digits, "-", "'", "*" at a word end and (a|b) groups` };
      }
    }
    if (letters === 0) return { ok: false, reason: `"${word}" has no letters` };
    parts.push(out);
  }
  const body = parts.join('[\\s\\u00A0]+');
  return { ok: true, regex: new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, 'giu') };
}

export interface AvoidMatch {
  /** Index of the match in the text (UTF-16 units). */
  start: number;
  end: number;
  text: string;
}

/** Every match of a compiled pattern in `text` (ё and е count as one letter). */
export function findAvoided(regex: RegExp, text: string): AvoidMatch[] {
  const folded = foldYo(text);
  const matches: AvoidMatch[] = [];
  regex.lastIndex = 0;
  for (const match of folded.matchAll(regex)) {
    const start = match.index;
    const end = start + match[0].length;
    matches.push({ start, end, text: text.slice(start, end) });
  }
  return matches;
}
