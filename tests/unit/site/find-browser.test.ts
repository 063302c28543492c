import { expect, test } from 'vitest';
import { findBrowser } from '../../../src/site/find-browser.ts';

const none = () => undefined;

test('the environment variable wins', () => {
  expect(findBrowser({ MERMAID_BROWSER: '/opt/chrome' }, (p) => p === '/opt/chrome', () => '/pw/chrome')).toEqual({ path: '/opt/chrome', source: 'env' });
});

test('a wrong environment variable fails instead of falling back', () => {
  expect(() => findBrowser({ MERMAID_BROWSER: '/nope' }, () => false, none)).toThrow('MERMAID_BROWSER=/nope does not exist');
});

test("Playwright's browser comes before the system's", () => {
  expect(findBrowser({}, () => true, () => '/pw/chrome')).toEqual({ path: '/pw/chrome', source: 'playwright' });
});

test("an uninstalled Playwright browser is skipped for the system's", () => {
  expect(findBrowser({}, (p) => p === '/usr/bin/chromium', () => '/pw/missing')).toEqual({ path: '/usr/bin/chromium', source: 'system' });
});

test('no browser: the error says how to get one', () => {
  expect(() => findBrowser({}, () => false, none)).toThrow(/npx playwright install chromium[\s\S]*apt-get install chromium/);
});
