// Astro glue for the glossary page: the terms of the `glossary` collection with the lesson that
// introduces each one and the lessons whose prose uses it (src/lint/term-uses.ts, the matcher
// the first-use links in lessons go by), alphabetically in Russian.
import { getCollection } from 'astro:content';
import { readProse } from '../lint/prose.ts';
import { termMatcher, termsUsed } from '../lint/term-uses.ts';
import { getCourseOutline } from './course-data.ts';

export interface GlossaryPageLesson {
  id: string;
  title: string;
  moduleNumber: number;
  order: number;
}

export interface GlossaryPageTerm {
  id: string;
  ru: string;
  en: string;
  definition: string;
  /** the lesson that introduces the term */
  introducedIn?: GlossaryPageLesson;
  /** the module whose lessons are still being written */
  plannedModule?: number;
  /** other lessons using the term, in course order */
  usedIn: GlossaryPageLesson[];
}

export async function getGlossaryPage(): Promise<GlossaryPageTerm[]> {
  const terms = (await getCollection('glossary')).map((entry) => entry.data);
  const outline = await getCourseOutline();
  const bodies = new Map((await getCollection('docs')).map((entry) => [entry.id, entry.body ?? '']));
  const matcher = termMatcher(terms);
  const uses = new Map<string, GlossaryPageLesson[]>();
  for (const lesson of outline.lessons) {
    for (const id of termsUsed(readProse(bodies.get(lesson.id) ?? '').segments, matcher)) {
      uses.set(id, [...(uses.get(id) ?? []), lesson]);
    }
  }
  const byId = new Map(outline.lessons.map((lesson) => [lesson.id, lesson]));
  return terms
    .map((term): GlossaryPageTerm => ({
      id: term.id,
      ru: term.ru,
      en: term.en,
      definition: term.definition,
      ...(term.introducedIn && byId.has(term.introducedIn) ? { introducedIn: byId.get(term.introducedIn)! } : {}),
      ...(term.plannedIn ? { plannedModule: Number(term.plannedIn.replace('module-', '')) } : {}),
      usedIn: (uses.get(term.id) ?? []).filter((lesson) => lesson.id !== term.introducedIn),
    }))
    .sort((a, b) => a.ru.localeCompare(b.ru, 'ru', { sensitivity: 'base' }));
}

/** The letter a term is filed under: its first letter, upper case. */
export function initialOf(ru: string): string {
  return (ru.match(/\p{L}/u)?.[0] ?? '#').toLocaleUpperCase('ru');
}
