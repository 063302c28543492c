// lint:content and fix:typography run as instructors run them, on fixture courses: the clean
// one passes; the planted one fails on each gate with file:line:column and a fix, while the
// same mistakes inside code blocks, inline code, Mermaid and MDX comments pass.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CSpellSettings } from 'cspell-lib';
import { lintContent } from '../../../src/lint/lint-content.ts';
import { checkSpelling, loadSpellingSettings } from '../../../src/lint/spelling.ts';
import { readProse } from '../../../src/lint/prose.ts';
import { runScript, type ScriptRun as Run } from '../../support/run-script.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'tests/fixtures/lint');
const LESSON = 'src/content/course/01-module-1/01-intro.mdx';
const temp = mkdtempSync(join(tmpdir(), 'lint-content-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const run = runScript;

// The script runs take a few seconds each (Node start, dictionaries): run them side by side.
const fixed = join(temp, 'planted');
let settings: CSpellSettings;
let clean: Run;
let planted: Run;
let fix: Run;
let afterFix: Run;
let before: string;
let after: string;
beforeAll(async () => {
  cpSync(join(FIXTURES, 'planted'), fixed, { recursive: true });
  before = readFileSync(join(fixed, LESSON), 'utf8');
  const fixThenLint = async () => {
    fix = await run('fix-typography.ts', fixed);
    after = readFileSync(join(fixed, LESSON), 'utf8');
    afterFix = await run('lint-content.ts', fixed);
  };
  [settings, clean, planted] = await Promise.all([
    loadSpellingSettings(resolve(ROOT, 'cspell.config.yaml')),
    run('lint-content.ts', join(FIXTURES, 'clean')),
    run('lint-content.ts', join(FIXTURES, 'planted')),
    fixThenLint(),
  ]);
}, 120_000);

describe('spelling', () => {
  const spell = (source: string) => checkSpelling('/lesson.mdx', source, readProse(source).segments, settings);

  test('a misspelt Russian word fails with line, column and suggestions', async () => {
    const { issues } = await spell('## Раздел\n\nЗдесь проза праверяется.\n');
    expect(issues).toEqual([{ word: 'праверяется', offset: 23, line: 3, column: 13, suggestions: expect.arrayContaining(['проверяется']) }]);
  });

  test('the same word in code, inline code, Mermaid or a comment passes', async () => {
    const source = 'Текст `праверяется`.\n\n```text\nправеряется\n```\n\n```mermaid\nflowchart LR\n    a["праверяется"]\n```\n\n{/* праверяется */}\n';
    expect((await spell(source)).issues).toEqual([]);
  });

  test('Russian inflections, English terms and course words pass', async () => {
    const source = 'Коннектору, коннекторами, потребителями, партициями; offset, topic, connector, SMT, outbox. Debezium читает pgoutput, снапшоты идут воркерам.\n';
    expect((await spell(source)).issues).toEqual([]);
  });

  test('links in code blocks and inline code are not checked', async () => {
    const source = 'Текст.\n\n```md\n[битая](../нет/#нет) и http://localhost\n```\n\nИ `[битая](../нет/)` тоже.\n';
    const [report] = await lintContent([{ file: 'a.mdx', absolute: '/a.mdx', source, lessonId: 'module-1/01-a' }], settings);
    expect(report!.links).toBe(0);
    expect(report!.linkProblems).toEqual([]);
  });

  test('MDX that does not parse is a problem with its line, not a crash', async () => {
    const [report] = await lintContent([{ file: 'a.mdx', absolute: '/a.mdx', source: 'Текст.\n\n<Aside title="x\n', lessonId: 'module-1/01-a' }], settings);
    expect(report!.linkProblems[0]).toMatchObject({ file: 'a.mdx', line: expect.any(Number) });
    expect(report!.linkProblems[0]!.message).toContain('MDX does not parse');
  });
});

describe('lint:content', () => {
  test('passes on the clean fixture, whose code blocks hold every planted mistake', () => {
    const result = clean;
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/01-intro\.mdx\s+\d+ words, 4 links; 0 link, 0 spelling, 0 typography, 0 terminology problem\(s\) — ok/);
    expect(result.stdout).toMatch(/lint:content: 3 files, \d+ words checked, \d+ project words, no glossary \(terminology not checked\), 0 problem\(s\)/);
  });

  test('fails on the planted fixture naming file:line:column and the fix for each gate', () => {
    const result = planted;
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/01-intro\.mdx\s+\d+ words, 4 links; 2 link, 1 spelling, 4 typography, 0 terminology problem\(s\)/);
    const err = result.stderr;
    expect(err).toContain(`${LESSON}:16:10 link = "../02-wal/#слоты"\n    /module-1/02-wal/ has no heading with the anchor #слоты\n    fix: use one of: слоты-репликации`);
    expect(err).toContain(`${LESSON}:16:68 link = "http://debezium.io/documentation/"`);
    expect(err).toContain(`${LESSON}:19:30 spelling = "праверяется"`);
    expect(err).toContain('fix: did you mean "проверяется"');
    expect(err).toContain(`${LESSON}:15:59 typography = "события в \\"топик \\"заказов\\"\\" - раз в 60 с, за 30 мин урока."`);
    expect(err).toContain('fix: "события в «топик „заказов“» — раз в 60⍽с, за 30⍽мин урока." (npm run fix:typography applies it)');
    expect(err).toContain(`${LESSON}:18:31 typography = "Это \\"заметка\\""`);
    expect(err).toContain(`${LESSON}:2:19 typography = "Введение: \\"захват изменений\\""`);
    expect(err).toContain(`${LESSON}:3:45 typography = "коннектор Debezium - и чего"`);
    expect(err).not.toContain('малако'); // the same mistakes in code are not reported
    expect(err).toContain('11 typography fix(es) can be applied with: npm run fix:typography');
  });
});

describe('fix:typography', () => {
  test('fixes the planted prose, leaves code alone, and lint:content then finds only the rest', () => {
    expect(fix.status, fix.stderr).toBe(0);
    expect(fix.stdout).toContain(`${LESSON}: 11 fix(es) applied`);
    const codeOf = (text: string) => text.split('\n').filter((line) => /малако|localhost/.test(line));
    expect(codeOf(after)).toEqual(codeOf(before));
    expect(after).toContain("title: 'Введение: «захват изменений»'");
    expect(after).toContain(`<Aside type="note" title='Это «заметка»'>`);
    expect(afterFix.status).toBe(1);
    expect(afterFix.stdout).toMatch(/01-intro\.mdx\s+\d+ words, 4 links; 2 link, 1 spelling, 0 typography, 0 terminology problem\(s\)/);
  });
});
