// The content gates over a set of files: links, spelling, typography and terminology of prose. Works on file
// texts handed in (lessons and module.yaml), so tests run it on planted errors without a disk
// layout; scripts/lint-content.ts reads the course and prints the report.
import type { CSpellSettings } from 'cspell-lib';
import type { CompiledTerm } from '../course/glossary.ts';
import type { Problem } from '../course/problems.ts';
import { checkLink, lessonPath, type SitePages } from './links.ts';
import { lineColumn, OPAQUE, readGlossaryProse, readProse, readYamlProse, sourceOffset, type ProseDocument, type ProseSegment } from './prose.ts';
import { checkSpelling } from './spelling.ts';
import { checkTerminology } from './terminology.ts';
import { applyEdits, checkSegment, type SourceEdit, type TypographyIssue } from './typography.ts';

export interface ContentFile {
  /** Path shown in messages, relative to the project root. */
  file: string;
  /** Absolute path (names the document for cspell). */
  absolute: string;
  source: string;
  /** Lesson id (`module-4/05-outbox-pattern-theory`); undefined for module.yaml and the glossary. */
  lessonId?: string;
  /** The glossary (src/content/glossary/terms.yaml): its terms and definitions are prose too. */
  glossary?: true;
}

export interface FileReport {
  file: string;
  words: number;
  links: number;
  spelling: Problem[];
  typography: Problem[];
  /** Variants the glossary says to avoid. */
  terminology: Problem[];
  linkProblems: Problem[];
  /** Safe typography fixes (prose only), in source offsets. */
  edits: SourceEdit[];
}

export const WORD_LIST = 'cspell/project-words.txt';
const NBSP_SHOWN = '⍽';

export function readDocument(file: ContentFile): ProseDocument {
  if (file.glossary) return { segments: readGlossaryProse(file.source), links: [], anchors: new Set() };
  if (file.lessonId === undefined) return { segments: readYamlProse(file.source), links: [], anchors: new Set() };
  return readProse(file.source);
}

/** Reference pages (src/pages/reference/*.astro): custom <StarlightPage> routes lessons may link to. */
export const REFERENCE_PAGES: readonly string[] = ['/reference/outbox-event-router/'];

/** Site pages for link checks: home, module pages, reference pages and lessons with their anchors. */
export function sitePages(files: readonly ContentFile[], documents: ReadonlyMap<string, ProseDocument>): SitePages {
  const pages = new Set<string>(['/', ...REFERENCE_PAGES]);
  const anchors = new Map<string, ReadonlySet<string>>();
  for (const file of files) {
    if (file.lessonId === undefined) continue;
    const path = lessonPath(file.lessonId);
    pages.add(path);
    pages.add(lessonPath(file.lessonId.split('/')[0]!));
    const document = documents.get(file.file);
    if (document) anchors.set(path, document.anchors);
  }
  return { pages, anchors };
}

/** `terms`: the compiled glossary (src/course/fs/load-glossary.ts); without it terminology is not checked. */
export async function lintContent(files: readonly ContentFile[], settings: CSpellSettings, terms: readonly CompiledTerm[] = []): Promise<FileReport[]> {
  const documents = new Map<string, ProseDocument>();
  const parseProblems = new Map<string, Problem>();
  for (const file of files) {
    try {
      documents.set(file.file, readDocument(file));
    } catch (error) {
      // MDX that does not parse: report it where it breaks, check the other files.
      const place = error as { line?: number; column?: number; reason?: string; message: string };
      parseProblems.set(file.file, {
        file: file.file,
        ...(place.line ? { line: place.line } : {}),
        ...(place.column ? { column: place.column } : {}),
        message: `MDX does not parse: ${place.reason ?? place.message}`,
        fix: 'fix the MDX syntax (the build fails on it too)',
      });
    }
  }
  const site = sitePages(files, documents);
  const reports: FileReport[] = [];
  for (const file of files) {
    const document = documents.get(file.file);
    if (document) reports.push(await lintFile(file, document, site, settings, terms));
    else reports.push({ file: file.file, words: 0, links: 0, spelling: [], typography: [], terminology: [], linkProblems: [parseProblems.get(file.file)!], edits: [] });
  }
  return reports;
}

