// Astro glue: the lessons collection loads through Astro's glob loader, but only after the
// whole course (frontmatter, modules, prerequisite graph) passed the pure validator, so
// `astro dev`, `astro build` and `astro sync` fail with every problem listed together.
import { glob } from 'astro/loaders';
import type { Loader } from 'astro/loaders';
import { fileURLToPath } from 'node:url';
import { lessonIdFromPath } from '../course/ids.ts';
import { COURSE_DIR, loadCourse } from '../course/fs/load-course.ts';
import { CourseContentError } from '../course/problems.ts';

export function courseLoader(): Loader {
  const lessons = glob({
    base: `./${COURSE_DIR}`,
    pattern: '**/[^_]*.{md,mdx}',
    generateId: ({ entry }) => lessonIdFromPath(entry),
  });
  return {
    name: 'course-loader',
    load: async (context) => {
      const root = fileURLToPath(context.config.root);
      loadCourse(root); // throws CourseContentError listing every problem
      await lessons.load(context);
      // In dev the glob loader reloads single files; re-check the whole course on each change.
      context.watcher?.on('all', (_event, path) => {
        if (!path.includes(COURSE_DIR)) return;
        try {
          loadCourse(root);
        } catch (error) {
          if (!(error instanceof CourseContentError)) throw error;
          context.logger.error(error.message);
        }
      });
    },
  };
}

export function moduleLoader(): Loader {
  return glob({
    base: `./${COURSE_DIR}`,
    pattern: '*/module.yaml',
    generateId: ({ entry }) => `module-${Number(entry.split('-')[0])}`,
  });
}
