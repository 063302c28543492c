// Plans a new lesson file: the next order in its module, the previous lesson in course
// order as prerequisite, frontmatter that passes validation. Pure; the script writes it.
import { compareCourseOrder } from './course-order.ts';
import { parseModuleFolder } from './ids.ts';
import type { Course } from './validate-course.ts';

export interface NewLessonPlan {
  /** Relative to the course root, e.g. `04-module-4/07-saga.mdx`. */
  relativePath: string;
  id: string;
  content: string;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function planNewLesson(course: Course, moduleArg: string, slugArg: string, title: string): NewLessonPlan {
  const usage = 'usage: npm run new:lesson -- module-4 saga-pattern "Паттерн Saga"';
  const moduleNumber = /^module-(\d+)$/.exec(moduleArg)?.[1];
  if (!moduleNumber) throw new Error(`module "${moduleArg}" should look like module-4; ${usage}`);
  const module = course.modules.find((m) => m.number === Number(moduleNumber));
  if (!module) {
    const folder = `${moduleNumber.padStart(2, '0')}-module-${Number(moduleNumber)}`;
    throw new Error(
      `module ${moduleArg} does not exist; create src/content/course/${folder}/module.yaml first (see docs/authoring.md)`,
    );
  }
  const slug = slugArg.replace(/^\d{2}-/, '');
  if (!SLUG.test(slug)) throw new Error(`slug "${slugArg}" must be kebab-case latin, e.g. saga-pattern; ${usage}`);
  if (title.trim() === '') throw new Error(`the title is empty; ${usage}`);

  const own = course.lessons.filter((lesson) => lesson.moduleNumber === module.number);
  const order = Math.max(0, ...own.map((lesson) => lesson.order)) + 1;
  if (order > 99) throw new Error(`${module.id} already has 99 lessons`);
  const fileSlug = `${String(order).padStart(2, '0')}-${slug}`;
  const id = `${module.id}/${fileSlug}`;
  if (own.some((lesson) => lesson.slug.slice(3) === slug)) throw new Error(`${module.id} already has a lesson with the slug "${slug}"`);

  const position = { moduleNumber: module.number, order };
  const previous = course.lessons.filter((lesson) => compareCourseOrder(lesson, position) < 0).at(-1);
  const folder = parseModuleFolder(module.folder);
  if (!folder.ok) throw new Error(folder.reason);

  const content = [
    '---',
    `title: ${JSON.stringify(title.trim())}`,
    `description: ${JSON.stringify('Одно предложение о том, что студент узнает из урока.')}`,
    `order: ${order}`,
    'difficulty: intermediate',
    'estimatedTime: 30',
    `topics: [${slug}]`,
    `prerequisites: [${previous ? previous.id : ''}]`,
    '---',
    '',
    '## Зачем это нужно',
    '',
    'Начните с задачи, которую урок решает.',
    '',
    '## Проверьте себя',
    '',
    '<details>',
    '<summary>Вопрос?</summary>',
    '',
    'Ответ.',
    '',
    '</details>',
    '',
  ].join('\n');
  return { relativePath: `${module.folder}/${fileSlug}.mdx`, id, content };
}
