// check:snippets: runs every SQL block of every lesson (in document order, on a fresh
// PostgreSQL database after the lesson's sqlSetup files) and every lab SQL file, and checks
// every JSON block and lab connector config against the option catalogue. Prints a line
// per file and fails listing every problem (file:line, block, reason). Content problems (an
// invalid course, MDX that does not parse) end in the list and exit 1, never a stack trace.
//   node scripts/check-snippets.ts [project-root]   (PG_TEST_MAJOR picks the PostgreSQL major)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readCourseSources } from '../src/course/fs/read-sources.ts';
import { COURSE_DIR } from '../src/course/fs/load-course.ts';
import { formatProblem } from '../src/course/problems.ts';
import { validateCourse } from '../src/course/validate-course.ts';
import { loadCatalogue } from '../src/snippets/catalogue.ts';
import type { SnippetProblem } from '../src/snippets/check-blocks.ts';
import { formatSnippetProblem, planSnippets, runSnippetSql } from './lib/snippets.ts';

const ROOT = resolve(process.argv[2] ?? new URL('..', import.meta.url).pathname);
const started = performance.now();

// An invalid course is reported, and the lessons that are valid are still checked.
const { course, problems: courseProblems } = validateCourse(readCourseSources(join(ROOT, COURSE_DIR), ROOT), {
  fileExists: (path) => existsSync(join(ROOT, path)),
});
const targets = planSnippets(ROOT, course.lessons, loadCatalogue());
const problems: SnippetProblem[] = targets.flatMap((target) => target.plan.problems);
const run = await runSnippetSql(ROOT, targets);
console.log(run.banner);
problems.push(...run.problems);

const width = Math.max(0, ...targets.map((target) => target.plan.file.length));
for (const { plan } of targets) {
  const { run: ran, checked, optedOut } = plan.counts;
  const bad = problems.filter((problem) => problem.file === plan.file).length;
  console.log(`${plan.file.padEnd(width)}  ${ran} SQL run, ${checked} JSON checked, ${optedOut} opted out${bad ? `, ${bad} problem(s)` : ''}`);
}
const total = (key: 'run' | 'checked' | 'optedOut') => targets.reduce((sum, target) => sum + target.plan.counts[key], 0);
console.log(`check:snippets: ${targets.length} files, ${total('run')} SQL blocks run, ${total('checked')} JSON blocks checked, ${total('optedOut')} opted out with a reason, PostgreSQL ${run.version}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (problems.length > 0 || courseProblems.length > 0) {
  if (courseProblems.length > 0) {
    console.error(`\nThe course itself has ${courseProblems.length} problem(s); its invalid lessons were not checked:`);
    courseProblems.forEach((problem, i) => console.error(`${i + 1}. ${formatProblem(problem)}`));
  }
  console.error(`\n${problems.length} problem(s):`);
  for (const problem of problems) console.error(`  ${formatSnippetProblem(problem)}`);
  process.exit(1);
}
