// Reads the files the content gates check: every lesson and every module.yaml of the course, and
// the glossary when the project has one.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCourse } from '../../course/fs/load-course.ts';
import { GLOSSARY_FILE } from '../../course/fs/load-glossary.ts';
import type { ContentFile } from '../lint-content.ts';

export function readContentFiles(projectRoot: string): ContentFile[] {
  const root = resolve(projectRoot);
  const course = loadCourse(root); // throws CourseContentError when the course itself is invalid
  const read = (file: string, lessonId?: string): ContentFile => {
    const absolute = join(root, file);
    return { file, absolute, source: readFileSync(absolute, 'utf8'), ...(lessonId === undefined ? {} : { lessonId }) };
  };
  const glossary: ContentFile[] = existsSync(join(root, GLOSSARY_FILE)) ? [{ ...read(GLOSSARY_FILE), glossary: true }] : [];
  return [...course.modules.map((module) => read(module.file)), ...course.lessons.map((lesson) => read(lesson.file, lesson.id)), ...glossary];
}

export function readWordList(projectRoot: string, path: string): string[] {
  return readFileSync(join(resolve(projectRoot), path), 'utf8').split('\n').filter((line) => line !== '');
}
