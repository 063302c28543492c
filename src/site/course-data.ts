// Astro glue: the course outline built from the content collections, shared by the route
// middleware, the lesson header and the home and module pages.
import { getCollection, type CollectionEntry } from 'astro:content';
import { parseLessonPath } from '../course/ids.ts';
import { buildOutline } from '../course/outline.ts';

type PageData = CollectionEntry<'docs'>['data'];
export type LessonData = Extract<PageData, { difficulty: unknown }>;

export function isLesson(data: PageData): data is LessonData {
  return 'difficulty' in data;
}

export interface SiteLesson {
  id: string;
  title: string;
  description: string;
  moduleNumber: number;
  order: number;
  estimatedTime: number;
  difficulty: LessonData['difficulty'];
  prerequisites: string[];
}

export interface SiteModule {
  id: string;
  number: number;
  title: string;
  description: string;
  covers: string[];
}

export async function getCourseOutline() {
  const lessons = (await getCollection('docs')).flatMap((entry): SiteLesson[] => {
    if (!isLesson(entry.data)) return [];
    const path = parseLessonPath(`${entry.filePath ?? ''}`.replace(/^.*src\/content\/course\//, ''));
    if (!path.ok) return [];
    const { title, description, order, estimatedTime, difficulty, prerequisites } = entry.data;
    return [{ id: entry.id, title, description, moduleNumber: path.value.module.number, order, estimatedTime, difficulty, prerequisites }];
  });
  const modules = (await getCollection('modules')).map(
    (entry): SiteModule => ({ id: entry.id, ...entry.data }),
  );
  return buildOutline(modules, lessons);
}

/** A site path under the configured base: pathTo('module-4/05-x') → '/base/module-4/05-x/'. */
export function pathTo(id: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return id === '' ? base : `${base}${id.replace(/^\/+|\/+$/g, '')}/`;
}
