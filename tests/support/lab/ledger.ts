// What the lab tests did, appended by the test files (they run in workers) and summed up by
// the global teardown: lab steps, commands, shown outputs compared, connectors that ran.
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extractCodeBlocks } from '../../../src/snippets/code-blocks.ts';
import { collectShownOutputs, type ShownOutput } from '../../../src/snippets/shown-output.ts';
import { errorTextOccursIn, readErrorTags, type ErrorTag } from '../../../src/lint/error-tags.ts';
import { REPO_ROOT } from './paths.ts';

export type LedgerEntry =
  | { kind: 'lesson'; file: string; steps: number; commands: number; compared: string[] }
  | { kind: 'compared'; file: string; id: string }
  | { kind: 'connector'; file: string; name: string; state: string; version: string }
  | { kind: 'config'; file: string; line: number }
  | { kind: 'validated'; file: string; line: number }
  | { kind: 'failed'; test: string }
  | { kind: 'error'; file: string; text: string }
  | { kind: 'partial' };

export function record(ledger: string, entry: LedgerEntry): void {
  appendFileSync(ledger, `${JSON.stringify(entry)}\n`);
}

/** A lab test saw an error the lesson tags (<ErrorNote text>): checks the text occurs in what the
 *  stack printed and records it, so the teardown counts the tag as proven by the stack. */
export function observeError(ledger: string, file: string, text: string, actual: string): void {
  if (!errorTextOccursIn(text, actual)) {
    throw new Error(`${file}: the lab expected the error «${text}», but the stack printed:\n${actual.slice(0, 2000)}\nfix: copy the text the stack prints into <ErrorNote text> (… for parts that change)`);
  }
  record(ledger, { kind: 'error', file, text });
}

export function readLedger(file: string) {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // no test wrote anything
  }
  const entries = text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as LedgerEntry);
  const summary = {
    steps: 0,
    commands: 0,
    lessons: new Set<string>(),
    compared: new Set<string>(),
    connectors: [] as { file: string; name: string; state: string; version: string }[],
    configs: 0,
    validated: 0,
    failed: false,
    partial: false,
    /** errors lab tests observed, by the <ErrorNote> text they prove */
    errors: [] as { file: string; text: string }[],
  };
  for (const entry of entries) {
    switch (entry.kind) {
      case 'lesson':
        summary.steps += entry.steps;
        summary.commands += entry.commands;
        summary.lessons.add(entry.file);
        for (const id of entry.compared) summary.compared.add(`${entry.file}#${id}`);
        break;
      case 'compared':
        summary.compared.add(`${entry.file}#${entry.id}`);
        break;
      case 'connector':
        summary.connectors.push(entry);
        break;
      case 'config':
        summary.configs++;
        break;
      case 'validated':
        summary.validated++;
        break;
      case 'failed':
        summary.failed = true;
        break;
      case 'partial':
        summary.partial = true;
        break;
      case 'error':
        summary.errors.push({ file: entry.file, text: entry.text });
        break;
    }
  }
  return summary;
}

export const COURSE_DIR = join(REPO_ROOT, 'src', 'content', 'course');

export function courseLessonFiles(dir = COURSE_DIR): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.mdx') && !name.split('/').pop()!.startsWith('_'))
    .sort()
    .map((name) => join(dir, name));
}

/** Every lesson of the course, read once: its repository-relative path and its source. */
export function courseLessons(): { file: string; source: string }[] {
  return courseLessonFiles().map((path) => ({ file: relative(REPO_ROOT, path), source: readFileSync(path, 'utf8') }));
}

/** Every output="…" block of the course, with repository-relative file names. */
export function courseShownOutputs(lessons = courseLessons()): ShownOutput[] {
  return lessons.flatMap(({ file, source }) => collectShownOutputs(extractCodeBlocks(source, file)).outputs);
}

/** Every <ErrorNote> of the course (tags that cannot be used are npm run check's to report). */
export function courseErrorTags(lessons = courseLessons()): ErrorTag[] {
  return lessons.flatMap(({ file, source }) => readErrorTags(source, file).tags);
}
