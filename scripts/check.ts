// npm run check: the instructor's one command. Reports every problem of the course in one pass,
// grouped by file, each as `file:line field = value` / message / fix: frontmatter, modules and
// the prerequisite graph; MDX syntax; every Mermaid diagram that does not parse (mermaid's own
// parser) or whose labels cut a word; code block languages; snippets (SQL run on PostgreSQL,
// JSON and connector configs); the glossary; links, spelling, typography, terminology and
// whatever else lint:content checks (its library function, with the glossary's terms).
// Exits 1 when there is anything.
//   node scripts/check.ts [project-root]
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COURSE_DIR } from '../src/course/fs/load-course.ts';
import { courseLessonIds, GLOSSARY_FILE, parseGlossary } from '../src/course/fs/load-glossary.ts';
import { validateGlossary } from '../src/course/glossary.ts';
import { readCourseSources } from '../src/course/fs/read-sources.ts';
import { parseLessonPath } from '../src/course/ids.ts';
import { formatProblem, type Problem } from '../src/course/problems.ts';
import { validateCourse } from '../src/course/validate-course.ts';
import { checkCodeLanguages } from '../src/lint/code-languages.ts';
import { checkComponentImports } from '../src/lint/component-imports.ts';
import { readErrorTags } from '../src/lint/error-tags.ts';
import { allProblems, lintContent, type ContentFile } from '../src/lint/lint-content.ts';
import { mdxSyntaxProblem } from '../src/lint/mdx-syntax.ts';
import { loadSpellingSettings } from '../src/lint/spelling.ts';
import { loadCatalogue } from '../src/snippets/catalogue.ts';
import { extractCodeBlocks } from '../src/snippets/code-blocks.ts';
import { knownCodeLanguages } from '../src/site/markdown/code-languages.ts';
import { findBrowser } from '../src/site/browser/launch.ts';
import { scanMermaidFences } from '../src/site/mermaid/blocks.ts';
import { defaultCacheDir } from '../src/site/mermaid/cache.ts';
import { labelSplitProblem } from '../src/site/mermaid/label-splits.ts';
import { DiagramService } from '../src/site/mermaid/service.ts';
import { checkDiagramSyntax } from '../src/site/mermaid/syntax.ts';
import { planSnippets, runSnippetSql, snippetToProblem } from './lib/snippets.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const root = resolve(process.argv[2] ?? REPO);
const started = performance.now();
const timings: string[] = [];
const timed = async <T>(name: string, work: () => Promise<T> | T): Promise<T> => {
  const at = performance.now();
  const result = await work();
  timings.push(`${name} ${((performance.now() - at) / 1000).toFixed(1)} s`);
  return result;
};

// 1. Frontmatter, modules, prerequisite graph: every problem, and the lessons that are valid.
const sources = readCourseSources(join(root, COURSE_DIR), root);
const { course, problems: courseProblems } = validateCourse(sources, { fileExists: (path) => existsSync(join(root, path)) });

// The glossary (when the project has one): its own problems, and its valid terms for
// lint:content's terminology check, so a broken term does not hide the others.
const hasGlossary = existsSync(join(root, GLOSSARY_FILE));
const { terms, problems: glossaryProblems } = hasGlossary
  ? validateGlossary(parseGlossary(readFileSync(join(root, GLOSSARY_FILE), 'utf8'), GLOSSARY_FILE), { lessonIds: courseLessonIds(root) })
  : { terms: [], problems: [] };

// Every lesson and module file, valid or not, and the glossary are read for the other checks.
const files: ContentFile[] = [
  ...sources.modules.map((module) => contentFile(module.file)),
  ...sources.lessons.map((lesson) => {
    const path = parseLessonPath(lesson.relativePath);
    return contentFile(lesson.file, path.ok ? path.value.id : undefined);
  }),
  ...(hasGlossary ? [{ ...contentFile(GLOSSARY_FILE), glossary: true as const }] : []),
];
const lessons = files.filter((file) => /\.mdx?$/.test(file.file));

// 2. MDX syntax.
const mdxProblems = lessons.flatMap((file) => mdxSyntaxProblem(file.file, file.source) ?? []);
const unparsable = new Set(mdxProblems.map((problem) => problem.file));

// 2b. Error tags for the troubleshooting index (<ErrorNote>): their attributes. Whether a
// PostgreSQL tag is what the server raises is tests/integration/snippets/error-tags.test.ts.
const errorTagProblems = lessons
  .filter((file) => !unparsable.has(file.file) && file.source.includes('<ErrorNote'))
  .flatMap((file) => readErrorTags(file.source, file.file).problems);
