import { expect, test } from 'vitest';
import { BROWSER_ENV, discoverBrowser, isSnapWrapper, systemCandidates } from '../../../src/site/browser/discovery.ts';

const files = (...paths: string[]) => (path: string) => paths.includes(path);
const base = { env: {}, platform: 'linux' as const, playwrightExecutable: '/root/.cache/ms-playwright/chromium-1200/chrome-linux/chrome' };

test('the environment variable wins', () => {
  const found = discoverBrowser({ ...base, env: { [BROWSER_ENV]: '/opt/chrome' }, exists: files('/opt/chrome', base.playwrightExecutable, '/usr/bin/chromium') });
  expect(found).toEqual({ ok: true, path: '/opt/chrome', source: 'env' });
});

test('a variable that points nowhere fails instead of silently falling back', () => {
  const found = discoverBrowser({ ...base, env: { [BROWSER_ENV]: '/nope' }, exists: files('/usr/bin/chromium') });
  expect(found.ok).toBe(false);
  expect(!found.ok && found.message).toMatch(/MERMAID_BROWSER_PATH=\/nope does not exist/);
});

test('then Playwright’s own Chromium, then the system’s', () => {
  expect(discoverBrowser({ ...base, exists: files(base.playwrightExecutable, '/usr/bin/chromium') })).toMatchObject({ source: 'playwright' });
  expect(discoverBrowser({ ...base, exists: files('/usr/bin/chromium') })).toEqual({ ok: true, path: '/usr/bin/chromium', source: 'system' });
  expect(discoverBrowser({ ...base, env: { PATH: '/usr/local/bin:/usr/bin' }, exists: files('/usr/local/bin/google-chrome') })).toMatchObject({
    path: '/usr/local/bin/google-chrome',
  });
});

test('macOS and Windows install locations are known', () => {
  expect(systemCandidates('darwin', { HOME: '/Users/a' })).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
  expect(systemCandidates('darwin', { HOME: '/Users/a' })).toContain('/Users/a/Applications/Chromium.app/Contents/MacOS/Chromium');
  expect(systemCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' })).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
});

test('with no browser the message says how to get one', () => {
  const found = discoverBrowser({ ...base, exists: files() });
  expect(found.ok).toBe(false);
  if (found.ok) return;
  expect(found.message).toContain('npx playwright-core install chromium');
  expect(found.message).toContain('apt-get install chromium');
  expect(found.message).toContain(BROWSER_ENV);
});

test("Ubuntu's snap transitional chromium script is not taken for a browser", () => {
  expect(isSnapWrapper('#!/bin/sh\n# This is a transitional package\nexec /snap/bin/chromium "$@"\n')).toBe(true);
  expect(isSnapWrapper('\x7fELF\x02\x01\x01')).toBe(false);
  expect(isSnapWrapper('#!/bin/bash\nexec /usr/lib/chromium/chromium "$@"\n')).toBe(false);
});
