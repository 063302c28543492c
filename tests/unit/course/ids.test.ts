import { describe, expect, test } from 'vitest';
import { lessonIdFromPath, parseLessonPath, parseModuleFolder } from '../../../src/course/ids.ts';

describe('lesson ids', () => {
  test('the module folder loses its number prefix, the file keeps it', () => {
    expect(lessonIdFromPath('04-module-4/05-outbox-pattern-theory.mdx')).toBe('module-4/05-outbox-pattern-theory');
    expect(lessonIdFromPath('12-module-12/01-intro.md')).toBe('module-12/01-intro');
  });

  test('the file prefix is the lesson order', () => {
    const parsed = parseLessonPath('04-module-4/06-outbox-implementation.mdx');
    expect(parsed).toMatchObject({ ok: true, value: { filePrefix: 6, slug: '06-outbox-implementation', module: { id: 'module-4', number: 4 } } });
  });

  test.each([
    ['04-module-4/5-outbox.mdx', 'does not match NN-slug.mdx'],
    ['04-module-4/05-Outbox.mdx', 'does not match NN-slug.mdx'],
    ['04-module-4/05_outbox.mdx', 'does not match NN-slug.mdx'],
    ['module-4/05-outbox.mdx', 'does not match NN-module-N'],
    ['03-module-4/05-outbox.mdx', 'has prefix 03 but module number 4'],
    ['05-outbox.mdx', 'is not directly inside a module folder'],
    ['04-module-4/extra/05-outbox.mdx', 'is not directly inside a module folder'],
  ])('%s is rejected: %s', (path, reason) => {
    const parsed = parseLessonPath(path);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  test('a wrongly numbered module folder suggests the right name', () => {
    const parsed = parseModuleFolder('03-module-4');
    expect(parsed.ok === false && parsed.fix).toBe('rename the folder to "04-module-4"');
  });

  test('invalid paths keep a path-like id for the loader', () => {
    expect(lessonIdFromPath('module-4/intro.mdx')).toBe('module-4/intro');
  });
});
