import { describe, expect, test } from 'vitest';
import {
  EMPTY_PROGRESS,
  MAX_PROGRESS_FILE_BYTES,
  PROGRESS_FORMAT,
  LEGACY_PROGRESS_STORAGE_KEY,
  loadProgress,
  progressStorageKey,
  countDone,
  fileSizeProblem,
  firstUnfinished,
  isDone,
  keepKnownLessons,
  markLesson,
  mergeProgress,
  parseProgress,
  progressFileName,
  readStoredProgress,
  serializeProgress,
  unmetPrerequisites,
  type Progress,
} from '../../../src/course/progress.ts';

const A = 'module-4/01-smt-overview';
const B = 'module-4/02-predicates-filtering';
const C = 'module-4/03-pii-masking';
const ORDER = [A, B, C];
const MONDAY = new Date('2025-03-10T09:00:00.000Z');
const TUESDAY = new Date('2025-03-11T18:30:00.000Z');

const done = (...ids: string[]): Progress => ({ completed: Object.fromEntries(ids.map((id) => [id, MONDAY.toISOString()])) });
const file = (body: Record<string, unknown>) => JSON.stringify({ format: PROGRESS_FORMAT, version: 1, savedAt: TUESDAY.toISOString(), ...body });

describe('storage format', () => {
  test('the key carries the format version and the base path: copies on one origin do not share it', () => {
    expect(progressStorageKey('/')).toBe('debezium-course:progress:v1:/');
    expect(progressStorageKey('/debezium-course/')).toBe('debezium-course:progress:v1:/debezium-course/');
    expect(progressStorageKey('debezium-course')).toBe(progressStorageKey('/debezium-course/'));
    expect(progressStorageKey('/debezium-course-draft/')).not.toBe(progressStorageKey('/debezium-course/'));
  });

  test('every base takes the old shared key once into its own key, then keeps its own', () => {
    const old = serializeProgress(done(A), MONDAY);
    const memory = (entries: Record<string, string>) => {
      const map = new Map(Object.entries(entries));
      return { map, getItem: (key: string) => map.get(key) ?? null, setItem: (key: string, value: string) => void map.set(key, value) };
    };
    const storage = memory({ [LEGACY_PROGRESS_STORAGE_KEY]: old });
    expect(LEGACY_PROGRESS_STORAGE_KEY).toBe('debezium-course:progress:v1');
    expect(isDone(loadProgress(storage, '/'), A)).toBe(true);
    expect(storage.map.get(progressStorageKey('/'))).toBe(old);
    expect(isDone(loadProgress(storage, '/debezium-course/'), A)).toBe(true);
    expect(storage.map.get(progressStorageKey('/debezium-course/'))).toBe(old);
    const own = serializeProgress(done(B), MONDAY);
    const both = memory({ [LEGACY_PROGRESS_STORAGE_KEY]: old, [progressStorageKey('/')]: own });
    expect(Object.keys(loadProgress(both, '/').completed)).toEqual([B]);
  });

  test('a saved value reads back', () => {
    const progress = markLesson(markLesson(EMPTY_PROGRESS, B, true, MONDAY), A, true, TUESDAY);
    const text = serializeProgress(progress, TUESDAY);
    expect(JSON.parse(text)).toEqual({
      format: 'debezium-course-progress',
      version: 1,
      savedAt: '2025-03-11T18:30:00.000Z',
      completed: { [A]: '2025-03-11T18:30:00.000Z', [B]: '2025-03-10T09:00:00.000Z' },
    });
    expect(readStoredProgress(text)).toEqual(progress);
  });

  test('nothing stored, or something unreadable, is no progress', () => {
    expect(readStoredProgress(null)).toEqual(EMPTY_PROGRESS);
    expect(readStoredProgress('{oops')).toEqual(EMPTY_PROGRESS);
    expect(readStoredProgress(JSON.stringify({ completed: { [A]: true } }))).toEqual(EMPTY_PROGRESS);
  });

  test('the export file is named by date and indented for people', () => {
    expect(progressFileName(TUESDAY)).toBe('debezium-course-progress-2025-03-11.json');
    expect(serializeProgress(done(A), TUESDAY, 2)).toContain('\n  "completed": {\n');
  });
});

