// The shared test server is what the other SQL tests assume it is.
import { describe, expect, test } from 'vitest';
import { parseMajor } from '../../support/postgres/config.ts';
import { freshDatabase, testServer, withDatabase } from '../../support/postgres/database.ts';

const db = withDatabase('server');

describe('test server', () => {
  test('runs the requested major with logical decoding enabled', async () => {
    const { rows } = await db.query<{ num: string; wal_level: string }>(
      `SELECT current_setting('server_version_num') AS num, current_setting('wal_level') AS wal_level`,
    );
    expect(rows[0]?.wal_level).toBe('logical');
    const server = testServer();
    if (server.mode !== 'external' || process.env.PG_TEST_MAJOR) {
      expect(Math.floor(Number(rows[0]?.num) / 10000)).toBe(parseMajor(process.env).major);
    }
  });

  test('started servers trade durability for speed (fsync=off)', async (context) => {
    if (testServer().mode === 'external') context.skip('an external server keeps its own settings');
    const { rows } = await db.query<{ fsync: string }>(`SELECT current_setting('fsync') AS fsync`);
    expect(rows[0]?.fsync).toBe('off');
  });

  test('each call gets a separate, empty database cloned from the run template', async () => {
    const other = await freshDatabase('server-other');
    try {
      expect(other.name).not.toBe(db.name);
      await db.query('CREATE TABLE only_here (id int)');
      const { rows } = await other.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public'`,
      );
      expect(rows[0]?.n).toBe('0');
    } finally {
      await other.drop();
    }
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM pg_database WHERE datname = $1`, [other.name]);
    expect(rows[0]?.n).toBe('0');
  });
});
