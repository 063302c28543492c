// The course as students navigate it: modules in order, each with its lessons in order
// and total time; previous/next across module boundaries.
import { compareCourseOrder, neighbours } from './course-order.ts';

export interface OutlineLesson {
  id: string;
  title: string;
  moduleNumber: number;
  order: number;
  estimatedTime: number;
}

export interface OutlineModule {
  id: string;
  number: number;
  title: string;
}

export interface ModuleWithLessons<M extends OutlineModule, L extends OutlineLesson> {
  module: M;
  lessons: L[];
  totalMinutes: number;
}

export function buildOutline<M extends OutlineModule, L extends OutlineLesson>(
  modules: readonly M[],
  lessons: readonly L[],
): { modules: ModuleWithLessons<M, L>[]; lessons: L[]; totalMinutes: number } {
  const sorted = [...lessons].sort(compareCourseOrder);
  const grouped = [...modules]
    .sort((a, b) => a.number - b.number)
    .map((module) => {
      const own = sorted.filter((lesson) => lesson.moduleNumber === module.number);
      return { module, lessons: own, totalMinutes: sum(own) };
    });
  return { modules: grouped, lessons: sorted, totalMinutes: sum(sorted) };
}

export function lessonNeighbours<L extends OutlineLesson>(sorted: readonly L[], id: string) {
  return neighbours(sorted, id);
}

function sum(lessons: readonly OutlineLesson[]): number {
  return lessons.reduce((total, lesson) => total + lesson.estimatedTime, 0);
}
