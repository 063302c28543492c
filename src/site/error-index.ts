// Astro glue for the troubleshooting page: every <ErrorNote> of every lesson (src/lint/error-tags.ts),
// grouped by component in the order of ERROR_COMPONENTS; the same error tagged in two lessons is
// one entry with two links. A tag that cannot be used stops the build with file:line and the fix.
import { getCollection } from 'astro:content';
import { CourseContentError } from '../course/problems.ts';
import { ERROR_COMPONENTS, readErrorTags, type ErrorComponent, type ErrorTag } from '../lint/error-tags.ts';
import { getCourseOutline } from './course-data.ts';

export interface ErrorEntry {
  component: ErrorComponent;
  text: string;
  sqlstate?: string;
  meaning: string;
  anchor: string;
  /** where it is explained, in course order */
  lessons: { id: string; title: string; number: string; anchor: string }[];
}

export async function getErrorIndex(): Promise<{ component: ErrorComponent; label: string; entries: ErrorEntry[] }[]> {
  const outline = await getCourseOutline();
  const entries = new Map((await getCollection('docs')).map((entry) => [entry.id, entry]));
  const found: { tag: ErrorTag; lesson: (typeof outline.lessons)[number] }[] = [];
  const problems = [];
  for (const lesson of outline.lessons) {
    const entry = entries.get(lesson.id);
    if (!entry?.body?.includes('<ErrorNote')) continue;
    const file = entry.filePath ?? lesson.id;
    const { tags, problems: wrong } = readErrorTags(entry.body, file);
    problems.push(...wrong);
    for (const tag of tags) found.push({ tag, lesson });
  }
  if (problems.length > 0) throw new CourseContentError(problems);
  const byError = new Map<string, ErrorEntry>();
  for (const { tag, lesson } of found) {
    const key = `${tag.component} ${tag.text}`;
    const entry = byError.get(key) ?? { component: tag.component, text: tag.text, ...(tag.sqlstate ? { sqlstate: tag.sqlstate } : {}), meaning: tag.meaning, anchor: tag.anchor, lessons: [] };
    entry.lessons.push({ id: lesson.id, title: lesson.title, number: `${lesson.moduleNumber}.${lesson.order}`, anchor: tag.anchor });
    byError.set(key, entry);
  }
  return (Object.keys(ERROR_COMPONENTS) as ErrorComponent[])
    .map((component) => ({
      component,
      label: ERROR_COMPONENTS[component],
      entries: [...byError.values()].filter((entry) => entry.component === component).sort((a, b) => a.text.localeCompare(b.text, 'en')),
    }))
    .filter((group) => group.entries.length > 0);
}
