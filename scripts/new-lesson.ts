// Creates a lesson with the next order in its module and the previous lesson as prerequisite.
// Usage: npm run new:lesson -- module-4 saga-pattern "Паттерн Saga"
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { COURSE_DIR, loadCourse } from '../src/course/fs/load-course.ts';
import { planNewLesson } from '../src/course/new-lesson.ts';
import { CourseContentError } from '../src/course/problems.ts';

const root = resolve(process.env.COURSE_ROOT ?? '.');
const [moduleArg = '', slug = '', title = ''] = process.argv.slice(2);
try {
  const plan = planNewLesson(loadCourse(root), moduleArg, slug, title);
  const path = join(root, COURSE_DIR, plan.relativePath);
  if (existsSync(path)) throw new Error(`${path} already exists`);
  writeFileSync(path, plan.content);
  loadCourse(root); // the new file must pass the same checks as every lesson
  console.log(`created ${join(COURSE_DIR, plan.relativePath)} (id ${plan.id}); fill in description, difficulty, time and topics`);
} catch (error) {
  const message = error instanceof CourseContentError ? error.message : `new:lesson: ${error instanceof Error ? error.message : String(error)}`;
  console.error(message);
  process.exit(1);
}
