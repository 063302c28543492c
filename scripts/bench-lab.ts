// Start-up times of the lab stack without Docker, piece by piece, as a student meets them:
//   npm run bench:lab               lab:up cold (as it is now) and warm, with the outbox lab's
//                                   connector to RUNNING and its first event on the topic
//   npm run bench:lab -- --test     also times a whole `npm run test:lab`
// It also checks what lab:down promises: no process of the stack is left, and that the second
// lab:up resolves no jars (downloads nothing).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { pointAtLabDatabase } from '../tests/support/lab/endpoints.ts';
import { rest, waitForRunning } from '../tests/support/lab/connect-rest.ts';
import { kafkaTool } from '../tests/support/lab/kafka-tools.ts';
import { labCacheDir, REPO_ROOT } from '../tests/support/lab/paths.ts';
import { startLab } from '../tests/support/lab/stack.ts';
import { describeVersions } from '../tests/support/lab/versions.ts';

const RUN_DIR = join(labCacheDir(), 'bench-run');
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

function stackProcesses(): string[] {
  const out = spawnSync('pgrep', ['-af', RUN_DIR], { encoding: 'utf8' }).stdout ?? '';
  return out.split('\n').filter((line) => line.trim() && !line.includes('pgrep'));
}

async function once(label: string): Promise<Record<string, number | string>> {
  const lab = await startLab({ persistentDir: RUN_DIR, env: { ...process.env, LAB_MODE: 'process' } });
  const e = lab.endpoints;
  if (label === 'first') console.log(`bench:lab: ${describeVersions(e.versions)}, PostgreSQL ${e.postgres.version}; jars ${((e.jars?.bytes ?? 0) / 1048576).toFixed(1)} MiB`);
  const row: Record<string, number | string> = { run: label, jars: e.jars?.resolved ? `resolved ${seconds(e.timings.jars!)}` : 'from cache', postgres: e.timings.postgres!, broker: e.timings.kafka!, worker: e.timings.connect! };
  try {
    const client = new pg.Client({ connectionString: e.postgres.url });
    await client.connect();
    for (const file of ['shop.sql', 'outbox-table.sql']) await client.query(readFileSync(join(REPO_ROOT, 'labs/schemas', file), 'utf8'));
    const connector = JSON.parse(readFileSync(join(REPO_ROOT, 'labs/connectors/outbox-connector.json'), 'utf8')) as { name: string; config: Record<string, string> };
    const t0 = performance.now();
    await rest('PUT', `${e.connectUrl}/connectors/${connector.name}/config`, pointAtLabDatabase(connector.config, e));
    await waitForRunning(e.connectUrl, connector.name);
    row.connectorRunning = performance.now() - t0;
    const t1 = performance.now();
    await client.query(readFileSync(join(REPO_ROOT, 'labs/sql/approve-order.sql'), 'utf8'));
    await client.end();
    await kafkaTool(e, 'kafka-console-consumer', ['--bootstrap-server', e.bootstrapServers, '--topic', 'outbox.event.Order', '--from-beginning', '--max-messages', '1', '--timeout-ms', '60000']);
    row.firstEvent = performance.now() - t1;
    row.total = e.timings.total! + (row.connectorRunning as number) + (row.firstEvent as number);
  } finally {
    await lab.stop();
  }
  const left = stackProcesses();
  if (left.length) throw new Error(`processes of the stack left after stop:\n${left.join('\n')}`);
  row.leftAfterDown = 0;
  return row;
}

const rows = [await once('first'), await once('second')];
if (rows[1]!.jars !== 'from cache') throw new Error('the second start resolved jars again: the cache did not hold');
const columns = ['run', 'jars', 'postgres', 'broker', 'worker', 'connectorRunning', 'firstEvent', 'total', 'leftAfterDown'];
console.log(columns.join('\t'));
for (const row of rows) console.log(columns.map((c) => (typeof row[c] === 'number' && c !== 'leftAfterDown' ? seconds(row[c] as number) : String(row[c]))).join('\t'));

if (process.argv.includes('--test')) {
  const t0 = performance.now();
  execFileSync('npm', ['run', 'test:lab'], { cwd: REPO_ROOT, stdio: 'inherit' });
  console.log(`test:lab total: ${seconds(performance.now() - t0)} (target: under 300 s on 2 cores)`);
}
