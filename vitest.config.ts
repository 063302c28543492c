import { defineConfig } from 'vitest/config';

// Each test level keeps its own config next to its tests.
export default defineConfig({
  test: {
    projects: ['tests/unit/vitest.config.ts', 'tests/integration/vitest.config.ts', 'tests/e2e/vitest.config.ts'],
  },
});
