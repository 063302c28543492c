// The built site as the browser checks see it: building it (as production, under a base path
// if asked) and listing its pages. Shared by the e2e tests, bench:pages and screenshots:pages.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { siteOptions } from '../../src/site/deploy-options.ts';

export const PROJECT_ROOT = new URL('../..', import.meta.url).pathname;

export interface BuildOptions {
  /** output folder, default dist/ */
  outDir?: string;
  /** BASE_PATH for the build, default the environment's */
  basePath?: string;
  quiet?: boolean;
}

/** Runs `astro build`. NODE_ENV is forced to production: under vitest it is "test", and
 * Starlight then builds its search as in dev (no Pagefind UI at all). */
export function buildProjectSite({ outDir, basePath, quiet = false }: BuildOptions = {}): void {
  const args = [join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build'];
  if (outDir) args.push('--outDir', resolve(outDir));
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' };
  if (basePath !== undefined) env.BASE_PATH = basePath;
  const result = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: 'utf8', env, stdio: quiet ? 'pipe' : 'inherit' });
  if (result.status !== 0) throw new Error(`astro build failed${quiet ? `:\n${result.stdout}\n${result.stderr}` : ''}`);
}

/** The base path the site is built for (BASE_PATH, as astro.config.mjs reads it). */
export function basePath(env: Record<string, string | undefined> = process.env): string {
  return siteOptions(env).base;
}

/** Site paths of the built pages, without the base: `/`, `/module-4/`, `/module-4/05-…/`. */
export function builtPages(dist: string): string[] {
  return readdirSync(dist, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('index.html') && !name.startsWith('pagefind'))
    .map((name) => `/${name.replace(/index\.html$/, '')}`)
    .sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
}

export function option(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
}

export function options(args: readonly string[], name: string): string[] {
  return args.flatMap((arg, i) => (arg === name && args[i + 1] !== undefined ? [args[i + 1]!] : []));
}
