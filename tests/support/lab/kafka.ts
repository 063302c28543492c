// Kafka of the process stack: one KRaft node that is broker and controller, as in
// labs/compose.yaml, started from the jars Maven resolved (kafka.tools.StorageTool format,
// then kafka.Kafka).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { LabJars } from './jars.ts';
import { SHORT_LIVED_JVM } from './kafka-tools.ts';
import { spawnService, waitUntil, type RunDir, type ServiceRecord } from './processes.ts';

const run = promisify(execFile);

export interface LabKafka {
  bootstrapServers: string;
  record: ServiceRecord;
  readyMs: number;
}

/**
 * A lab's broker and worker move a few hundred records: C1 alone and the serial collector
 * start them sooner on two cores, and C2's throughput is never needed.
 */
export const LAB_SERVICE_JVM = (process.env.LAB_SERVICE_JVM ?? '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC').split(/\s+/).filter(Boolean);

/** key=value lines. */
export function toProperties(settings: Record<string, string | number>): string {
  return `${Object.entries(settings)
    .map(([key, value]) => `${key}=${value}`)
    .join('\n')}\n`;
}

/** Log4j 2 for every JVM of the stack: INFO to stdout (the service's log file), tools: WARN to stderr. */
export async function writeLog4j(dir: string): Promise<{ service: string; tools: string }> {
  const service = join(dir, 'log4j2-service.properties');
  const tools = join(dir, 'log4j2-tools.properties');
  const config = (level: string, target: string): string =>
    [
      'appender.out.type = Console',
      'appender.out.name = out',
      `appender.out.target = ${target}`,
      'appender.out.layout.type = PatternLayout',
      'appender.out.layout.pattern = [%d] %p %m (%c)%n',
      `rootLogger.level = ${level}`,
      'rootLogger.appenderRef.out.ref = out',
      '',
    ].join('\n');
  await writeFile(service, config('INFO', 'SYSTEM_OUT'));
  await writeFile(tools, config('WARN', 'SYSTEM_ERR'));
  return { service, tools };
}

/** A random cluster id in the form kafka-storage random-uuid prints (22 characters). */
/**
 * A KRaft cluster id: 16 random bytes in base64url, like Kafka's `Uuid.randomUuid()`.
 * Kafka re-draws ids that start with '-' because its command-line parser reads them as
 * an option (one id in 64 did, and `kafka-storage format -t -x…` failed a CI run); so do we.
 */
export function clusterId(random: (size: number) => Buffer = randomBytes): string {
  for (;;) {
    const id = random(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

export async function startLabKafka(
  runDir: RunDir,
  jars: LabJars,
  java: string,
  ports: { broker: number; controller: number },
  log4j: string,
): Promise<LabKafka> {
  const props = join(runDir.dir, 'server.properties');
  await writeFile(
    props,
    toProperties({
      'process.roles': 'broker,controller',
      'node.id': 1,
      'controller.quorum.voters': `1@127.0.0.1:${ports.controller}`,
      listeners: `PLAINTEXT://127.0.0.1:${ports.broker},CONTROLLER://127.0.0.1:${ports.controller}`,
      'advertised.listeners': `PLAINTEXT://127.0.0.1:${ports.broker}`,
      'controller.listener.names': 'CONTROLLER',
      'listener.security.protocol.map': 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
      'inter.broker.listener.name': 'PLAINTEXT',
      'log.dirs': join(runDir.dir, 'kafka-logs'),
      // One node cannot hold three replicas of the internal topics.
      'offsets.topic.replication.factor': 1,
      'transaction.state.log.replication.factor': 1,
      'transaction.state.log.min.isr': 1,
      'share.coordinator.state.topic.replication.factor': 1,
      'share.coordinator.state.topic.min.isr': 1,
      'group.initial.rebalance.delay.ms': 0,
    }),
  );
  const jvm = [`-Dlog4j2.configurationFile=${log4j}`, '-cp', jars.classpath];
  try {
    await run(java, [...SHORT_LIVED_JVM, ...jvm, 'kafka.tools.StorageTool', 'format', `--cluster-id=${clusterId()}`, '-c', props]);
  } catch (error) {
    throw new Error(`kafka-storage format failed: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`);
  }
  const { child, record } = await spawnService(runDir, 'kafka', java, ['-Xms256m', '-Xmx512m', ...LAB_SERVICE_JVM, ...jvm, 'kafka.Kafka', props]);
  const readyMs = await waitUntil(`Kafka ${jars.versions.kafka}`, child, record, async () => (await readFile(record.log, 'utf8')).includes('Kafka Server started'), 90_000);
  return { bootstrapServers: `127.0.0.1:${ports.broker}`, record, readyMs };
}
