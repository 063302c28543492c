// Pure: the Russian sentences the progress controls show. Counts go after a colon, so no word
// has to agree with a number.

export function summaryText(done: number, total: number): string {
  return `Пройдено уроков: ${done} из ${total}`;
}

export type Scope = 'course' | 'module';

/** The «Продолжить» link's text, or the sentence shown instead when everything is done. */
export function continueText(scope: Scope, done: number, nextTitle: string | undefined): string {
  if (nextTitle === undefined) return scope === 'course' ? 'Все уроки курса пройдены.' : 'Все уроки модуля пройдены.';
  const verb = done === 0 ? 'Начать' : 'Продолжить';
  return scope === 'course' && done === 0 ? `Начать курс: ${nextTitle}` : `${verb}${scope === 'module' ? ' модуль' : ''}: ${nextTitle}`;
}

export function importedText(inFile: number, added: number, unknown: number): string {
  const skipped = unknown > 0 ? ` Пропущено отметок об уроках, которых нет в курсе: ${unknown}.` : '';
  return `Прогресс загружен. Пройденных уроков в файле: ${inFile}, новых для этого браузера: ${added}.${skipped}`;
}

export function importFailedText(reason: string): string {
  return `Прогресс не загружен, отметки в этом браузере не изменились. ${reason}`;
}

export const EXPORTED_TEXT = 'Файл с прогрессом сохранён. Загрузите его на другом компьютере кнопкой «Загрузить прогресс из файла».';
export const STORAGE_FAILED_TEXT = 'Браузер не дал сохранить отметку: хранилище сайта отключено или переполнено.';
