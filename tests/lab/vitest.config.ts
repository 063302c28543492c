import { defineConfig } from 'vitest/config';

// `npm run test:lab`: the labs of the course on the real stack (PostgreSQL, Kafka in KRaft
// mode, Kafka Connect with Debezium), started once for the run by global-setup.ts. Lessons
// share the stack, so files run one after another; each resets the stack before it starts.
export default defineConfig({
  test: {
    name: 'lab',
    include: ['tests/lab/**/*.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
    globalSetup: ['tests/lab/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 300_000,
  },
});
