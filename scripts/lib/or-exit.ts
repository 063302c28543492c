// Scripts stop with the course validator's problem list (not a stack trace) when content is broken.
import { CourseContentError } from '../../src/course/problems.ts';

export function orExitOnContentProblems<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof CourseContentError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
