// Reads the course from disk into sources for the pure validator: lesson frontmatter
// (found with remark, parsed with yaml so every key keeps its line) and module.yaml files.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import type { CourseSources, SourceFile } from '../validate-course.ts';

export const MODULE_FILE = 'module.yaml';
const LESSON_EXTENSION = /\.mdx?$/;

const frontmatterParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Reads every lesson and module file below `courseDir`; paths in messages are relative to `projectRoot`. */
export function readCourseSources(courseDir: string, projectRoot: string): CourseSources {
  const lessons: SourceFile[] = [];
  const modules: SourceFile[] = [];
  if (!existsSync(courseDir)) return { lessons, modules };
  for (const entry of readdirSync(courseDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const relativePath = relative(courseDir, path).split('\\').join('/');
    const file = relative(projectRoot, path).split('\\').join('/');
    // Files starting with "_" are drafts or partials, as in Astro's glob pattern.
    if (entry.name.startsWith('_')) continue;
    if (LESSON_EXTENSION.test(entry.name)) lessons.push(readLesson(path, file, relativePath));
    else if (entry.name === MODULE_FILE) modules.push(readYaml(readFileSync(path, 'utf8'), file, relativePath, 0));
  }
  const byPath = (a: SourceFile, b: SourceFile) => a.relativePath.localeCompare(b.relativePath);
  return { lessons: lessons.sort(byPath), modules: modules.sort(byPath) };
}

function readLesson(path: string, file: string, relativePath: string): SourceFile {
  const tree = frontmatterParser.parse(readFileSync(path, 'utf8'));
  const first = tree.children[0];
  if (!first || first.type !== 'yaml') return { file, relativePath, data: undefined, lines: {} };
  // The YAML starts on the line after the opening ---.
  return readYaml(first.value, file, relativePath, first.position?.start.line ?? 1);
}

/** `lineOffset` is the file line just before the YAML text starts. */
export function readYaml(text: string, file: string, relativePath: string, lineOffset: number): SourceFile {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true });
  const error = document.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    return {
      file,
      relativePath,
      data: undefined,
      lines: {},
      parseError: { line: line === undefined ? undefined : line + lineOffset, message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') },
    };
  }
  const lines: Record<string, number> = {};
  if (isMap(document.contents)) {
    for (const pair of document.contents.items) {
      if (isScalar(pair.key) && pair.key.range) {
        lines[String(pair.key.value)] = lineCounter.linePos(pair.key.range[0]).line + lineOffset;
      }
    }
  }
  return { file, relativePath, data: document.toJS(), lines };
}
