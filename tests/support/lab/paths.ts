// Where the lab stack keeps its jars and, for `npm run lab:up`, its running state.
import { join } from 'node:path';
import { REPO_ROOT } from '../postgres/paths.ts';

export { REPO_ROOT };
export const LAB_POM = join(REPO_ROOT, 'labs', 'runtime', 'pom.xml');

/** Jars (and the persistent stack of lab:up) live here; LAB_CACHE_DIR moves it. */
export function labCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.LAB_CACHE_DIR ?? join(REPO_ROOT, '.cache', 'lab');
}
