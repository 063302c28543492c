import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'integration',
    include: ['tests/integration/**/*.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
    // One PostgreSQL server per run (mode and major from the environment, see
    // tests/support/postgres/mode.ts); each test file gets its own database.
    globalSetup: ['tests/support/postgres/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
