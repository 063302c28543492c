// Reads and validates the course in one call; throws CourseContentError listing every problem.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CourseContentError } from '../problems.ts';
import { validateCourse, type Course } from '../validate-course.ts';
import { readCourseSources } from './read-sources.ts';

export const COURSE_DIR = 'src/content/course';

export function loadCourse(projectRoot: string, courseDir = COURSE_DIR): Course {
  const root = resolve(projectRoot);
  const sources = readCourseSources(join(root, courseDir), root);
  const { course, problems } = validateCourse(sources, { fileExists: (path) => existsSync(join(root, path)) });
  if (problems.length > 0) throw new CourseContentError(problems);
  return course;
}
