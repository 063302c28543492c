// Russian words the pages show for lesson metadata.
import type { Difficulty } from './schema.ts';

const NBSP = '\u00a0';

export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  beginner: 'Начальный',
  intermediate: 'Средний',
  advanced: 'Продвинутый',
};

/** 30 → «30 мин», 90 → «1 ч 30 мин», 120 → «2 ч». */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours}${NBSP}ч`);
  if (rest > 0 || hours === 0) parts.push(`${rest}${NBSP}мин`);
  return parts.join(' ');
}

/** Russian plural: pluralRu(5, ['урок', 'урока', 'уроков']) → «уроков». */
export function pluralRu(count: number, [one, few, many]: readonly [string, string, string]): string {
  const mod10 = count % 10;
  const mod100 = count % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

export function countLessons(count: number): string {
  return `${count}${NBSP}${pluralRu(count, ['урок', 'урока', 'уроков'])}`;
}

export function moduleLabel(number: number, title: string): string {
  return `Модуль ${number}. ${title}`;
}
