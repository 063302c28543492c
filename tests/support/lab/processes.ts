// The processes of a lab run: each started with its log in the run's folder and its pid in
// processes.json, so `lab:down`, a test teardown, or the sweep at the next start can stop
// exactly them (a pid is only signalled while its command line still names the run folder).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

export const TEST_RUN_PREFIX = 'course-lab-';

export interface ServiceRecord {
  name: string;
  pid: number;
  log: string;
  /** Signal that stops it gracefully (postgres: SIGINT, a fast shutdown). */
  stopSignal: NodeJS.Signals;
}

export interface RunDir {
  dir: string;
  /** lab:up's stack outlives the command that started it; a test run's dies with it. */
  persistent: boolean;
}

export async function createTestRunDir(): Promise<RunDir> {
  const dir = await mkdtemp(join(tmpdir(), TEST_RUN_PREFIX));
  await chmod(dir, 0o755); // the postgres OS user must get in when we run as root
  await writeFile(join(dir, 'owner.json'), JSON.stringify({ pid: process.pid }));
  return { dir, persistent: false };
}

export async function createPersistentRunDir(dir: string): Promise<RunDir> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true, mode: 0o755 });
  await chmod(dir, 0o755);
  await writeFile(join(dir, 'owner.json'), JSON.stringify({ pid: null, persistent: true }));
  return { dir, persistent: true };
}

function recordsFile(run: RunDir | string): string {
  return join(typeof run === 'string' ? run : run.dir, 'processes.json');
}

export function readRecords(run: RunDir | string): ServiceRecord[] {
  try {
    return JSON.parse(readFileSync(recordsFile(run), 'utf8')) as ServiceRecord[];
  } catch {
    return [];
  }
}

async function addRecord(run: RunDir, record: ServiceRecord): Promise<void> {
  await writeFile(recordsFile(run), JSON.stringify([...readRecords(run), record], null, 2));
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Only a process whose command line names the run folder is ours to signal. */
export function belongsTo(pid: number, dir: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir);
  } catch {
    // No /proc (macOS): trust the record while the pid is alive.
    return !existsSync('/proc') && isAlive(pid);
  }
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  uid?: number;
  gid?: number;
  stopSignal?: NodeJS.Signals;
}

/** Starts a long-running service with stdout and stderr in `logs/<name>.log`. */
export async function spawnService(run: RunDir, name: string, command: string, args: string[], options: SpawnOptions = {}): Promise<{ child: ChildProcess; record: ServiceRecord }> {
  await mkdir(join(run.dir, 'logs'), { recursive: true });
  const log = join(run.dir, 'logs', `${name}.log`);
  const fd = openSync(log, 'a');
  const child = spawn(command, args, {
    stdio: ['ignore', fd, fd],
    env: options.env ?? process.env,
    uid: options.uid,
    gid: options.gid,
    // lab:up's services must outlive `npm run lab:up`; a test run's stay in its process
    // group, so Ctrl+C in the terminal stops them with it.
    detached: run.persistent,
  });
  closeSync(fd);
  const pid = await new Promise<number>((resolvePid, reject) => {
    child.once('error', (error) => reject(new Error(`could not start ${name} (${command}): ${error.message}`)));
    child.once('spawn', () => resolvePid(child.pid!));
  });
  if (run.persistent) child.unref();
  const record: ServiceRecord = { name, pid, log, stopSignal: options.stopSignal ?? 'SIGTERM' };
  await addRecord(run, record);
  return { child, record };
}

export async function stopRecord(record: ServiceRecord, dir: string, timeoutMs = 20_000): Promise<'stopped' | 'killed' | 'gone'> {
  if (!isAlive(record.pid) || !belongsTo(record.pid, dir)) return 'gone';
  process.kill(record.pid, record.stopSignal);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(record.pid)) return 'stopped';
    await delay(100);
  }
  process.kill(record.pid, 'SIGKILL');
  for (let i = 0; i < 50 && isAlive(record.pid); i++) await delay(100);
  return 'killed';
}

/** Stops the run's services in reverse start order (Connect, then Kafka, then PostgreSQL). */
export async function stopRun(dir: string): Promise<Record<string, string>> {
  const outcome: Record<string, string> = {};
  for (const record of readRecords(dir).reverse()) outcome[record.name] = await stopRecord(record, dir);
  return outcome;
}

/** Synchronous last resort for process 'exit': SIGKILL whatever is still ours. */
export function killRunSync(dir: string): void {
  for (const record of readRecords(dir)) {
    if (isAlive(record.pid) && belongsTo(record.pid, dir)) {
      try {
        process.kill(record.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Stops the services and removes the folders of test runs whose test process died. */
export async function sweepStaleTestRuns(base = tmpdir()): Promise<string[]> {
  const swept: string[] = [];
  for (const name of (await readdir(base).catch(() => [] as string[])).filter((n) => n.startsWith(TEST_RUN_PREFIX))) {
    const dir = join(base, name);
    const owner = await readFile(join(dir, 'owner.json'), 'utf8')
      .then((text) => JSON.parse(text) as { pid?: number })
      .catch(() => undefined);
    // No owner.json: not a run folder (or one being created right now); leave it alone.
    if (!owner || (owner.pid && isAlive(owner.pid))) continue;
    await stopRun(dir);
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    swept.push(dir);
  }
  return swept;
}

export function logTail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines - 1).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Waits for `ready()`; fails early, with the log's tail, if the process exits first. */
export async function waitUntil(
  what: string,
  child: ChildProcess | undefined,
  record: ServiceRecord,
  ready: () => Promise<boolean>,
  timeoutMs: number,
): Promise<number> {
  const started = performance.now();
  let exited: string | undefined;
  child?.once('exit', (code, signal) => (exited = `exited with ${signal ?? `code ${code}`}`));
  while (performance.now() - started < timeoutMs) {
    if (exited || !isAlive(record.pid)) {
      throw new Error(`${what} ${exited ?? 'exited'} before it was ready. Last lines of ${record.log}:\n${logTail(record.log)}`);
    }
    if (await ready().catch(() => false)) return performance.now() - started;
    await delay(250);
  }
  throw new Error(`${what} was not ready within ${timeoutMs / 1000} s. Last lines of ${record.log}:\n${logTail(record.log)}`);
}
