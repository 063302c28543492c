// Browser glue for the student's progress, on every page (LessonPageTitle.astro includes it).
// The pages carry everything as markup: lesson ids in data attributes, the controls hidden.
// This script reads localStorage, reveals the controls and keeps them in step; without
// JavaScript the controls stay hidden and the lesson reads as usual. It counts against the
// page's script budget (scripts/bench-pages.ts), so it stays small.
import {
  EMPTY_PROGRESS,
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
  serializeProgress,
  type Progress,
} from '../../course/progress.ts';
import { EXPORTED_TEXT, STORAGE_FAILED_TEXT, continueText, importFailedText, importedText, summaryText, type Scope } from './messages.ts';

type Lesson = [id: string, title: string, href: string];

const all = <T extends HTMLElement = HTMLElement>(selector: string, root: ParentNode = document) => [...root.querySelectorAll<T>(selector)];
const ids = (element: HTMLElement) => (element.dataset.lessons ?? '').split(' ').filter(Boolean);

/** Progress is kept per base path: another copy of the course on this origin has its own. */
const STORAGE_KEY = progressStorageKey(import.meta.env.BASE_URL);

function load(): Progress {
  try {
    return loadProgress(localStorage, import.meta.env.BASE_URL);
  } catch {
    return EMPTY_PROGRESS; // storage disabled
  }
}

function save(progress: Progress): boolean {
  try {
    localStorage.setItem(STORAGE_KEY, serializeProgress(progress, new Date()));
    return true;
  } catch {
    return false;
  }
}

function lessonsOf(panel: HTMLElement): Lesson[] {
  return JSON.parse(panel.querySelector('script[type="application/json"]')?.textContent ?? '[]') as Lesson[];
}

function render(progress = load()): void {
  // «пройден» marks: sidebar links and the module page's lesson list
  for (const item of all('[data-progress-lesson]')) {
    if (!item.querySelector('.progress-mark')) {
      const mark = document.createElement('span');
      mark.className = 'progress-mark';
      mark.innerHTML = '<span class="sr-only">, пройден</span>';
      (item.matches('a') ? item : item.querySelector('a') ?? item).append(mark);
    }
    item.toggleAttribute('data-done', isDone(progress, item.dataset.progressLesson!));
  }
  for (const control of all('[data-lesson-done]')) {
    control.querySelector('input')!.checked = isDone(progress, control.dataset.lessonDone!);
    control.hidden = false;
  }
  for (const notice of all('[data-prerequisite-notice]')) {
    const pending = all('[data-pending-lesson]', notice).filter((item) => !(item.hidden = isDone(progress, item.dataset.pendingLesson!)));
    notice.hidden = pending.length === 0;
  }
  for (const summary of all('[data-progress-summary]')) {
    const lessons = ids(summary);
    const done = countDone(lessons, progress);
    summary.querySelector('progress')!.value = done;
    summary.querySelector('[data-progress-text]')!.textContent = summaryText(done, lessons.length);
    summary.hidden = false;
  }
  // the course map: each lesson done or the next one in course order (CourseMap.astro)
  for (const map of all('[data-course-map]')) {
    const next = firstUnfinished(ids(map), progress);
    for (const node of all('[data-map-lesson]', map)) {
      const id = node.dataset.mapLesson!;
      if (isDone(progress, id)) node.dataset.state = 'done';
      else if (id === next) node.dataset.state = 'next';
      else delete node.dataset.state;
    }
    for (const label of all('[data-map-next]', map)) label.hidden = label.dataset.mapNext !== next;
  }
  for (const panel of all('[data-course-progress]')) {
    const lessons = lessonsOf(panel);
    const order = lessons.map(([id]) => id);
    const next = lessons.find(([id]) => id === firstUnfinished(order, progress));
    const link = panel.querySelector<HTMLAnchorElement>('[data-continue]')!;
    const finished = panel.querySelector<HTMLElement>('[data-finished]')!;
    const text = continueText(panel.dataset.scope as Scope, countDone(order, progress), next?.[1]);
    link.hidden = !next;
    finished.hidden = Boolean(next);
    if (next) {
      link.href = next[2];
      link.textContent = text;
    } else finished.textContent = text;
    panel.hidden = false;
  }
}

function wire(): void {
  for (const control of all('[data-lesson-done]')) {
    const input = control.querySelector('input')!;
    input.addEventListener('change', () => {
      const saved = save(markLesson(load(), control.dataset.lessonDone!, input.checked, new Date()));
      control.querySelector('[data-progress-error]')!.textContent = saved ? '' : STORAGE_FAILED_TEXT;
      render();
    });
  }
  for (const panel of all('[data-course-progress]')) {
    const status = panel.querySelector<HTMLElement>('[data-progress-status]');
    const error = panel.querySelector<HTMLElement>('[data-progress-error]');
    const file = panel.querySelector<HTMLInputElement>('input[type="file"]');
    if (!status || !error || !file) continue;
    const say = (ok: string, problem = '') => {
      status.textContent = ok;
      error.textContent = problem;
    };
    panel.querySelector('[data-progress-export]')?.addEventListener('click', () => {
      const now = new Date();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([serializeProgress(load(), now, 2)], { type: 'application/json' }));
      link.download = progressFileName(now);
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
      say(EXPORTED_TEXT);
    });
    panel.querySelector('[data-progress-import]')?.addEventListener('click', () => file.click());
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      file.value = '';
      if (!chosen) return;
      const problem = fileSizeProblem(chosen.size);
      const parsed = problem ? { ok: false as const, error: problem } : parseProgress(await chosen.text());
      if (!parsed.ok) return say('', importFailedText(parsed.error));
      const { progress: incoming, unknown } = keepKnownLessons(parsed.progress, lessonsOf(panel).map(([id]) => id));
      const current = load();
      const merged = mergeProgress(current, incoming);
      if (!save(merged)) return say('', importFailedText(STORAGE_FAILED_TEXT));
      const added = Object.keys(merged.completed).length - Object.keys(current.completed).length;
      say(importedText(Object.keys(incoming.completed).length, added, unknown.length));
      render(merged);
    });
  }
  // Another tab marked a lesson, or the page came back from the back/forward cache.
  addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY || event.key === null) render();
  });
  addEventListener('pageshow', (event) => {
    if (event.persisted) render();
  });
}

render();
wire();
