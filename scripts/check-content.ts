// Fast content check without Astro: file layout, frontmatter, modules, prerequisite graph, the
// glossary; then a reading estimate per lesson, with a warning (not a failure) when a lesson
// looks more than 25 % longer than its estimatedTime.
// Usage: node scripts/check-content.ts [project-root]
import { resolve } from 'node:path';
import { estimateCourse } from '../src/course/fs/estimate-course.ts';
import { loadCourse } from '../src/course/fs/load-course.ts';
import { loadGlossary } from '../src/course/fs/load-glossary.ts';
import { countLessons } from '../src/course/labels.ts';
import { CourseContentError, formatProblem, formatProblems, type Problem } from '../src/course/problems.ts';
import { estimateWarning } from '../src/course/reading-time.ts';

const root = resolve(process.argv[2] ?? '.');

// Course and glossary problems are reported together: the glossary checks introducedIn against
// the lesson files, so a broken lesson does not hide a glossary problem.
const problems: Problem[] = [];
function collect<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof CourseContentError)) throw error;
    problems.push(...error.problems);
    return undefined;
  }
}
const course = collect(() => loadCourse(root));
const glossary = collect(() => loadGlossary(root));
if (!course || problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}

const estimates = estimateCourse(root, course);
const warnings: Problem[] = [];
const width = Math.max(0, ...estimates.map((estimate) => estimate.id.length));
console.log('Reading estimates (words / 150 + code lines / 30 + 2 min per lab step):');
for (const estimate of estimates) {
  if ('error' in estimate) {
    console.log(`  ${estimate.id.padEnd(width)}  no estimate: ${estimate.error}`);
    continue;
  }
  const warning = estimateWarning(estimate);
  if (warning) warnings.push(warning);
  console.log(
    `  ${estimate.id.padEnd(width)}  ${String(estimate.words).padStart(5)} words, ${String(estimate.codeLines).padStart(3)} code lines, ` +
      `${String(estimate.steps).padStart(2)} steps → ${estimate.minutes.toFixed(1).padStart(5)} min; estimatedTime ${estimate.estimatedTime}${warning ? ' — WARNING' : ' — ok'}`,
  );
}
for (const warning of warnings) console.log(`WARNING ${formatProblem(warning)}`);

const terms = glossary ? `${glossary.length} glossary terms` : 'no glossary';
const noted = warnings.length === 0 ? '' : `; ${warnings.length} warning(s) (warnings do not fail the check)`;
console.log(`check:content ok: ${course.modules.length} module(s), ${countLessons(course.lessons.length)}, prerequisite graph valid, ${terms}${noted}`);
