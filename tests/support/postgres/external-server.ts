// External mode: a server someone else runs (TEST_DATABASE_URL). We never stop
// it; we only check that the tests can work there, and drop what we create.
import pg from 'pg';
import type { Major } from './config.ts';
import { describeCause, redactUrl } from './errors.ts';
import { parseServerVersionNum } from './version.ts';
import type { RunningServer } from './types.ts';

export async function useExternal(url: string, expectedMajor: Major | undefined): Promise<RunningServer> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (cause) {
    throw new Error(`Cannot connect to TEST_DATABASE_URL ${redactUrl(url)}: ${describeCause(cause)}`, { cause });
  }
  try {
    const { rows } = await client.query<{ num: string; wal_level: string; can_create: boolean }>(`
      SELECT current_setting('server_version_num') AS num,
             current_setting('wal_level') AS wal_level,
             (rolsuper OR (rolcreatedb AND rolreplication)) AS can_create
      FROM pg_roles WHERE rolname = current_user`);
    const row = rows[0];
    if (!row) throw new Error('could not read the current role from pg_roles');
    const version = parseServerVersionNum(row.num);
    const problems: string[] = [];
    if (row.wal_level !== 'logical') {
      problems.push(`wal_level is ${row.wal_level}; run ALTER SYSTEM SET wal_level = logical and restart the server`);
    }
    if (!row.can_create) problems.push('the role needs SUPERUSER, or CREATEDB and REPLICATION');
    if (expectedMajor !== undefined && version.major !== expectedMajor) {
      problems.push(`it runs PostgreSQL ${version.text}, but PG_TEST_MAJOR=${expectedMajor}`);
    }
    if (problems.length > 0) {
      throw new Error(`TEST_DATABASE_URL ${redactUrl(url)} cannot run the SQL tests:\n- ${problems.join('\n- ')}`);
    }
    const host = new URL(url).host;
    return { mode: 'external', adminUrl: url, version, location: host, stop: async () => undefined };
  } finally {
    await client.end();
  }
}
