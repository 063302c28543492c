// A content problem names the file, the field (and its line when known), the bad value and
// the fix, so an instructor can act on it without reading the validator.

export interface Problem {
  file: string;
  line?: number;
  /** 1-based; shown as file:line:column when set. */
  column?: number;
  field?: string;
  value?: unknown;
  message: string;
  fix: string;
}

function showValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function formatProblem(problem: Problem): string {
  const column = problem.line && problem.column ? `:${problem.column}` : '';
  const where = problem.line ? `${problem.file}:${problem.line}${column}` : problem.file;
  const field = problem.field ? ` ${problem.field}` : '';
  const value = problem.field ? ` = ${showValue(problem.value)}` : '';
  return `${where}${field}${value}\n    ${problem.message}\n    fix: ${problem.fix}`;
}

export function formatProblems(problems: readonly Problem[]): string {
  const noun = problems.length === 1 ? 'problem' : 'problems';
  return [`Course content has ${problems.length} ${noun}:`, ...problems.map((p, i) => `${i + 1}. ${formatProblem(p)}`)].join('\n');
}

export class CourseContentError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(formatProblems(problems));
    this.problems = problems;
    // The list is the whole story; a stack trace into the validator would only add noise.
    this.stack = `${this.name}: ${this.message}`;
    this.name = 'CourseContentError';
  }
}
