// Reading estimates of every lesson of a loaded course (src/course/reading-time.ts), with the
// line of each lesson's estimatedTime for warnings.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseMdx } from '../../lint/prose.ts';
import { measureLesson, readingMinutes, type LessonEstimate } from '../reading-time.ts';
import type { Course } from '../validate-course.ts';
import { readYaml } from './read-sources.ts';

/** A lesson whose MDX does not parse gets no estimate (lint:content and the build report why). */
export type EstimateResult = LessonEstimate | { id: string; file: string; error: string };

export function estimateCourse(projectRoot: string, course: Pick<Course, 'lessons'>): EstimateResult[] {
  const root = resolve(projectRoot);
  return course.lessons.map((lesson): EstimateResult => {
    const source = readFileSync(join(root, lesson.file), 'utf8');
    let tree;
    try {
      tree = parseMdx(source);
    } catch (error) {
      return { id: lesson.id, file: lesson.file, error: `MDX does not parse: ${(error as { reason?: string; message: string }).reason ?? (error as Error).message}` };
    }
    const measure = measureLesson(source, tree);
    const yaml = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
    const line = yaml ? readYaml(yaml.value, lesson.file, lesson.file, yaml.position?.start.line ?? 1).lines.estimatedTime : undefined;
    return { id: lesson.id, file: lesson.file, ...measure, minutes: readingMinutes(measure), estimatedTime: lesson.estimatedTime, ...(line === undefined ? {} : { line }) };
  });
}
