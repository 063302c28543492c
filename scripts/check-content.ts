// Fast content check without Astro: file layout, frontmatter, modules, prerequisite graph.
// Usage: node scripts/check-content.ts [project-root]
import { resolve } from 'node:path';
import { loadCourse } from '../src/course/fs/load-course.ts';
import { orExitOnContentProblems } from './lib/or-exit.ts';
import { countLessons } from '../src/course/labels.ts';

const root = resolve(process.argv[2] ?? '.');
const course = orExitOnContentProblems(() => loadCourse(root));
console.log(`check:content ok: ${course.modules.length} module(s), ${countLessons(course.lessons.length)}, prerequisite graph valid`);