async function lintFile(file: ContentFile, document: ProseDocument, site: SitePages, settings: CSpellSettings, terms: readonly CompiledTerm[]): Promise<FileReport> {
  const at = (offset: number) => lineColumn(file.source, offset);

  const linkProblems: Problem[] = [];
  if (file.lessonId !== undefined) {
    const from = lessonPath(file.lessonId);
    for (const link of document.links) {
      // Images next to the lesson are assets, not pages: Astro resolves them at build.
      if (link.kind === 'image' && !/^[a-z][a-z\d+.-]*:|^\/\//i.test(link.url)) continue;
      const issue = checkLink(link.url, from, site);
      if (issue) linkProblems.push({ file: file.file, ...at(link.offset), field: link.kind === 'link' ? 'link' : `link ${link.kind}`, value: link.url, message: issue.message, fix: issue.fix });
    }
  }

  const spelling = await checkSpelling(file.absolute, file.source, document.segments, settings);
  const spellingProblems = spelling.issues.map((issue): Problem => ({
    file: file.file,
    line: issue.line,
    column: issue.column,
    field: 'spelling',
    value: issue.word,
    message: `unknown word (not in the Russian or English dictionary nor in ${WORD_LIST})`,
    fix: issue.suggestions.length > 0
      ? `did you mean ${issue.suggestions.map((word) => `"${word}"`).join(', ')}? If "${issue.word}" is a correct term, add it to ${WORD_LIST}`
      : `correct the word, or add it to ${WORD_LIST} if it is a correct term`,
  }));

  const typography: Problem[] = [];
  const edits: SourceEdit[] = [];
  for (const segment of document.segments) {
    for (const group of groupIssues(checkSegment(segment))) {
      const first = group[0]!;
      const offset = first.edit?.start ?? sourceOffset(segment, first.start);
      typography.push({ file: file.file, ...at(offset), field: 'typography', value: excerpt(segment, group, 'before'), message: typographyMessage(group, segment), fix: typographyFix(segment, group) });
      for (const issue of group) if (issue.edit) edits.push(issue.edit);
    }
  }

  const terminology: Problem[] = [];
  for (const segment of document.segments) {
    const where = segment.origin === 'body' || segment.origin === 'heading' ? '' : ` (in ${segment.origin})`;
    for (const issue of checkTerminology(segment, terms)) {
      const { term } = issue;
      terminology.push({
        file: file.file,
        ...at(sourceOffset(segment, issue.start)),
        field: 'terminology',
        value: issue.text,
        message: `a variant to avoid${where}: the course term is «${term.ru}» (${term.en}; glossary "${term.id}", avoid "${issue.pattern}")`,
        fix: `write «${term.ru}» in the form the sentence needs; code, inline code, <q>, blockquotes and English text in quotes or parentheses are exempt`,
      });
    }
  }

  return { file: file.file, words: spelling.words, links: document.links.length, spelling: spellingProblems, typography, terminology, linkProblems, edits };
}

/** Changes close to each other (the two quotes of a pair, a dash next to them) make one problem. */
function groupIssues(issues: readonly TypographyIssue[]): TypographyIssue[][] {
  const groups: TypographyIssue[][] = [];
  for (const issue of issues) {
    const last = groups.at(-1);
    if (last && issue.start - last.at(-1)!.end <= 30) last.push(issue);
    else groups.push([issue]);
  }
  return groups;
}

const RULE_TEXT: Record<TypographyIssue['kind'], string> = {
  quotes: 'straight or mismatched quotes: Russian prose uses «ёлочки», „лапки“ inside them',
  dash: 'a hyphen or en dash between words: use an em dash with spaces',
  nbsp: 'a plain space between a number and its unit: use a non-breaking space (U+00A0, shown as ⍽)',
};

function typographyMessage(group: readonly TypographyIssue[], segment: ProseSegment): string {
  const where = segment.origin === 'body' || segment.origin === 'heading' ? '' : ` (in ${segment.origin})`;
  return `${[...new Set(group.map((issue) => RULE_TEXT[issue.kind]))].join('; ')}${where}`;
}

function typographyFix(segment: ProseSegment, group: readonly TypographyIssue[]): string {
  const wanted = `"${excerpt(segment, group, 'after')}"`;
  return group.every((issue) => issue.edit) ? `${wanted} (npm run fix:typography applies it)` : `${wanted}; fix by hand: the change touches inline code or an HTML entity`;
}

/** The changed text with two words either side, before or after the fixes, ⍽ for nbsp. */
function excerpt(segment: ProseSegment, group: readonly TypographyIssue[], side: 'before' | 'after'): string {
  const text = segment.text;
  const start = group[0]!.start;
  const end = group.at(-1)!.end;
  let from = start;
  let to = end;
  for (let spaces = 0; from > 0; from--) if (/\s/.test(text[from - 1]!) && from < start && ++spaces === 2) break;
  for (let spaces = 0; to < text.length; to++) if (/\s/.test(text[to]!) && to > end && ++spaces === 2) break;
  let middle = '';
  let at = start;
  for (const issue of group) {
    middle += text.slice(at, issue.start) + (side === 'before' ? issue.before : issue.after);
    at = issue.end;
  }
  middle += text.slice(at, end);
  const shown = `${text.slice(from, start)}${middle}${text.slice(end, to)}`.trim();
  return shown.replaceAll(OPAQUE, '`…`').replaceAll('\u00A0', NBSP_SHOWN).replace(/\s+/g, ' ');
}

export function allProblems(report: FileReport): Problem[] {
  return [...report.linkProblems, ...report.spelling, ...report.typography, ...report.terminology];
}

/** Applies the safe typography fixes of one file; returns the new text and how many applied. */
export function fixTypography(file: ContentFile): { text: string; applied: number } {
  let text = file.source;
  let applied = 0;
  // Fixes can enable each other (a quote pair split by a fixed dash): repeat until stable.
  for (let pass = 0; pass < 3; pass++) {
    const document = readDocument({ ...file, source: text });
    const edits = document.segments.flatMap((segment) => checkSegment(segment).flatMap((issue) => (issue.edit ? [issue.edit] : [])));
    if (edits.length === 0) break;
    const result = applyEdits(text, edits);
    text = result.text;
    applied += result.applied;
  }
  return { text, applied };
}
