// Pure configuration for the PostgreSQL test layer: which majors, which modes,
// which server settings. No I/O here, so scripts/test-pg-matrix.ts (run by plain
// Node with type stripping) and the unit tests can import it.

export const SUPPORTED_MAJORS = [14, 15, 16, 17, 18] as const;
export type Major = (typeof SUPPORTED_MAJORS)[number];
export const DEFAULT_MAJOR: Major = 18;

export const FORCEABLE_MODES = ['docker', 'embedded'] as const;
export type ForcedMode = (typeof FORCEABLE_MODES)[number];
export type Mode = 'external' | ForcedMode;

export type TestEnv = Readonly<Record<string, string | undefined>>;

export function isMajor(value: number): value is Major {
  return (SUPPORTED_MAJORS as readonly number[]).includes(value);
}

/** PG_TEST_MAJOR, or 18. Anything else than a supported major is an error, not a silent default. */
export function parseMajor(env: TestEnv): { major: Major; explicit: boolean } {
  const raw = env.PG_TEST_MAJOR?.trim();
  if (!raw) return { major: DEFAULT_MAJOR, explicit: false };
  const major = Number(raw);
  if (!/^\d+$/.test(raw) || !isMajor(major)) {
    throw new Error(
      `PG_TEST_MAJOR=${JSON.stringify(env.PG_TEST_MAJOR)} is not supported; use one of ${SUPPORTED_MAJORS.join(', ')}`,
    );
  }
  return { major, explicit: true };
}

export function parseForcedMode(env: TestEnv): ForcedMode | undefined {
  const raw = env.PG_TEST_MODE?.trim();
  if (!raw) return undefined;
  if ((FORCEABLE_MODES as readonly string[]).includes(raw)) return raw as ForcedMode;
  throw new Error(
    `PG_TEST_MODE=${JSON.stringify(env.PG_TEST_MODE)} is not supported; use ${FORCEABLE_MODES.join(' or ')} (or unset it)`,
  );
}

/**
 * Settings every test server gets, whatever starts it. wal_level=logical is what
 * the outbox tests are about; the rest trades durability for speed (a test
 * server is thrown away) and keeps background noise out of decoded streams.
 */
export const SERVER_SETTINGS: Readonly<Record<string, string>> = {
  wal_level: 'logical',
  max_replication_slots: '20',
  max_wal_senders: '10',
  // Not synchronous_commit=off: the SQL decoding functions only read WAL up to
  // the flush pointer, so a commit the walwriter had not flushed yet would be
  // missing from the stream. With fsync=off a flush is cheap anyway.
  fsync: 'off',
  full_page_writes: 'off',
  // Autovacuum's ANALYZE commits in test databases; PostgreSQL 14's pgoutput
  // would decode those as empty BEGIN/COMMIT pairs.
  autovacuum: 'off',
};

/** `-c name=value` pairs for the postgres command line. */
export function settingsToFlags(settings: Readonly<Record<string, string>>): string[] {
  return Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}
