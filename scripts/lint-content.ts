// lint:content: the content gates over every lesson and module.yaml: internal links and anchors
// resolve and external links are well-formed https; prose is spelt right (cspell, Russian and
// English dictionaries plus cspell/project-words.txt); Russian typography (typograf); terminology
// (no variant the glossary src/content/glossary/terms.yaml says to avoid). Code, inline code,
// URLs and frontmatter ids are never checked. Prints a line per file, then every problem as
// file:line:column with a fix.
//   node scripts/lint-content.ts [project-root]
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem } from '../src/course/problems.ts';
import { loadGlossary } from '../src/course/fs/load-glossary.ts';
import { readContentFiles, readWordList } from '../src/lint/fs/read-content.ts';
import { allProblems, lintContent, WORD_LIST } from '../src/lint/lint-content.ts';
import { checkComponentImports } from '../src/lint/component-imports.ts';
import { loadSpellingSettings } from '../src/lint/spelling.ts';
import { orExitOnContentProblems } from './lib/or-exit.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const root = resolve(process.argv[2] ?? REPO);
const started = performance.now();

const files = orExitOnContentProblems(() => readContentFiles(root));
// The glossary of the project being checked; a project without one skips the terminology gate.
const glossary = orExitOnContentProblems(() => loadGlossary(root));
const settings = await loadSpellingSettings(resolve(REPO, 'cspell.config.yaml'));
const reports = await lintContent(files, settings, glossary);

const width = Math.max(...reports.map((report) => report.file.length));
for (const report of reports) {
  const count = (problems: unknown[], noun: string) => `${problems.length} ${noun}`;
  const bad = allProblems(report).length;
  console.log(
    `${report.file.padEnd(width)}  ${String(report.words).padStart(5)} words, ${report.links} links; ` +
      `${count(report.linkProblems, 'link')}, ${count(report.spelling, 'spelling')}, ${count(report.typography, 'typography')}, ${count(report.terminology, 'terminology')} problem(s)${bad ? '' : ' — ok'}`,
  );
}
// Components a lesson uses without importing them (Astro would stop at render time without the line).
const importProblems = files.filter((file) => file.file.endsWith('.mdx')).flatMap((file) => checkComponentImports(file.source, file.file));
const problems = [...reports.flatMap(allProblems), ...importProblems];
const words = reports.reduce((sum, report) => sum + report.words, 0);
const fixable = reports.reduce((sum, report) => sum + report.edits.length, 0);
console.log(
  `lint:content: ${reports.length} files, ${words} words checked, ${readWordList(REPO, WORD_LIST).length} project words, ` +
    `${glossary ? `${glossary.length} glossary terms` : 'no glossary (terminology not checked)'}, ` +
    `${problems.length} problem(s), ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):`);
  problems.forEach((problem, index) => console.error(`${index + 1}. ${formatProblem(problem)}`));
  if (fixable > 0) console.error(`\n${fixable} typography fix(es) can be applied with: npm run fix:typography`);
  process.exit(1);
}
