// A student's progress without accounts: which lessons they marked as done and when. Kept in
// the browser's localStorage under a versioned key and carried between computers as a JSON
// file of the same shape. Pure: no DOM, no storage; the browser glue is src/site/progress/.
import { LESSON_ID_PATTERN } from './ids.ts';

export const PROGRESS_FORMAT = 'debezium-course-progress';
export const PROGRESS_VERSION = 1;
/** The key before progress was kept per base path: one per origin, shared by every copy of the
 * course on it. Read once by the copy at the default base, which moves it to its own key. */
export const LEGACY_PROGRESS_STORAGE_KEY = `debezium-course:progress:v${PROGRESS_VERSION}`;
/** The base path a site gets without BASE_PATH (src/site/deploy-options.ts). */
export const DEFAULT_BASE = '/';

function normalizeBase(base: string): string {
  return `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** Where a copy of the course under `base` keeps progress: two copies on one origin
 * (`/debezium-course/` and `/debezium-course-draft/`) never share it. A new format version gets
 * a new key. */
export function progressStorageKey(base: string): string {
  return `${LEGACY_PROGRESS_STORAGE_KEY}:${normalizeBase(base)}`;
}

/** The old key this copy takes its progress from when its own key is empty. Before keys had a
 * base, every copy on the origin read and wrote that one key, so each copy starts from it once
 * (the published course at /debezium-course/ as much as one at /); after that they diverge. */
export function legacyProgressKey(_base: string): string | undefined {
  return LEGACY_PROGRESS_STORAGE_KEY;
}

/** Reads a copy's progress from storage, moving the old shared key's value to the copy's own key
 * the first time (the old key is left for other readers). */
export function loadProgress(storage: Pick<Storage, 'getItem' | 'setItem'>, base: string): Progress {
  const own = storage.getItem(progressStorageKey(base));
  if (own !== null) return readStoredProgress(own);
  const legacy = legacyProgressKey(base);
  const old = legacy === undefined ? null : storage.getItem(legacy);
  if (old === null) return EMPTY_PROGRESS;
  const progress = readStoredProgress(old);
  try {
    storage.setItem(progressStorageKey(base), old);
  } catch {
    // storage full or disabled: read it from the old key again next time
  }
  return progress;
}
/** A whole course is a few KiB; anything much larger is not a progress file. */
export const MAX_PROGRESS_FILE_BYTES = 256 * 1024;

/** Lesson id → when the student marked it done (ISO 8601). */
export interface Progress {
  readonly completed: Readonly<Record<string, string>>;
}

/** What is stored and exported. */
export interface ProgressFile {
  format: typeof PROGRESS_FORMAT;
  version: typeof PROGRESS_VERSION;
  savedAt: string;
  completed: Record<string, string>;
}

export type ParsedProgress = { ok: true; progress: Progress } | { ok: false; error: string };

export const EMPTY_PROGRESS: Progress = { completed: {} };

export function isDone(progress: Progress, id: string): boolean {
  return Object.hasOwn(progress.completed, id);
}

export function markLesson(progress: Progress, id: string, done: boolean, now: Date): Progress {
  const completed = { ...progress.completed };
  if (!done) delete completed[id];
  else if (!isDone(progress, id)) completed[id] = now.toISOString();
  return { completed };
}

export function toProgressFile(progress: Progress, now: Date): ProgressFile {
  const ids = Object.keys(progress.completed).sort();
  return {
    format: PROGRESS_FORMAT,
    version: PROGRESS_VERSION,
    savedAt: now.toISOString(),
    completed: Object.fromEntries(ids.map((id) => [id, progress.completed[id]!])),
  };
}

export function serializeProgress(progress: Progress, now: Date, indent?: number): string {
  return JSON.stringify(toProgressFile(progress, now), null, indent);
}

/** `debezium-course-progress-2025-03-14.json` */
export function progressFileName(now: Date): string {
  return `${PROGRESS_FORMAT}-${now.toISOString().slice(0, 10)}.json`;
}

const quote = (value: unknown) => `«${String(value).slice(0, 60)}»`;

/** Reads a stored value or an imported file; every problem is a sentence for the student. */
export function parseProgress(text: string): ParsedProgress {
  const fail = (error: string): ParsedProgress => ({ ok: false, error });
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('Это не файл прогресса: его содержимое не JSON.');
  }
  if (!isRecord(data) || data.format !== PROGRESS_FORMAT) {
    return fail(`Это не файл прогресса курса: в нём нет отметки формата ${quote(PROGRESS_FORMAT)}.`);
  }
  const { version, completed } = data;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail(`В файле прогресса неизвестная версия формата: ${quote(JSON.stringify(version))}.`);
  }
  if (version > PROGRESS_VERSION) {
    return fail(
      `Файл сохранён более новой версией сайта (формат ${version}), а эта страница понимает только формат ${PROGRESS_VERSION}. ` +
        'Обновите страницу и попробуйте ещё раз.',
    );
  }
  if (!isRecord(completed)) return fail('В файле прогресса нет списка пройденных уроков (поле «completed»).');
  const result: Record<string, string> = {};
  for (const [id, when] of Object.entries(completed)) {
    if (!LESSON_ID_PATTERN.test(id)) return fail(`В файле прогресса запись ${quote(id)} — не идентификатор урока.`);
    if (typeof when !== 'string' || !ISO_DATE.test(when) || Number.isNaN(Date.parse(when))) {
      return fail(`У урока ${quote(id)} в файле прогресса неверная дата отметки: ${quote(JSON.stringify(when))}.`);
    }
    result[id] = when;
  }
  return { ok: true, progress: { completed: result } };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The stored value, or no progress when there is none or it cannot be read. */
export function readStoredProgress(text: string | null): Progress {
  if (text === null) return EMPTY_PROGRESS;
  const parsed = parseProgress(text);
  return parsed.ok ? parsed.progress : EMPTY_PROGRESS;
}

export function fileSizeProblem(bytes: number): string | undefined {
  if (bytes === 0) return 'Файл пустой.';
  if (bytes > MAX_PROGRESS_FILE_BYTES) {
    return `Файл слишком большой: ${Math.ceil(bytes / 1024)}\u00a0КиБ, а файл прогресса весит несколько килобайт.`;
  }
  return undefined;
}

/** Keeps the lessons this course has; the rest (a renamed or removed lesson) is reported. */
export function keepKnownLessons(progress: Progress, lessonIds: readonly string[]): { progress: Progress; unknown: string[] } {
  const known = new Set(lessonIds);
  const completed: Record<string, string> = {};
  const unknown: string[] = [];
  for (const [id, when] of Object.entries(progress.completed)) {
    if (known.has(id)) completed[id] = when;
    else unknown.push(id);
  }
  return { progress: { completed }, unknown };
}

/** Both sets of marks; a lesson marked in both keeps the earlier date. */
export function mergeProgress(current: Progress, incoming: Progress): Progress {
  const completed: Record<string, string> = { ...current.completed };
  for (const [id, when] of Object.entries(incoming.completed)) {
    const mine = completed[id];
    if (mine === undefined || Date.parse(when) < Date.parse(mine)) completed[id] = when;
  }
  return { completed };
}

/** The first lesson in course order that is not done, or undefined when all are. */
export function firstUnfinished(orderedIds: readonly string[], progress: Progress): string | undefined {
  return orderedIds.find((id) => !isDone(progress, id));
}

export function unmetPrerequisites(prerequisites: readonly string[], progress: Progress): string[] {
  return prerequisites.filter((id) => !isDone(progress, id));
}

export function countDone(ids: readonly string[], progress: Progress): number {
  return ids.filter((id) => isDone(progress, id)).length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
