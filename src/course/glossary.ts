// The course glossary: one entry per term the lessons use, with the variants prose should avoid.
// The schema is shared by Astro's `glossary` collection and check:content; the validator gets the
// parsed YAML (with the line of every item and key) and the ids of the course's lessons and
// modules, and returns every problem at once. Pure: no I/O, no Astro.
import { z } from 'zod/v4';
import { compileAvoid, findAvoided } from './avoid-pattern.ts';
import { LESSON_ID_PATTERN } from './ids.ts';
import { nearest } from './nearest.ts';
import type { Problem } from './problems.ts';

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MODULE_ID_PATTERN = /^module-\d+$/;

export const glossaryTermSchema = z.object({
  /** kebab-case, unique: the anchor of the term on a glossary page. */
  id: z.string().regex(KEBAB_CASE),
  /** The Russian term as lessons write it (it may be a Latin word: offset, tombstone). */
  ru: z.string().trim().min(1),
  /** The English term, as in Debezium, Kafka and PostgreSQL documentation. */
  en: z.string().trim().min(1),
  /** One Russian sentence. */
  definition: z.string().trim().min(1),
  /** Variants prose should not use, in the avoid syntax of src/course/avoid-pattern.ts. */
  avoid: z.array(z.string().trim().min(1)).default([]),
  /** The lesson that introduces the term, when it exists. */
  introducedIn: z.string().regex(LESSON_ID_PATTERN).optional(),
  /** The module whose lessons will introduce the term, while they are not written yet. */
  plannedIn: z.string().regex(MODULE_ID_PATTERN).optional(),
});
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;

export const GLOSSARY_FIXES: Record<string, string> = {
  id: 'give a unique kebab-case id in Latin letters, e.g. id: replication-slot',
  ru: 'write the Russian term as lessons use it, e.g. ru: слот репликации',
  en: 'write the English term, e.g. en: replication slot',
  definition: 'write one Russian sentence ending with a full stop',
  avoid: 'list variants to avoid as words or phrases, e.g. avoid: [снапшот*] (see docs/authoring.md, «Глоссарий»)',
  introducedIn: 'give the id of the lesson that introduces the term, e.g. module-4/05-outbox-pattern-theory',
  plannedIn: 'give the module that will introduce the term, e.g. plannedIn: module-2',
};

/** One item of the glossary file with the line of the item and of each of its keys. */
export interface GlossaryItem {
  data: unknown;
  line: number;
  lines: Record<string, number>;
  /** Line of each element of `avoid`. */
  avoidLines: number[];
}

export interface GlossarySource {
  /** Path shown in messages, relative to the project root. */
  file: string;
  items: readonly GlossaryItem[];
  /** Set when the YAML itself is broken or is not a list. */
  parseError?: { line?: number; message: string };
}

export interface GlossaryEntry extends GlossaryTerm {
  file: string;
  line: number;
}

export interface CompiledTerm {
  term: GlossaryEntry;
  patterns: { pattern: string; regex: RegExp }[];
}

export interface GlossaryContext {
  /** Ids of the course's lessons (also of lessons whose frontmatter is broken). */
  lessonIds: ReadonlySet<string>;
}

const KNOWN_KEYS = new Set(Object.keys(glossaryTermSchema.shape));
const CYRILLIC = /[\p{Script=Cyrillic}]/u;
// A sentence ends and a new one starts: ". Б", "! А" (abbreviations like «т. е.» stay lower case).
const SENTENCE_BREAK = /[.!?…]\s+[А-ЯЁA-Z]/u;

