import { describe, expect, test } from 'vitest';
import { formatProblems, type Problem } from '../../../src/course/problems.ts';
import { validateFixture } from './fixtures.ts';

const LESSONS = 'src/content/course/01-module-1';

function only(problems: Problem[]): Problem {
  expect(problems, formatProblems(problems)).toHaveLength(1);
  return problems[0]!;
}

describe('a valid course', () => {
  test('has no problems and lists lessons in course order', () => {
    const { course, problems } = validateFixture('valid');
    expect(problems).toEqual([]);
    expect(course.modules.map((m) => m.id)).toEqual(['module-1', 'module-2']);
    expect(course.lessons.map((l) => l.id)).toEqual(['module-1/01-intro', 'module-1/02-wal', 'module-2/01-connector']);
    expect(course.lessons[2]).toMatchObject({
      moduleId: 'module-2',
      moduleNumber: 2,
      order: 1,
      prerequisites: ['module-1/02-wal', 'module-1/01-intro'],
      sqlSetup: [],
    });
  });
});

describe('prerequisite graph', () => {
  test('a missing prerequisite names the file, line and the nearest existing id', () => {
    const problem = only(validateFixture('missing-prerequisite').problems);
    expect(problem).toMatchObject({
      file: `${LESSONS}/02-wal.mdx`,
      line: 8,
      field: 'prerequisites',
      value: 'module-1/01-intr',
      message: 'no lesson has this id',
      fix: 'did you mean "module-1/01-intro"?',
    });
  });

  test('a lesson requiring itself is rejected', () => {
    const problem = only(validateFixture('self-prerequisite').problems);
    expect(problem).toMatchObject({ field: 'prerequisites', value: 'module-1/01-intro', message: 'a lesson cannot require itself' });
  });

  test('a cycle is printed as a path', () => {
    const { problems } = validateFixture('cycle');
    const cycle = problems.find((p) => p.message.startsWith('prerequisites form a cycle'));
    expect(cycle?.message).toBe(
      'prerequisites form a cycle: module-1/01-intro → module-1/03-slots → module-1/02-wal → module-1/01-intro',
    );
    expect(cycle?.file).toBe(`${LESSONS}/01-intro.mdx`);
  });

  test('a prerequisite later in course order is rejected', () => {
    const problem = only(validateFixture('later-prerequisite').problems);
    expect(problem).toMatchObject({
      file: `${LESSONS}/01-intro.mdx`,
      value: 'module-2/01-connector',
      message: 'comes after this lesson in course order (module-2, order 1)',
    });
  });
});

describe('order', () => {
  test('order must equal the file prefix', () => {
    const problem = only(validateFixture('order-mismatch').problems);
    expect(problem).toMatchObject({ file: `${LESSONS}/02-wal.mdx`, line: 4, field: 'order', value: 3, fix: 'set order: 2, or rename the file to match the order' });
  });

  test('two lessons of a module may not share an order', () => {
    const problem = only(validateFixture('duplicate-order').problems);
    expect(problem).toMatchObject({ file: `${LESSONS}/01-overview.mdx`, field: 'order', value: 1 });
    expect(problem.message).toContain(`${LESSONS}/01-intro.mdx`);
  });
});

describe('frontmatter', () => {
  const { problems } = validateFixture('bad-frontmatter');
  const find = (file: string, field?: string) => problems.filter((p) => p.file === `${LESSONS}/${file}` && p.field === field);

  test('every problem of every file is reported in one run', () => {
    expect(new Set(problems.map((p) => p.file)).size).toBe(5);
    expect(problems.length).toBeGreaterThanOrEqual(13);
  });

  test.each([
    ['01-missing-title.mdx', 'title', undefined, 'is required'],
    ['02-bad-values.mdx', 'description', '', 'must not be empty'],
    ['02-bad-values.mdx', 'difficulty', 'beginer', 'must be one of beginner | intermediate | advanced (did you mean "beginner"?)'],
    ['02-bad-values.mdx', 'estimatedTime', 300, 'must be at most 240'],
    ['02-bad-values.mdx', 'topics[0]', 'Change Data Capture', '"Change Data Capture" has the wrong form'],
    ['02-bad-values.mdx', 'topics', ['Change Data Capture', 'cdc', 'cdc'], 'topics repeat'],
    ['03-bad-types.mdx', 'order', 3.5, 'must be a whole number'],
    ['03-bad-types.mdx', 'estimatedTime', '30 мин', 'must be a number, not string'],
    ['03-bad-types.mdx', 'topics', [], 'needs at least 1 item'],
    ['03-bad-types.mdx', 'prerequisites', 'module-1/01-missing-title', 'must be a list, not string'],
    ['03-bad-types.mdx', 'sqlSetup', 'labs/schemas/absent.sql', 'this file does not exist'],
  ])('%s: %s = %j → %s', (file, field, value, message) => {
    const [problem] = find(file, field);
    expect(problem, formatProblems(problems)).toMatchObject({ value, message });
    expect(problem!.fix.length).toBeGreaterThan(10);
  });

  test('an unknown field suggests the known one', () => {
    expect(find('02-bad-values.mdx', 'prerequisite')[0]).toMatchObject({ line: 8, message: 'unknown field', fix: 'did you mean "prerequisites"?' });
  });

  test('lines point at the field in the file', () => {
    expect(find('02-bad-values.mdx', 'estimatedTime')[0]?.line).toBe(6);
  });

  test('broken YAML is reported with its line', () => {
    const [problem] = find('04-broken-yaml.mdx');
    expect(problem?.line).toBe(3);
    expect(problem?.message).toMatch(/^the YAML cannot be read: /);
  });

  test('a file without frontmatter is reported', () => {
    expect(find('05-no-frontmatter.mdx')[0]?.message).toContain('there is no frontmatter');
  });
});

describe('layout', () => {
  const { problems } = validateFixture('bad-layout');
  const messages = problems.map((p) => `${p.file}: ${p.message} | ${p.fix}`);

  test('folders, file names and module files are checked', () => {
    expect(messages).toEqual([
      'src/content/course/02-module-2/module.yaml: number does not match the folder 02-module-2 | set number: 2',
      'src/content/course/02-module-2/Intro.mdx: lesson file name "Intro.mdx" does not match NN-slug.mdx | name it with a two-digit order prefix and a kebab-case slug, e.g. "05-outbox-pattern-theory.mdx"',
      'src/content/course/03-module-3/01-start.mdx: module folder 03-module-3 has no module.yaml | create src/content/course/03-module-3/module.yaml with number, title, description and covers',
      'src/content/course/1-module-1/01-intro.mdx: module folder "1-module-1" does not match NN-module-N | name module folders like "04-module-4" (two-digit prefix, then module-<number>)',
    ]);
  });
});

describe('formatting', () => {
  test('a problem prints file:line, field, value, message and fix', () => {
    const text = formatProblems(validateFixture('missing-prerequisite').problems);
    expect(text).toBe(
      [
        'Course content has 1 problem:',
        `1. ${LESSONS}/02-wal.mdx:8 prerequisites = "module-1/01-intr"`,
        '    no lesson has this id',
        '    fix: did you mean "module-1/01-intro"?',
      ].join('\n'),
    );
  });
});
