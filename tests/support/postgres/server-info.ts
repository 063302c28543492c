import pg from 'pg';
import { parseServerVersionNum, type ServerVersion } from './version.ts';

export interface ServerInfo {
  version: ServerVersion;
  walLevel: string;
}

export async function readServerInfo(url: string): Promise<ServerInfo> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ num: string; wal_level: string }>(
      `SELECT current_setting('server_version_num') AS num, current_setting('wal_level') AS wal_level`,
    );
    const row = rows[0];
    if (!row) throw new Error('SELECT current_setting(...) returned no row');
    return { version: parseServerVersionNum(row.num), walLevel: row.wal_level };
  } finally {
    await client.end();
  }
}