export function validateGlossary(source: GlossarySource, context: GlossaryContext): { terms: CompiledTerm[]; problems: Problem[] } {
  const problems: Problem[] = [];
  if (source.parseError) {
    problems.push({
      file: source.file,
      line: source.parseError.line,
      message: `the glossary cannot be read: ${source.parseError.message}`,
      fix: 'make the file a YAML list of terms (- id: …), quoting values that contain a colon',
    });
    return { terms: [], problems };
  }
  const terms: CompiledTerm[] = [];
  // Every term whose fields parse, valid or not, for the definition check below.
  const parsedTerms: { compiled: CompiledTerm; item: GlossaryItem }[] = [];
  const ids = new Map<string, number>();
  const russian = new Map<string, string>();
  for (const item of source.items) {
    const report = (key: string | undefined, value: unknown, message: string, fix: string, line?: number) =>
      problems.push({ file: source.file, line: line ?? (key ? item.lines[key] : undefined) ?? item.line, ...(key ? { field: key, value } : {}), message, fix });
    const data = item.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      report(undefined, undefined, 'a glossary item is not a key: value map', 'write each term as a map: - id: …, ru: …, en: …, definition: …');
      continue;
    }
    const record = data as Record<string, unknown>;
    const name = typeof record.id === 'string' ? `term "${record.id}": ` : '';
    for (const key of Object.keys(record)) {
      if (KNOWN_KEYS.has(key)) continue;
      const suggestion = nearest(key, KNOWN_KEYS);
      report(key, record[key], `${name}unknown field`, suggestion ? `did you mean "${suggestion}"?` : `remove it; known fields: ${[...KNOWN_KEYS].join(', ')}`);
    }
    const parsed = glossaryTermSchema.safeParse(record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [key, index] = issue.path.map(String);
        const field = key === undefined ? undefined : index === undefined ? key : `${key}[${index}]`;
        const value = key === undefined ? record : index === undefined ? record[key] : (record[key] as unknown[] | undefined)?.[Number(index)];
        const message = value === undefined ? 'is required' : issue.code === 'invalid_format' ? `"${String(value)}" has the wrong form` : issue.message;
        report(field, value, `${name}${message}`, (key && GLOSSARY_FIXES[key]) ?? 'see docs/authoring.md, «Глоссарий»', key === 'avoid' && index !== undefined ? item.avoidLines[Number(index)] : undefined);
      }
      continue;
    }
    const term = parsed.data;
    const label = `term "${term.id}": `;
    let valid = true;
    const fail = (key: string, value: unknown, message: string, fix: string, line?: number) => {
      valid = false;
      report(key, value, `${label}${message}`, fix, line);
    };

    const previousLine = ids.get(term.id);
    if (previousLine !== undefined) fail('id', term.id, `the id is also used at line ${previousLine}`, 'give each term its own id');
    else ids.set(term.id, item.line);
    const ruKey = term.ru.toLocaleLowerCase('ru');
    const sameRu = russian.get(ruKey);
    if (sameRu) fail('ru', term.ru, `term "${sameRu}" has the same Russian term`, 'merge the two terms or tell them apart');
    else russian.set(ruKey, term.id);

    if (!CYRILLIC.test(term.definition)) fail('definition', term.definition, 'the definition is not in Russian', GLOSSARY_FIXES.definition!);
    else if (!/[.!?]$/.test(term.definition) || SENTENCE_BREAK.test(term.definition)) fail('definition', term.definition, 'the definition must be one sentence ending with a full stop', GLOSSARY_FIXES.definition!);

    if (term.introducedIn !== undefined && term.plannedIn !== undefined) {
      fail('plannedIn', term.plannedIn, 'introducedIn and plannedIn exclude each other', 'keep introducedIn once the lesson exists and remove plannedIn');
    } else if (term.introducedIn === undefined && term.plannedIn === undefined) {
      fail('introducedIn', undefined, 'says neither where the term is introduced nor where it will be', 'add introducedIn: module-N/NN-slug, or plannedIn: module-N while the lesson is not written');
    } else if (term.introducedIn !== undefined && !context.lessonIds.has(term.introducedIn)) {
      const suggestion = nearest(term.introducedIn, context.lessonIds);
      fail('introducedIn', term.introducedIn, 'no lesson has this id', suggestion ? `did you mean "${suggestion}"? (or use plannedIn: ${term.introducedIn.split('/')[0]} until the lesson exists)` : `use plannedIn: ${term.introducedIn.split('/')[0]} until the lesson exists`);
    }

    const patterns: CompiledTerm['patterns'] = [];
    term.avoid.forEach((pattern, index) => {
      const line = item.avoidLines[index];
      const compiled = compileAvoid(pattern);
      if (!compiled.ok) {
        fail(`avoid[${index}]`, pattern, `the pattern does not compile: ${compiled.reason}`, GLOSSARY_FIXES.avoid!, line);
        return;
      }
      if (findAvoided(compiled.regex, term.ru).length > 0) {
        fail(`avoid[${index}]`, pattern, `the pattern matches the term itself («${term.ru}»), so every use of the term would be reported`, 'make the pattern narrower (a phrase, or a stem without the preferred form)', line);
        return;
      }
      patterns.push({ pattern, regex: compiled.regex });
    });
    const compiledTerm = { term: { ...term, file: source.file, line: item.line }, patterns };
    parsedTerms.push({ compiled: compiledTerm, item });
    if (valid) terms.push(compiledTerm);
  }

  // The glossary practises what it preaches: no definition uses a variant it tells lessons to avoid.
  for (const { compiled: { term }, item } of parsedTerms) {
    for (const { compiled: other } of parsedTerms) {
      for (const { pattern, regex } of other.patterns) {
        const [match] = findAvoided(regex, term.definition);
        if (!match) continue;
        problems.push({
          file: source.file,
          line: item.lines.definition ?? term.line,
          field: 'definition',
          value: match.text,
          message: `term "${term.id}": the definition uses «${match.text}», a variant to avoid (${pattern}, term "${other.term.id}")`,
          fix: `write «${other.term.ru}» instead`,
        });
      }
    }
  }
  return { terms, problems };
}
