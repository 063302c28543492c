// Headless Chromium for browser tests: the same browser discovery as the diagram renderer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { findBrowser, HEADLESS_ARGS } from '../../src/site/find-browser.ts';

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'course-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findBrowser().path,
    headless: true,
    args: HEADLESS_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
