// Lesson and module ids derived from file paths. A lesson at
// `04-module-4/05-outbox-pattern-theory.mdx` has the id `module-4/05-outbox-pattern-theory`:
// the module folder loses its number prefix, the file keeps it.

export const MODULE_FOLDER_PATTERN = /^(\d{2})-module-(\d+)$/;
export const LESSON_FILE_PATTERN = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx?$/;
/** A lesson id as prerequisites and saved progress name it: `module-4/05-outbox-pattern-theory`. */
export const LESSON_ID_PATTERN = /^module-\d+\/\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface ModuleFolder {
  folder: string;
  /** `module-4` */
  id: string;
  number: number;
}

export interface LessonPath {
  module: ModuleFolder;
  /** `module-4/05-outbox-pattern-theory` */
  id: string;
  /** The number in the file name (`05-…` → 5). */
  filePrefix: number;
  /** `05-outbox-pattern-theory` */
  slug: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; fix: string };

export function parseModuleFolder(folder: string): Parsed<ModuleFolder> {
  const match = MODULE_FOLDER_PATTERN.exec(folder);
  if (!match) {
    return {
      ok: false,
      reason: `module folder "${folder}" does not match NN-module-N`,
      fix: 'name module folders like "04-module-4" (two-digit prefix, then module-<number>)',
    };
  }
  const prefix = Number(match[1]);
  const number = Number(match[2]);
  if (prefix !== number || number < 1) {
    const expected = `${String(number).padStart(2, '0')}-module-${number}`;
    return {
      ok: false,
      reason: `module folder "${folder}" has prefix ${match[1]} but module number ${number}`,
      fix: `rename the folder to "${expected}"`,
    };
  }
  return { ok: true, value: { folder, id: `module-${number}`, number } };
}

/** `relativePath` is relative to the course root, with forward slashes. */
export function parseLessonPath(relativePath: string): Parsed<LessonPath> {
  const parts = relativePath.split('/');
  if (parts.length !== 2) {
    return {
      ok: false,
      reason: `lesson "${relativePath}" is not directly inside a module folder`,
      fix: 'move it to src/content/course/NN-module-N/NN-slug.mdx',
    };
  }
  const [folder, file] = parts as [string, string];
  const module = parseModuleFolder(folder);
  if (!module.ok) return module;
  const match = LESSON_FILE_PATTERN.exec(file);
  if (!match) {
    return {
      ok: false,
      reason: `lesson file name "${file}" does not match NN-slug.mdx`,
      fix: 'name it with a two-digit order prefix and a kebab-case slug, e.g. "05-outbox-pattern-theory.mdx"',
    };
  }
  const slug = `${match[1]}-${match[2]}`;
  return {
    ok: true,
    value: { module: module.value, id: `${module.value.id}/${slug}`, filePrefix: Number(match[1]), slug },
  };
}

/** The id Astro's glob loader stores an entry under; invalid paths keep their path so the
 * course validator, not the loader, reports them. */
export function lessonIdFromPath(relativePath: string): string {
  const parsed = parseLessonPath(relativePath);
  return parsed.ok ? parsed.value.id : relativePath.replace(/\.mdx?$/, '');
}
