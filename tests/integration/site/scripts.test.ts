// The authoring scripts run as instructors run them: as processes on a course folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = new URL('../../..', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'tests/fixtures/courses');
const temp = mkdtempSync(join(tmpdir(), 'course-scripts-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function run(script: string, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

describe('check:content', () => {
  test('passes on a valid course', () => {
    const result = run('check-content.ts', [join(FIXTURES, 'valid')]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('2 module(s), 3');
  });

  test('fails listing every problem with file:line, field, value and fix', () => {
    const result = run('check-content.ts', [join(FIXTURES, 'bad-frontmatter')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Course content has 14 problems:');
    expect(result.stderr).toContain('src/content/course/01-module-1/02-bad-values.mdx:5 difficulty = "beginer"');
    expect(result.stderr).toContain('fix: did you mean "prerequisites"?');
    expect(result.stderr).not.toContain('    at '); // no stack trace
  });
});

describe('new:lesson', () => {
  test('creates a valid lesson after the last one of the module', () => {
    const course = join(temp, 'course');
    cpSync(join(FIXTURES, 'valid'), course, { recursive: true });
    const result = run('new-lesson.ts', ['module-1', 'slots', 'Слоты репликации'], { COURSE_ROOT: course });
    expect(result.status, result.stderr).toBe(0);
    const file = join(course, 'src/content/course/01-module-1/03-slots.mdx');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('prerequisites: [module-1/02-wal]');
    const check = execFileSync(process.execPath, [join(ROOT, 'scripts/check-content.ts'), course], { encoding: 'utf8' });
    expect(check).toMatch(/4\sурока/);
  });

  test('names the problem when the module does not exist', () => {
    const result = run('new-lesson.ts', ['module-7', 'x', 'X'], { COURSE_ROOT: join(FIXTURES, 'valid') });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('module module-7 does not exist; create src/content/course/07-module-7/module.yaml');
  });
});