describe('marking lessons', () => {
  test('marking keeps the first date; unmarking removes the lesson', () => {
    const once = markLesson(EMPTY_PROGRESS, A, true, MONDAY);
    expect(markLesson(once, A, true, TUESDAY).completed[A]).toBe(MONDAY.toISOString());
    expect(isDone(markLesson(once, A, false, TUESDAY), A)).toBe(false);
    expect(isDone(once, A)).toBe(true);
  });

  test('inherited object keys are not lessons', () => {
    expect(isDone(EMPTY_PROGRESS, 'toString')).toBe(false);
  });
});

describe('importing a file', () => {
  test('a valid file', () => {
    const parsed = parseProgress(file({ completed: { [A]: '2025-03-10T09:00:00.000Z', [B]: '2025-03-10T12:00:00+03:00' } }));
    expect(parsed).toEqual({ ok: true, progress: { completed: { [A]: '2025-03-10T09:00:00.000Z', [B]: '2025-03-10T12:00:00+03:00' } } });
  });

  test.each([
    ['not JSON', '{"format": ', 'Это не файл прогресса: его содержимое не JSON.'],
    ['another JSON file', JSON.stringify({ name: 'package' }), 'Это не файл прогресса курса: в нём нет отметки формата «debezium-course-progress».'],
    ['a JSON array', '[1, 2]', 'Это не файл прогресса курса'],
    ['a newer format', file({ version: 2, completed: {} }), 'Файл сохранён более новой версией сайта (формат 2), а эта страница понимает только формат 1.'],
    ['a broken version', file({ version: '1', completed: {} }), 'В файле прогресса неизвестная версия формата: «"1"».'],
    ['no lesson list', file({ completed: [A] }), 'В файле прогресса нет списка пройденных уроков (поле «completed»).'],
    ['a key that is not a lesson id', file({ completed: { '../etc': MONDAY.toISOString() } }), 'В файле прогресса запись «../etc» — не идентификатор урока.'],
    ['a mark without a date', file({ completed: { [A]: true } }), `У урока «${A}» в файле прогресса неверная дата отметки: «true».`],
    ['a date that is no date', file({ completed: { [A]: '2025-13-45T99:00:00Z' } }), 'неверная дата отметки'],
  ])('%s fails with a sentence for the student', (_, text, message) => {
    const parsed = parseProgress(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(message);
  });

  test('empty and oversized files are refused before they are read', () => {
    expect(fileSizeProblem(0)).toBe('Файл пустой.');
    expect(fileSizeProblem(MAX_PROGRESS_FILE_BYTES + 1)).toBe('Файл слишком большой: 257\u00a0КиБ, а файл прогресса весит несколько килобайт.');
    expect(fileSizeProblem(2000)).toBeUndefined();
  });

  test('lessons the course does not have are set aside and reported', () => {
    expect(keepKnownLessons(done(A, 'module-9/01-gone'), ORDER)).toEqual({ progress: done(A), unknown: ['module-9/01-gone'] });
  });

  test('merging keeps every mark and the earlier date of a lesson marked in both', () => {
    const mine: Progress = { completed: { [A]: TUESDAY.toISOString() } };
    const theirs: Progress = { completed: { [A]: MONDAY.toISOString(), [B]: TUESDAY.toISOString() } };
    expect(mergeProgress(mine, theirs)).toEqual({ completed: { [A]: MONDAY.toISOString(), [B]: TUESDAY.toISOString() } });
    expect(mergeProgress(theirs, mine)).toEqual(mergeProgress(mine, theirs));
  });
});

describe('where the student is', () => {
  test('the first unfinished lesson in course order, even with gaps', () => {
    expect(firstUnfinished(ORDER, EMPTY_PROGRESS)).toBe(A);
    expect(firstUnfinished(ORDER, done(A))).toBe(B);
    expect(firstUnfinished(ORDER, done(A, C))).toBe(B);
    expect(firstUnfinished(ORDER, done(A, B, C))).toBeUndefined();
  });

  test('unmet prerequisites keep their order', () => {
    expect(unmetPrerequisites([A, B], done(B))).toEqual([A]);
    expect(unmetPrerequisites([A, B], done(A, B))).toEqual([]);
    expect(unmetPrerequisites([], EMPTY_PROGRESS)).toEqual([]);
  });

  test('counts only the lessons asked about', () => {
    expect(countDone([A, B], done(A, C))).toBe(1);
  });
});
