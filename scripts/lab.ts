// The lab stack without Docker, for students and instructors:
//   npm run lab:up       start PostgreSQL 17, Kafka (KRaft) and Kafka Connect with Debezium
//   npm run lab:status   what runs, and where
//   npm run lab:down     stop everything and delete the stack's data
//   npm run lab -- connector labs/connectors/outbox-connector.json   register a connector
//   npm run lab -- kafka kafka-topics --bootstrap-server localhost:9092 --list
//   npm run lab -- psql -f labs/sql/approve-order.sql
// Needs Java 17+ (and Maven once, to fetch the jars into .cache/lab). With Docker, use
// `docker compose up -d` in labs/ instead: the same components, the same ports.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pointAtLabDatabase, type LabEndpoints } from '../tests/support/lab/endpoints.ts';
import { LabPrerequisiteError } from '../tests/support/lab/java.ts';
import { kafkaTool, KAFKA_TOOLS } from '../tests/support/lab/kafka-tools.ts';
import { labCacheDir } from '../tests/support/lab/paths.ts';
import { belongsTo, isAlive, readRecords, stopRun } from '../tests/support/lab/processes.ts';
import { startLab } from '../tests/support/lab/stack.ts';
import { describeVersions } from '../tests/support/lab/versions.ts';
import { rest } from '../tests/support/lab/connect-rest.ts';

const RUN_DIR = join(labCacheDir(), 'run');
const ENDPOINTS = join(RUN_DIR, 'endpoints.json');

function fail(message: string): never {
  console.error(`lab: ${message}`);
  process.exit(1);
}

function running(): { name: string; pid: number; alive: boolean }[] {
  return readRecords(RUN_DIR).map((r) => ({ name: r.name, pid: r.pid, alive: isAlive(r.pid) && belongsTo(r.pid, RUN_DIR) }));
}

function loadEndpoints(): LabEndpoints {
  if (!existsSync(ENDPOINTS)) fail('the lab stack is not running: start it with `npm run lab:up`');
  return JSON.parse(readFileSync(ENDPOINTS, 'utf8')) as LabEndpoints;
}

function printEndpoints(lab: LabEndpoints): void {
  console.log(`${describeVersions(lab.versions)}; PostgreSQL ${lab.postgres.version}`);
  console.log(`  PostgreSQL         ${lab.postgres.url}`);
  console.log(`  Kafka bootstrap    ${lab.bootstrapServers}`);
  console.log(`  Kafka Connect REST ${lab.connectUrl}`);
  console.log(`  Logs               ${Object.values(lab.logs).join(', ')}`);
  console.log('In a connector config use "database.hostname": "' + lab.connectorDatabase.hostname + '", "database.port": "' + lab.connectorDatabase.port + '"');
  console.log('(`npm run lab -- connector <file.json>` sets them for you).');
}

async function up(): Promise<void> {
  const states = running();
  if (states.length && states.every((s) => s.alive)) {
    console.log('lab: the stack is already running');
    printEndpoints(loadEndpoints());
    return;
  }
  if (states.length) await stopRun(RUN_DIR); // leftovers of a stack that half died
  try {
    const lab = await startLab({ persistentDir: RUN_DIR, log: (line) => console.log(line), env: { ...process.env, LAB_MODE: 'process' } });
    writeFileSync(ENDPOINTS, `${JSON.stringify(lab.endpoints, null, 2)}\n`);
    console.log(`lab: up in ${(lab.endpoints.timings.total! / 1000).toFixed(1)} s`);
    printEndpoints(lab.endpoints);
  } catch (error) {
    if (error instanceof LabPrerequisiteError) fail(error.message);
    throw error;
  }
}

async function status(): Promise<void> {
  const states = running();
  if (!states.length) {
    console.log('lab: not running (start it with `npm run lab:up`)');
    process.exitCode = 3;
    return;
  }
  for (const s of states) console.log(`  ${s.name.padEnd(10)} pid ${s.pid} ${s.alive ? 'running' : 'NOT RUNNING'}`);
  const lab = loadEndpoints();
  const connect = await rest('GET', `${lab.connectUrl}/connectors?expand=status`).catch(() => undefined);
  console.log(`  Connect REST ${connect?.status === 200 ? `answers; connectors: ${Object.keys(connect.json as object).join(', ') || 'none'}` : 'does not answer'}`);
  printEndpoints(lab);
  if (!states.every((s) => s.alive)) process.exitCode = 1;
}

async function down(): Promise<void> {
  if (!existsSync(RUN_DIR)) {
    console.log('lab: nothing to stop');
    return;
  }
  const outcome = await stopRun(RUN_DIR);
  const left = readRecords(RUN_DIR).filter((r) => isAlive(r.pid) && belongsTo(r.pid, RUN_DIR));
  if (left.length) fail(`still running after stop: ${left.map((r) => `${r.name} (pid ${r.pid})`).join(', ')}`);
  rmSync(RUN_DIR, { recursive: true, force: true });
  console.log(`lab: stopped ${Object.entries(outcome).map(([name, how]) => `${name} (${how})`).join(', ') || 'nothing'}; data deleted`);
}

async function connector(file: string | undefined): Promise<void> {
  if (!file) fail('usage: npm run lab -- connector <connector.json>');
  const lab = loadEndpoints();
  const body = JSON.parse(readFileSync(resolve(file), 'utf8')) as { name: string; config: Record<string, string> };
  const config = pointAtLabDatabase(body.config, lab);
  const answer = await rest('PUT', `${lab.connectUrl}/connectors/${body.name}/config`, config);
  console.log(`PUT /connectors/${body.name}/config → ${answer.status}`);
  console.log(answer.text);
  if (answer.status >= 300) process.exitCode = 1;
}

async function kafka(args: string[]): Promise<void> {
  const [tool, ...rest_] = args;
  if (!tool || !KAFKA_TOOLS[tool]) fail(`usage: npm run lab -- kafka <${Object.keys(KAFKA_TOOLS).join('|')}> [arguments]`);
  const result = await kafkaTool(loadEndpoints(), tool, rest_, 10 * 60_000);
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
}

function psql(args: string[]): void {
  const lab = loadEndpoints();
  try {
    execFileSync('psql', ['--version'], { stdio: 'ignore' });
  } catch {
    fail('psql is not installed: Debian/Ubuntu apt-get install postgresql-client, macOS brew install libpq');
  }
  const result = spawnSync('psql', [lab.postgres.url, ...args], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
}

const [command, ...args] = process.argv.slice(2);
switch (command) {
  case 'up':
    await up();
    break;
  case 'status':
    await status();
    break;
  case 'down':
    await down();
    break;
  case 'connector':
    await connector(args[0]);
    break;
  case 'kafka':
    await kafka(args);
    break;
  case 'psql':
    psql(args);
    break;
  default:
    fail('usage: npm run lab:up | lab:status | lab:down | lab -- connector <file> | lab -- kafka <tool> ... | lab -- psql ...');
}
