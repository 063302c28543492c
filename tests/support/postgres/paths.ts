import { fileURLToPath } from 'node:url';

/** The checkout root (this file lives in tests/support/postgres/). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '');
