// The preamble every lesson's lab test shares: the stack from the global setup, the ledger,
// a reset of the stack before the file's tests, and a failed test marked in the ledger (the
// teardown then prints the services' log tails).
import { join } from 'node:path';
import { afterEach, beforeAll, inject } from 'vitest';
import type { LabEndpoints } from './endpoints.ts';
import { observeError, record } from './ledger.ts';
import { runLessonLab, type LessonRun, type RunOptions } from './lesson-runner.ts';
import { REPO_ROOT } from './paths.ts';
import { resetLab } from './reset.ts';

export interface LessonLab {
  lab: LabEndpoints;
  ledger: string;
  /** Absolute path of the lesson. */
  lesson: string;
  /** The lesson's repository-relative path, as problems and the ledger name it. */
  file: string;
  /** Runs the lesson's <Steps> and records the run in the ledger. */
  runSteps(options?: RunOptions): Promise<LessonRun>;
  /** The stack printed `actual`; it must contain the lesson's <ErrorNote text>, which then counts as proven. */
  observeError(text: string, actual: string): void;
}

/** Call at the top of a lab test file: `const { lab, ledger, lesson } = useLessonLab('src/content/course/…mdx')`. */
export function useLessonLab(file: string, setup?: (lab: LabEndpoints) => Promise<void>): LessonLab {
  const lab = inject('lab');
  const ledger = inject('labLedger');
  const lesson = join(REPO_ROOT, file);
  afterEach((context) => {
    if (context.task.result?.state === 'fail') record(ledger, { kind: 'failed', test: context.task.name });
  });
  beforeAll(async () => {
    await resetLab(lab);
    await setup?.(lab);
  });
  return {
    lab,
    ledger,
    lesson,
    file,
    async runSteps(options) {
      const run = await runLessonLab(lesson, lab, options);
      record(ledger, { kind: 'lesson', file: run.file, steps: run.steps, commands: run.commands, compared: run.compared });
      return run;
    },
    observeError(text, actual) {
      observeError(ledger, file, text, actual);
    },
  };
}
