import type { Mode } from './config.ts';
import type { ServerVersion } from './version.ts';

/** A server some mode started (or found) for this run. */
export interface RunningServer {
  mode: Mode;
  /** Superuser URL of the maintenance database `postgres`. */
  adminUrl: string;
  version: ServerVersion;
  /** Where it runs, for the banner: data dir, container id, host. */
  location: string;
  /** Stops the server and deletes its data; safe to call twice. */
  stop(): Promise<void>;
}

/** What globalSetup hands to test files through vitest's provide/inject. */
export interface ProvidedPostgres {
  adminUrl: string;
  /** Database every test database is cloned from. */
  template: string;
  /** Prefix of every database this run creates, so an external server can be cleaned. */
  runId: string;
  mode: Mode;
  /** The server's real major (an external server may differ from PG_TEST_MAJOR's default). */
  major: number;
  version: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: ProvidedPostgres;
  }
}
