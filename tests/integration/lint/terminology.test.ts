// The terminology gate and the reading estimate as instructors run them. lint:content on a fixture
// course with its own glossary fails on each planted variant with file:line:column, the preferred
// term and a fix, while the same words in code, inline code, Mermaid, English quotes, <q> and a
// blockquote pass. check:content prints an estimate per lesson and warns, without failing, about
// a lesson that looks longer than its estimatedTime.
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runScript, type ScriptRun as Run } from '../../support/run-script.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;
const LESSON = 'src/content/course/01-module-1/01-intro.mdx';

const run = runScript;

let lint: Run;
let check: Run;
let overTime: Run;
beforeAll(async () => {
  [lint, check, overTime] = await Promise.all([
    run('lint-content.ts', join(ROOT, 'tests/fixtures/lint/terminology')),
    run('check-content.ts', join(ROOT, 'tests/fixtures/lint/terminology')),
    run('check-content.ts', join(ROOT, 'tests/fixtures/courses/over-time')),
  ]);
}, 120_000);

describe('lint:content terminology', () => {
  test('fails on each planted variant with file:line:column, the course term and a fix', () => {
    expect(lint.status).toBe(1);
    expect(lint.stdout).toMatch(/01-intro\.mdx\s+\d+ words, 0 links; 0 link, 0 spelling, 0 typography, 4 terminology problem\(s\)/);
    // The glossary is prose too: its terms and definitions are spelt and typeset right.
    expect(lint.stdout).toMatch(/src\/content\/glossary\/terms\.yaml\s+\d+ words, 0 links; 0 link, 0 spelling, 0 typography, 0 terminology problem\(s\) — ok/);
    expect(lint.stdout).toMatch(/lint:content: 3 files, \d+ words checked, \d+ project words, 3 glossary terms, 4 problem\(s\)/);
    const err = lint.stderr;
    expect(err).toContain(
      `${LESSON}:15:26 terminology = "снапшот"\n` +
        '    a variant to avoid: the course term is «снимок» (snapshot; glossary "snapshot", avoid "снапшот*")\n' +
        '    fix: write «снимок» in the form the sentence needs; code, inline code, <q>, blockquotes and English text in quotes or parentheses are exempt',
    );
    expect(err).toContain(`${LESSON}:16:61 terminology = "change events"\n    a variant to avoid: the course term is «событие изменения»`);
    expect(err).toContain(`${LESSON}:18:11 terminology = "в production"\n    a variant to avoid: the course term is «продакшен»`);
    expect(err).toContain(`${LESSON}:27:40 terminology = "снапшот"\n    a variant to avoid (in <Aside title>): the course term is «снимок»`);
  });

  test('the same words in code, inline code, Mermaid, English quotes, <q> and a blockquote pass', () => {
    // Lines 20-35 hold them all; only the four planted lines are reported.
    const lines = [...lint.stderr.matchAll(/01-intro\.mdx:(\d+):\d+ terminology/g)].map((match) => Number(match[1]));
    expect(lines).toEqual([15, 16, 18, 27]);
  });

  test('check:content validates the fixture glossary against its lessons', () => {
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain('prerequisite graph valid, 3 glossary terms');
  });
});

describe('check:content reading estimates', () => {
  test('prints one line per lesson and warns about the lesson over its estimatedTime, exit code 0', () => {
    expect(overTime.status, overTime.stderr).toBe(0);
    expect(overTime.stdout).toMatch(/module-1\/01-lab\s+22 words,\s+2 code lines,\s+3 steps →\s+6\.2 min; estimatedTime 4 — WARNING/);
    expect(overTime.stdout).toMatch(/module-1\/02-short\s+\d+ words,\s+0 code lines,\s+0 steps →\s+0\.\d min; estimatedTime 5 — ok/);
    expect(overTime.stdout).toContain(
      'WARNING src/content/course/01-module-1/01-lab.mdx:6 estimatedTime = 4\n' +
        '    the reading estimate is 6.2 min (22 words / 150 + 2 code lines / 30 + 3 steps × 2), 55 % over estimatedTime; more than 25 % over is a warning\n' +
        '    fix: set estimatedTime: 7',
    );
    expect(overTime.stdout).toContain('check:content ok: 1 module(s), 2\u00A0урока, prerequisite graph valid, no glossary; 1 warning(s) (warnings do not fail the check)');
    expect(overTime.stdout).not.toMatch(/WARNING src\/content\/course\/01-module-1\/02-short/);
  });
});
