import { describe, expect, test } from 'vitest';
import { planNewLesson } from '../../../src/course/new-lesson.ts';
import { validateFixture } from './fixtures.ts';

const { course } = validateFixture('valid');

describe('new:lesson', () => {
  test('takes the next order and the previous lesson in course order as prerequisite', () => {
    const plan = planNewLesson(course, 'module-1', 'slots', 'Слоты репликации');
    expect(plan.relativePath).toBe('01-module-1/03-slots.mdx');
    expect(plan.id).toBe('module-1/03-slots');
    expect(plan.content).toContain('order: 3\n');
    expect(plan.content).toContain('prerequisites: [module-1/02-wal]\n');
  });

  test('the first lesson of a later module requires the last lesson before it', () => {
    const plan = planNewLesson(course, 'module-2', 'sink', 'Sink');
    expect(plan.content).toContain('prerequisites: [module-2/01-connector]');
  });

  test.each([
    ['module-9', 'x', 'T', 'module module-9 does not exist; create src/content/course/09-module-9/module.yaml first'],
    ['4', 'x', 'T', 'should look like module-4'],
    ['module-1', 'Bad_Slug', 'T', 'must be kebab-case'],
    ['module-1', 'wal', 'T', 'already has a lesson with the slug "wal"'],
    ['module-1', 'ok', ' ', 'the title is empty'],
  ])('%s %s %j fails: %s', (module, slug, title, message) => {
    expect(() => planNewLesson(course, module, slug, title)).toThrow(message);
  });
});
