// Starts the lab stack: PostgreSQL → Kafka Connect with Debezium → Kafka. Where a Docker
// engine answers, labs/compose.yaml through testcontainers (what students run); otherwise the
// same components as local processes (Java 17+ and the jars Maven resolved once).
//   LAB_MODE=process | docker   forces one
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { probeDocker } from '../postgres/docker-probe.ts';
import { freePort } from '../postgres/free-port.ts';
import { startLabConnect } from './connect.ts';
import type { LabEndpoints } from './endpoints.ts';
import { ensureJars } from './jars.ts';
import { checkJava, LabPrerequisiteError } from './java.ts';
import { startLabKafka, writeLog4j } from './kafka.ts';
import { REPO_ROOT } from './paths.ts';
import { LAB_PG_PASSWORD, LAB_PG_USER, LAB_DATABASE, startLabPostgres } from './postgres.ts';
import {
  createPersistentRunDir,
  createTestRunDir,
  killRunSync,
  logTail,
  readRecords,
  stopRun,
  sweepStaleTestRuns,
  type RunDir,
} from './processes.ts';
import { parseLabVersions } from './versions.ts';
import { readFileSync } from 'node:fs';

export interface StartOptions {
  /** lab:up: services outlive the command, fixed default ports when free, durable PostgreSQL. */
  persistentDir?: string;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

export interface StartedLab {
  endpoints: LabEndpoints;
  stop(): Promise<void>;
  /** The last log lines of every service, for a failure report. */
  logTails(lines?: number): string;
}

/** The compose ports when they are free (lab:up, so the lesson's commands work as written), else any. */
async function pickPort(preferred: number | undefined): Promise<number> {
  if (preferred !== undefined) {
    const free = await new Promise<boolean>((resolveFree) => {
      import('node:net').then(({ createServer }) => {
        const server = createServer();
        server.once('error', () => resolveFree(false));
        server.listen(preferred, '127.0.0.1', () => server.close(() => resolveFree(true)));
      });
    });
    if (free) return preferred;
  }
  return freePort();
}

export async function chooseLabMode(env: NodeJS.ProcessEnv = process.env): Promise<{ mode: 'process' | 'docker'; reason: string }> {
  const forced = env.LAB_MODE?.trim();
  if (forced === 'process' || forced === 'docker') return { mode: forced, reason: `LAB_MODE=${forced}` };
  if (forced) throw new LabPrerequisiteError(`LAB_MODE=${JSON.stringify(forced)} is not supported; use process or docker (or unset it)`);
  const probe = await probeDocker(5_000);
  if (probe.available) return { mode: 'docker', reason: 'a Docker engine answers' };
  return { mode: 'process', reason: 'no Docker engine answers' };
}

export async function startLab(options: StartOptions = {}): Promise<StartedLab> {
  const log = options.log ?? (() => {});
  const { mode, reason } = await chooseLabMode(options.env);
  if (mode === 'docker') return startComposeLab(log, reason);

  const total = performance.now();
  let java: string;
  try {
    java = (await checkJava()).command;
  } catch (error) {
    if (error instanceof LabPrerequisiteError) {
      throw new LabPrerequisiteError(`No Docker engine answers, and the process stack cannot start: ${error.message}`);
    }
    throw error;
  }
  const swept = await sweepStaleTestRuns();
  if (swept.length) log(`[lab] swept ${swept.length} stack(s) left by killed runs`);
  const jars = await ensureJars(log);
  log(`[lab] jars ${jars.resolved ? 'resolved' : 'from cache'} in ${(jars.resolveMs / 1000).toFixed(1)} s (${(jars.bytes / 1048576).toFixed(1)} MiB)`);

  const persistent = options.persistentDir !== undefined;
  const runDir: RunDir = persistent ? await createPersistentRunDir(options.persistentDir!) : await createTestRunDir();
  const onExit = (): void => killRunSync(runDir.dir);
  if (!persistent) process.on('exit', onExit);
  const stop = async (): Promise<void> => {
    await stopRun(runDir.dir);
    if (!persistent) {
      process.off('exit', onExit);
      killRunSync(runDir.dir); // removes the folder
    }
  };
  const logTails = (lines = 40): string =>
    readRecords(runDir.dir)
      .map((record) => `--- ${record.name}: last lines of ${record.log}\n${logTail(record.log, lines)}`)
      .join('\n');

  try {
    const ports = {
      postgres: await pickPort(persistent ? 5432 : undefined),
      broker: await pickPort(persistent ? 9092 : undefined),
      controller: await pickPort(persistent ? 9093 : undefined),
      connect: await pickPort(persistent ? 8083 : undefined),
    };
    const log4j = await writeLog4j(runDir.dir);
    const postgres = await startLabPostgres(runDir, ports.postgres, { durable: persistent });
    log(`[lab] PostgreSQL ${postgres.version} ready in ${(postgres.readyMs / 1000).toFixed(1)} s at ${postgres.host}:${postgres.port}`);
    const kafka = await startLabKafka(runDir, jars, java, ports, log4j.service);
    log(`[lab] Kafka ${jars.versions.kafka} (KRaft, broker+controller) ready in ${(kafka.readyMs / 1000).toFixed(1)} s at ${kafka.bootstrapServers}`);
    const connect = await startLabConnect(runDir, jars, java, kafka.bootstrapServers, ports.connect, log4j.service);
    log(`[lab] Kafka Connect ready in ${(connect.readyMs / 1000).toFixed(1)} s at ${connect.url}`);
    const endpoints: LabEndpoints = {
      mode: 'process',
      versions: jars.versions,
      postgres: { url: postgres.url, host: postgres.host, port: postgres.port, version: postgres.version },
      bootstrapServers: kafka.bootstrapServers,
      toolBootstrapServers: kafka.bootstrapServers,
      connectUrl: connect.url,
      connectorDatabase: { hostname: postgres.host, port: String(postgres.port) },
      tools: { kind: 'jvm', java, classpath: jars.classpath, log4j: log4j.tools },
      logs: Object.fromEntries(readRecords(runDir.dir).map((record) => [record.name, record.log])),
      timings: {
        jars: jars.resolveMs,
        postgres: postgres.readyMs,
        kafka: kafka.readyMs,
        connect: connect.readyMs,
        total: performance.now() - total,
      },
      runDir: runDir.dir,
      jars: { bytes: jars.bytes, resolved: jars.resolved },
    };
    return { endpoints, stop, logTails };
  } catch (error) {
    const tails = logTails();
    await stop().catch(() => undefined);
    if (error instanceof Error) error.message += tails ? `\n${tails}` : '';
    throw error;
  }
}

/** labs/compose.yaml through testcontainers: the stack students start with `docker compose up`. */
async function startComposeLab(log: (line: string) => void, reason: string): Promise<StartedLab> {
  const total = performance.now();
  const { DockerComposeEnvironment, Wait } = await import('testcontainers');
  const labs = join(REPO_ROOT, 'labs');
  const project = `debezium-course-lab-${randomBytes(4).toString('hex')}`;
  log(`[lab] mode=docker (${reason}): docker compose up of labs/compose.yaml as project ${project}`);
  const environment = await new DockerComposeEnvironment(labs, 'compose.yaml')
    .withProjectName(project)
    .withBuild()
    .withDefaultWaitStrategy(Wait.forHealthCheck())
    .withStartupTimeout(300_000)
    .up();
  const versions = parseLabVersions(readFileSync(join(REPO_ROOT, 'labs', 'runtime', 'pom.xml'), 'utf8'));
  const connectUrl = 'http://localhost:8083';
  const about = (await (await fetch(`${connectUrl}/`)).json()) as { version: string };
  if (about.version !== versions.kafka) {
    log(`[lab] note: compose runs Kafka Connect ${about.version}, labs/runtime/pom.xml pins ${versions.kafka}`);
  }
  const endpoints: LabEndpoints = {
    mode: 'docker',
    versions: { ...versions, kafka: about.version, debeziumScripting: versions.debezium },
    postgres: {
      url: `postgresql://${LAB_PG_USER}:${LAB_PG_PASSWORD}@localhost:5432/${LAB_DATABASE}`,
      host: 'localhost',
      port: 5432,
      version: '17',
    },
    bootstrapServers: 'localhost:9092',
    toolBootstrapServers: 'kafka:9092',
    connectUrl,
    connectorDatabase: { hostname: 'postgres', port: '5432' },
    tools: { kind: 'compose', project, file: join(labs, 'compose.yaml') },
    logs: {},
    timings: { total: performance.now() - total },
  };
  return {
    endpoints,
    stop: async () => {
      await environment.down({ removeVolumes: true });
    },
    logTails: () => `(docker) docker compose -p ${project} logs --tail 40`,
  };
}
