// Finds a Chromium-family browser for build-time diagram rendering and browser tests:
// $MERMAID_BROWSER, then Playwright's own Chromium if installed, then the system's.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const BROWSER_ENV = 'MERMAID_BROWSER';

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

export interface BrowserChoice {
  path: string;
  source: 'env' | 'playwright' | 'system';
}

export const BROWSER_MISSING_HELP = [
  'No Chromium-family browser found to render Mermaid diagrams at build time. Get one of:',
  '  - Playwright\'s Chromium: npx playwright install chromium',
  '  - the OS package: apt-get install chromium (Debian/Ubuntu), brew install --cask chromium (macOS)',
  `  - or point ${BROWSER_ENV} at a Chrome/Chromium executable.`,
].join('\n');

function playwrightChromium(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require('playwright-core') as { chromium: { executablePath(): string } };
    return chromium.executablePath();
  } catch {
    return undefined; // playwright-core absent or its browser registry unreadable
  }
}

export function findBrowser(
  env: Record<string, string | undefined> = process.env,
  exists: (path: string) => boolean = existsSync,
  playwright: () => string | undefined = playwrightChromium,
): BrowserChoice {
  const explicit = env[BROWSER_ENV]?.trim();
  if (explicit) {
    if (!exists(explicit)) throw new Error(`${BROWSER_ENV}=${explicit} does not exist.\n${BROWSER_MISSING_HELP}`);
    return { path: explicit, source: 'env' };
  }
  const bundled = playwright();
  if (bundled && exists(bundled)) return { path: bundled, source: 'playwright' };
  const system = SYSTEM_BROWSERS.find((path) => exists(path));
  if (system) return { path: system, source: 'system' };
  throw new Error(BROWSER_MISSING_HELP);
}

/** Flags that make headless Chromium work as root in a container with no network. */
export const HEADLESS_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
