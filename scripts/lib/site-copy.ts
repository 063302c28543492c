// A copy of the site's code with another course in it, for build tests and benchmarks. It
// lives under <root>/tmp so that node_modules resolves by walking up, as in the real project.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const PROJECT_ROOT = new URL('../..', import.meta.url).pathname;

/** Copies the site's code (not its lessons) into a fresh directory under <root>/tmp. */
export function createSiteCopy(root: string, name: string): string {
  const site = join(root, 'tmp', name);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  for (const entry of ['astro.config.mjs', 'ec.config.mjs', 'tsconfig.json', 'package.json', 'public']) {
    if (existsSync(join(root, entry))) cpSync(join(root, entry), join(site, entry), { recursive: true });
  }
  // Reference pages (src/pages/reference) belong to the real course: they link to its lessons.
  const courseOnly = [join(root, 'src/content/course/'), join(root, 'src/pages/reference')];
  cpSync(join(root, 'src'), join(site, 'src'), {
    recursive: true,
    filter: (source) => !courseOnly.some((path) => source.startsWith(path)),
  });
  return site;
}

export interface BuildResult {
  ok: boolean;
  seconds: number;
  output: string;
  stats: { requested: number; rendered: number; fromCache: number; renderMs: number; renderWindow?: [number, number] } | undefined;
}

/** Runs `astro build` in a site with a given diagram cache; Astro's own caches are cleared first. */
export function buildSite(root: string, site: string, cacheDir: string, extraEnv: Record<string, string> = {}): BuildResult {
  for (const dir of ['dist', '.astro', 'node_modules/.vite', 'node_modules/.astro']) rmSync(join(site, dir), { recursive: true, force: true });
  const statsFile = join(site, 'mermaid-stats.json');
  rmSync(statsFile, { force: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: site,
    env: { ...process.env, MERMAID_CACHE_DIR: cacheDir, MERMAID_STATS_FILE: statsFile, ASTRO_TELEMETRY_DISABLED: '1', ...extraEnv },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  const stats = existsSync(statsFile) ? (JSON.parse(readFileSync(statsFile, 'utf8')) as BuildResult['stats']) : undefined;
  return { ok: run.status === 0, seconds, output: `${run.stdout}\n${run.stderr}`, stats };
}

/** Copies a course (a folder laid out like src/content/course) into a site copy. */
export function putCourse(site: string, course: string): void {
  const courseDir = join(site, 'src/content/course');
  rmSync(courseDir, { recursive: true, force: true });
  cpSync(course, courseDir, { recursive: true });
}
