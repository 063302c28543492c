// Builds the real site once (skip with E2E_SKIP_BUILD=1 when dist/ is fresh) and serves it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../support/static-server.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    const started = performance.now();
    const astro = join(ROOT, 'node_modules/astro/bin/astro.mjs');
    const result = spawnSync(process.execPath, [astro, 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, BASE_PATH: '/', SITE_URL: '' } });
    if (result.status !== 0) throw new Error(`astro build failed:\n${result.stdout}\n${result.stderr}`);
    console.log(`e2e: site built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const site = await serveStatic(join(ROOT, 'dist'));
  project.provide('siteUrl', site.url);
  return () => site.close();
}
