import { expect, test } from 'vitest';
import { siteOptions } from '../../../src/site/deploy-options.ts';

test('defaults to the root path', () => {
  expect(siteOptions({})).toEqual({ site: undefined, base: '/' });
});

test('a fork sets its own site and base path', () => {
  expect(siteOptions({ SITE_URL: 'https://student.github.io', BASE_PATH: 'debezium-course' })).toEqual({
    site: 'https://student.github.io',
    base: '/debezium-course/',
  });
  expect(siteOptions({ BASE_PATH: '/course/' }).base).toBe('/course/');
});

test('a malformed SITE_URL fails with the fix', () => {
  expect(() => siteOptions({ SITE_URL: 'student.github.io' })).toThrow(/SITE_URL="student.github.io" is not an absolute http\(s\) URL/);
});
