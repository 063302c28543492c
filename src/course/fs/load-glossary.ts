// Reads the glossary from disk for the pure validator (src/course/glossary.ts): the YAML list of
// terms with the line of every item, key and avoid variant. The site loads the same file through
// Astro's file loader (src/content.config.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { validateGlossary, type CompiledTerm, type GlossaryItem, type GlossarySource } from '../glossary.ts';
import { parseLessonPath } from '../ids.ts';
import { CourseContentError } from '../problems.ts';
import { COURSE_DIR } from './load-course.ts';
import { readCourseSources } from './read-sources.ts';

export const GLOSSARY_FILE = 'src/content/glossary/terms.yaml';

export function parseGlossary(text: string, file: string): GlossarySource {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: true });
  const line = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const error = document.errors[0];
  if (error) {
    return { file, items: [], parseError: { line: error.linePos?.[0]?.line, message: error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '') } };
  }
  if (document.contents === null) return { file, items: [] };
  if (!isSeq(document.contents)) return { file, items: [], parseError: { line: 1, message: 'the file is not a YAML list of terms' } };
  const values = document.toJS() as unknown[];
  const items: GlossaryItem[] = document.contents.items.map((node, index) => {
    const start = (node as { range?: [number, number, number] } | null)?.range?.[0];
    const item: GlossaryItem = { data: values[index], line: line(start), lines: {}, avoidLines: [] };
    if (!isMap(node)) return item;
    for (const pair of node.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const key = String(pair.key.value);
      const keyStart = pair.key.range[0];
      item.lines[key] = line(keyStart);
      if (key === 'avoid' && isSeq(pair.value)) {
        item.avoidLines = pair.value.items.map((element) => line((element as { range?: [number, number, number] } | null)?.range?.[0] ?? keyStart));
      }
    }
    return item;
  });
  return { file, items };
}

/** Ids of every lesson file of the course, whether or not its frontmatter is valid. */
export function courseLessonIds(projectRoot: string, courseDir = COURSE_DIR): Set<string> {
  const root = resolve(projectRoot);
  const ids = new Set<string>();
  for (const lesson of readCourseSources(join(root, courseDir), root).lessons) {
    const path = parseLessonPath(lesson.relativePath);
    if (path.ok) ids.add(path.value.id);
  }
  return ids;
}

/** The validated glossary, or undefined when the project has none; throws CourseContentError
 *  listing every problem. */
export function loadGlossary(projectRoot: string, lessonIds: ReadonlySet<string> = courseLessonIds(projectRoot)): CompiledTerm[] | undefined {
  const path = join(resolve(projectRoot), GLOSSARY_FILE);
  if (!existsSync(path)) return undefined;
  const { terms, problems } = validateGlossary(parseGlossary(readFileSync(path, 'utf8'), GLOSSARY_FILE), { lessonIds });
  if (problems.length > 0) throw new CourseContentError(problems);
  return terms;
}
