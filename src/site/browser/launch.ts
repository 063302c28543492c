// IO: finds and launches the Chromium that renders diagrams.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { discoverBrowser, isSnapWrapper, type Discovery } from './discovery.ts';

function isFile(path: string): boolean {
  try {
    return existsSync(path) && statSync(path).isFile() && !isSnapWrapper(head(path));
  } catch {
    return false;
  }
}

/** The first 2 KiB of a file (a snap wrapper script says so there). */
function head(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(2048);
    return buffer.toString('latin1', 0, readSync(fd, buffer, 0, buffer.length, 0));
  } finally {
    closeSync(fd);
  }
}

export function findBrowser(env: Record<string, string | undefined> = process.env): Discovery {
  let playwrightExecutable: string | undefined;
  try {
    playwrightExecutable = chromium.executablePath();
  } catch {
    playwrightExecutable = undefined; // platform Playwright does not ship a browser for
  }
  return discoverBrowser({ env, platform: process.platform, playwrightExecutable, exists: isFile });
}

/** Flags that work in containers and CI (see docs: platform notes, "Browser checks"). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
];

export class BrowserNotFoundError extends Error {
  override name = 'BrowserNotFoundError';
}

export async function launchBrowser(env: Record<string, string | undefined> = process.env): Promise<Browser> {
  const found = findBrowser(env);
  if (!found.ok) throw new BrowserNotFoundError(found.message);
  return chromium.launch({ executablePath: found.path, headless: true, args: CHROMIUM_ARGS });
}
