// Which Chromium renders the diagrams: the explicit environment variable, then Playwright's
// own download, then a system Chromium/Chrome. Pure (file checks are passed in).
import { join } from 'node:path';

export const BROWSER_ENV = 'MERMAID_BROWSER_PATH';

export type BrowserSource = 'env' | 'playwright' | 'system';

export interface DiscoveryInput {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** where Playwright keeps its own Chromium (chromium.executablePath()), if it could say */
  playwrightExecutable: string | undefined;
  exists: (path: string) => boolean;
}

export type Discovery =
  | { ok: true; path: string; source: BrowserSource }
  | { ok: false; message: string };

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome', 'microsoft-edge-stable', 'microsoft-edge'];

/** Well-known install locations and the browsers on PATH, in order of preference. */
export function systemCandidates(platform: NodeJS.Platform, env: Record<string, string | undefined>): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium', 'Microsoft Edge.app/Contents/MacOS/Microsoft Edge'];
    const home = env.HOME ? apps.map((app) => join(env.HOME ?? '', 'Applications', app)) : [];
    return [...apps.map((app) => `/Applications/${app}`), ...home];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root): root is string => Boolean(root));
    return roots.flatMap((root) => [
      `${root}\\Google\\Chrome\\Application\\chrome.exe`,
      `${root}\\Chromium\\Application\\chrome.exe`,
      `${root}\\Microsoft\\Edge\\Application\\msedge.exe`,
    ]);
  }
  const pathDirs = (env.PATH ?? '').split(':').filter(Boolean);
  const onPath = SYSTEM_NAMES.flatMap((name) => pathDirs.map((dir) => join(dir, name)));
  const fixed = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome', '/snap/bin/chromium'];
  return [...new Set([...onPath, ...fixed])];
}

/**
 * Ubuntu's chromium / chromium-browser .deb is a transitional package: a shell script that
 * runs the snap, which CI runners and containers do not have. Such a script is not a browser.
 * `head` is the file's first bytes.
 */
export function isSnapWrapper(head: string): boolean {
  return head.startsWith('#!') && /\bsnap\b/.test(head);
}

export const HOW_TO_GET_A_BROWSER = [
  'Diagrams are rendered at build time in a headless Chromium, and none was found. Either:',
  '  - install Playwright\'s Chromium:   npx playwright-core install chromium',
  '  - or install one from your OS:     sudo apt-get install chromium   (Debian/Ubuntu), brew install --cask chromium (macOS)',
  `  - or point ${BROWSER_ENV} at a Chromium/Chrome executable.`,
].join('\n');

export function discoverBrowser(input: DiscoveryInput): Discovery {
  const explicit = input.env[BROWSER_ENV]?.trim();
  if (explicit) {
    return input.exists(explicit)
      ? { ok: true, path: explicit, source: 'env' }
      : { ok: false, message: `${BROWSER_ENV}=${explicit} does not exist. Point it at a Chromium or Chrome executable, or unset it.` };
  }
  if (input.playwrightExecutable && input.exists(input.playwrightExecutable)) {
    return { ok: true, path: input.playwrightExecutable, source: 'playwright' };
  }
  const system = systemCandidates(input.platform, input.env).find((path) => input.exists(path));
  if (system) return { ok: true, path: system, source: 'system' };
  return { ok: false, message: HOW_TO_GET_A_BROWSER };
}
