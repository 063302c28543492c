// The reading estimate: words / 150 + code lines / 30 + 2 minutes per lab step, measured on the
// lesson's mdast, and the warning when it exceeds estimatedTime by more than 25 %.
import { describe, expect, test } from 'vitest';
import { estimateWarning, measureLesson, readingMinutes, type LessonEstimate } from '../../../src/course/reading-time.ts';
import { formatProblem } from '../../../src/course/problems.ts';

describe('readingMinutes', () => {
  test('is words / 150 + code lines / 30 + 2 per step', () => {
    expect(readingMinutes({ words: 1500, codeLines: 0, steps: 0 })).toBe(10);
    expect(readingMinutes({ words: 0, codeLines: 90, steps: 0 })).toBe(3);
    expect(readingMinutes({ words: 0, codeLines: 0, steps: 4 })).toBe(8);
    expect(readingMinutes({ words: 300, codeLines: 15, steps: 1 })).toBe(4.5);
  });
});

describe('measureLesson', () => {
  const lesson = `---
title: 'Заголовок урока не считается'
description: 'Описание тоже не считается.'
---

import { Steps, Aside } from '@astrojs/starlight/components';

## Раздел урока

Пять слов прозы и \`inline code\`.

<Aside title="Два слова">
Ещё три слова.
</Aside>

\`\`\`sql
SELECT 1;

SELECT 2;
\`\`\`

\`\`\`mermaid
flowchart LR
  a --> b
\`\`\`

<Steps>

1. Первый шаг.

   \`\`\`sh
   docker compose up -d
   \`\`\`

2. Второй шаг:
   - вложенный пункт не шаг

</Steps>

1. Нумерованный список вне Steps.
`;

  test('counts body words (inline code as one), code lines without blanks or Mermaid, and steps', () => {
    // Раздел урока (2) + Пять слов прозы и (4) + inline code (1) + Два слова (2) + Ещё три слова (3)
    // + Первый шаг (2) + Второй шаг (2) + вложенный пункт не шаг (4) + Нумерованный список вне Steps (4)
    expect(measureLesson(lesson)).toEqual({ words: 24, codeLines: 3, steps: 2 });
  });

  test('a lesson without code or steps', () => {
    expect(measureLesson('Одно предложение из пяти слов.\n')).toEqual({ words: 5, codeLines: 0, steps: 0 });
  });
});

describe('estimateWarning', () => {
  const estimate = (minutes: number, estimatedTime: number): LessonEstimate => ({
    id: 'module-1/01-intro', file: 'src/content/course/01-module-1/01-intro.mdx', line: 6,
    words: 1500, codeLines: 60, steps: 3, minutes, estimatedTime,
  });

  test('up to 25 % over estimatedTime is fine', () => {
    expect(estimateWarning(estimate(25, 20))).toBeUndefined();
    expect(estimateWarning(estimate(12, 20))).toBeUndefined();
  });

  test('more than 25 % over is a warning at the line of estimatedTime, with the sum and a fix', () => {
    const warning = estimateWarning(estimate(18, 12))!;
    expect(formatProblem(warning)).toBe(
      'src/content/course/01-module-1/01-intro.mdx:6 estimatedTime = 12\n' +
        '    the reading estimate is 18.0 min (1500 words / 150 + 60 code lines / 30 + 3 steps × 2), 50 % over estimatedTime; more than 25 % over is a warning\n' +
        '    fix: set estimatedTime: 18 or shorten the lesson (split it, move long code to labs/)',
    );
  });
});
