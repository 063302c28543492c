// Builds the real site once per run, under a base path as GitHub Pages serves a fork, into a
// folder of its own (not dist/, and not shared with another run going on at the same time), and
// serves it. E2E_SKIP_BUILD=1 builds into .cache/e2e-site once and reuses it on later runs.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildProjectSite, PROJECT_ROOT } from '../../scripts/lib/built-site.ts';
import { serveStatic } from '../support/static-server.ts';

export const E2E_BASE_PATH = '/debezium-course/';
const REUSED_SITE = join(PROJECT_ROOT, '.cache/e2e-site');

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const reuse = process.env.E2E_SKIP_BUILD === '1';
  const dist = reuse ? REUSED_SITE : mkdtempSync(join(tmpdir(), 'course-e2e-site-'));
  if (!reuse || !existsSync(join(dist, 'index.html'))) {
    const started = performance.now();
    buildProjectSite({ outDir: dist, basePath: E2E_BASE_PATH, quiet: true });
    console.log(`e2e: site built under ${E2E_BASE_PATH} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  const site = await serveStatic(dist, E2E_BASE_PATH);
  project.provide('siteUrl', site.url);
  return async () => {
    await site.close();
    if (!reuse) rmSync(dist, { recursive: true, force: true });
  };
}