// Components used without an import: Astro would stop at render time without naming the line.
const importProblems = lessons.filter((file) => !unparsable.has(file.file)).flatMap((file) => checkComponentImports(file.source, file.file));

const [diagramProblems, languageProblems, snippetProblems, lintProblems] = await Promise.all([
  timed('diagrams', checkDiagrams),
  timed('code languages', checkLanguages),
  timed('snippets', checkSnippets),
  timed('lint:content (links, spelling, typography, terminology)', lint),
]);

const problems = [...courseProblems, ...glossaryProblems, ...mdxProblems, ...errorTagProblems, ...importProblems, ...diagramProblems, ...languageProblems, ...snippetProblems, ...lintProblems];
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const summary = `check: ${sources.lessons.length} lessons, ${sources.modules.length} modules; ${timings.join(', ')}; ${seconds} s`;
if (problems.length === 0) {
  console.log(`${summary}\ncheck: no problems`);
  process.exit(0);
}
const byFile = new Map<string, Problem[]>();
for (const problem of problems) byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
const ordered = [...byFile.keys()].sort();
console.log(summary);
console.error(`\nThe course has ${problems.length} problem(s) in ${ordered.length} file(s):`);
let number = 0;
for (const file of ordered) {
  const list = byFile.get(file)!.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  console.error(`\n${file} — ${list.length} problem(s)`);
  for (const problem of list) console.error(`${++number}. ${formatProblem(problem)}`);
}
process.exit(1);

function contentFile(file: string, lessonId?: string): ContentFile {
  const absolute = join(root, file);
  return { file, absolute, source: readFileSync(absolute, 'utf8'), ...(lessonId === undefined ? {} : { lessonId }) };
}

/** 3. Every diagram that mermaid cannot parse; then the label check on the ones that parse,
 * from the render cache (what the build will ship), rendering the new ones when a browser is
 * there (the build then finds them cached). */
async function checkDiagrams(): Promise<Problem[]> {
  // The project's cache (content-addressed): a course checked from elsewhere shares it.
  const service = new DiagramService({ cacheDir: defaultCacheDir(REPO) });
  const found: Problem[] = [];
  const valid: { file: string; line: number; source: string }[] = [];
  for (const file of lessons) {
    const syntax = await checkDiagramSyntax(file.file, file.source, (source) => service.isCached(source));
    found.push(...syntax);
    for (const fence of scanMermaidFences(file.source)) {
      if (fence.source === '' || syntax.some((problem) => problem.fenceLine === fence.line)) continue;
      valid.push({ file: file.file, line: fence.line, source: fence.source });
    }
  }
  const canRender = valid.every((diagram) => service.isCached(diagram.source)) || findBrowser().ok;
  if (!canRender) {
    console.log('check: no browser to render new diagrams; their label check runs at build (npm run build)');
  } else {
    const rendered = await Promise.allSettled(valid.map((diagram) => service.get(diagram.source)));
    rendered.forEach((result, i) => {
      const diagram = valid[i]!;
      if (result.status === 'fulfilled') {
        if (result.value.splitLabels?.length) found.push(labelSplitProblem(diagram.file, diagram.line, result.value.splitLabels));
      } else {
        const reason = result.reason as Error;
        found.push({ file: diagram.file, line: diagram.line, field: 'mermaid', value: diagram.source.split('\n')[0], message: `the diagram parses but does not render: ${reason.message}`, fix: 'simplify the diagram; see mermaid\'s message' });
      }
    });
  }
  await service.close();
  return found;
}

/** 4. Code block languages the site cannot highlight. */
async function checkLanguages(): Promise<Problem[]> {
  const known = await knownCodeLanguages();
  return lessons.filter((file) => !unparsable.has(file.file)).flatMap((file) => checkCodeLanguages(file.file, extractCodeBlocks(file.source, file.file), known));
}

/** 5. Snippets of the valid lessons and the labs: static checks, then the SQL on PostgreSQL. */
async function checkSnippets(): Promise<Problem[]> {
  const parsable = course.lessons.filter((lesson) => !unparsable.has(lesson.file));
  const targets = planSnippets(root, parsable, loadCatalogue());
  const run = await runSnippetSql(root, targets);
  return [...targets.flatMap((target) => target.plan.problems), ...run.problems].map(snippetToProblem);
}

/** 6. lint:content's checks (links, spelling, typography, terminology, and what it gains later). */
async function lint(): Promise<Problem[]> {
  const settings = await loadSpellingSettings(resolve(REPO, 'cspell.config.yaml'));
  const reports = await lintContent(files, settings, terms);
  // MDX syntax is reported above, once.
  return reports.flatMap(allProblems).filter((problem) => !(unparsable.has(problem.file) && problem.message.startsWith('MDX does not parse')));
}
