// Database-level housekeeping with a superuser connection.
import pg from 'pg';
import { setTimeout as delay } from 'node:timers/promises';

export async function withAdmin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Same database with another name in the URL path. */
export function urlForDatabase(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/**
 * Drops a test database. Logical slots are per-cluster objects that pin their
 * database (DROP DATABASE refuses while one exists), so they go first.
 */
export async function dropDatabase(admin: pg.Client, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await admin.query(
      'SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE database = $1 AND active_pid IS NOT NULL',
      [name],
    );
    try {
      await admin.query('SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE database = $1', [name]);
      break;
    } catch (error) {
      // A terminated walsender can hold its slot for a moment longer.
      if (attempt >= 20 || (error as { code?: string }).code !== '55006') throw error;
      await delay(100);
    }
  }
  await admin.query(`ALTER DATABASE ${ident(name)} IS_TEMPLATE false`).catch(() => undefined);
  // WITH (FORCE) ends sessions a failed test left open (PostgreSQL 13+).
  await admin.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
}
