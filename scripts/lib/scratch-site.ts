// A throwaway copy of the site with another course in it, for build tests and benchmarks:
// the site's code is copied, node_modules is linked, the course comes from elsewhere.
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROJECT_ROOT = new URL('../..', import.meta.url).pathname;
const SITE_FILES = ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src/content.config.ts', 'src/course', 'src/site', 'src/pages', 'labs'];

export interface ScratchSite {
  root: string;
  courseDir: string;
  remove(): void;
}

/** `course` is a folder laid out like src/content/course (module folders inside). */
export function createScratchSite(course: string, prefix = 'course-site-'): ScratchSite {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const file of SITE_FILES) cpSync(join(PROJECT_ROOT, file), join(root, file), { recursive: true });
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  const courseDir = join(root, 'src/content/course');
  cpSync(course, courseDir, { recursive: true });
  return { root, courseDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}
