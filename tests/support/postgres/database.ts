// Per-test-file databases on the run's shared server (see global-setup.ts).
// CREATE DATABASE ... TEMPLATE copies the run's empty template in milliseconds,
// so each file gets a clean database without a server of its own.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { dropDatabase, ident, urlForDatabase, withAdmin } from './admin.ts';
import { applySqlFile } from './schemas.ts';
import type { ProvidedPostgres } from './types.ts';

export interface TestDatabase {
  readonly name: string;
  readonly url: string;
  /** A new connected client; drop() closes it. */
  connect(): Promise<pg.Client>;
  /** One statement on a client shared by this database handle. */
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
  /** Applies a SQL file, path relative to the checkout root, e.g. labs/schemas/outbox-table.sql. */
  apply(path: string): Promise<void>;
  /** Closes the clients and drops the database with its replication slots. */
  drop(): Promise<void>;
}

/** Database names: run prefix (for cleanup on shared servers) + readable label + random suffix. */
export function testDatabaseName(runId: string, label: string, suffix = randomBytes(3).toString('hex')): string {
  const clean = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 30).replace(/^_+|_+$/g, '') || 'db';
  return `t_${runId}_${clean}_${suffix}`;
}

export function testServer(): ProvidedPostgres {
  const provided = inject('postgres');
  if (!provided) throw new Error('No test server: run through the "integration" vitest project, whose globalSetup starts it');
  return provided;
}

export async function freshDatabase(label = 'db'): Promise<TestDatabase> {
  const server = testServer();
  const name = testDatabaseName(server.runId, label);
  await withAdmin(server.adminUrl, (admin) => admin.query(`CREATE DATABASE ${ident(name)} TEMPLATE ${ident(server.template)}`));
  const url = urlForDatabase(server.adminUrl, name);

  const clients = new Set<pg.Client>();
  let shared: Promise<pg.Client> | undefined;
  const connect = async (): Promise<pg.Client> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    clients.add(client);
    return client;
  };
  let dropped = false;

  return {
    name,
    url,
    connect,
    async query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]) {
      shared ??= connect();
      return (await shared).query<R>(text, values);
    },
    async apply(path: string) {
      shared ??= connect();
      await applySqlFile(await shared, path);
    },
    async drop() {
      if (dropped) return;
      dropped = true;
      await Promise.allSettled([...clients].map((client) => client.end()));
      await withAdmin(server.adminUrl, (admin) => dropDatabase(admin, name));
    },
  };
}

/**
 * Registers beforeAll/afterAll in the calling test file: one fresh database for
 * the file, dropped afterwards even when tests fail. Use the handle inside tests.
 */
export function withDatabase(label?: string): TestDatabase {
  let db: TestDatabase | undefined;
  beforeAll(async () => {
    db = await freshDatabase(label);
  });
  afterAll(async () => {
    await db?.drop();
  });
  const current = (): TestDatabase => {
    if (!db) throw new Error('withDatabase(): the database exists from beforeAll on; use it inside hooks and tests');
    return db;
  };
  return {
    get name() {
      return current().name;
    },
    get url() {
      return current().url;
    },
    connect: () => current().connect(),
    query: (text, values) => current().query(text, values),
    apply: (path) => current().apply(path),
    drop: () => current().drop(),
  };
}
