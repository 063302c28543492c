import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readCourseSources } from '../../../src/course/fs/read-sources.ts';
import { validateCourse } from '../../../src/course/validate-course.ts';

export const FIXTURES = new URL('../../fixtures/courses/', import.meta.url).pathname;

/** Validates a fixture course the way `check:content` does. */
export function validateFixture(name: string) {
  const root = join(FIXTURES, name);
  const sources = readCourseSources(join(root, 'src/content/course'), root);
  return validateCourse(sources, { fileExists: (path) => existsSync(join(root, path)) });
}
