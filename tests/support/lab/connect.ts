// Kafka Connect of the process stack: one distributed worker with its internal topics on the
// lab broker and the Debezium plugins on its plugin path; the same group and topic names as
// labs/compose.yaml.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LabJars } from './jars.ts';
import { LAB_SERVICE_JVM, toProperties } from './kafka.ts';
import { spawnService, waitUntil, type RunDir, type ServiceRecord } from './processes.ts';

export interface LabConnect {
  url: string;
  record: ServiceRecord;
  readyMs: number;
}

export async function startLabConnect(
  runDir: RunDir,
  jars: LabJars,
  java: string,
  bootstrapServers: string,
  port: number,
  log4j: string,
): Promise<LabConnect> {
  const props = join(runDir.dir, 'connect-distributed.properties');
  await writeFile(
    props,
    toProperties({
      'bootstrap.servers': bootstrapServers,
      'group.id': 'debezium-course',
      'config.storage.topic': 'connect_configs',
      'offset.storage.topic': 'connect_offsets',
      'status.storage.topic': 'connect_statuses',
      'config.storage.replication.factor': 1,
      'offset.storage.replication.factor': 1,
      'status.storage.replication.factor': 1,
      // The worker defaults of the Debezium image (JsonConverter with schemas).
      'key.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      listeners: `http://127.0.0.1:${port}`,
      'plugin.path': jars.pluginPath.join(','),
      // Every plugin here ships ServiceLoader manifests: no class scanning at start-up.
      'plugin.discovery': 'service_load',
      'offset.flush.interval.ms': 1000,
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const { child, record } = await spawnService(runDir, 'connect', java, [
    '-Xms256m',
    '-Xmx768m',
    ...LAB_SERVICE_JVM,
    `-Dlog4j2.configurationFile=${log4j}`,
    '-cp',
    jars.classpath,
    'org.apache.kafka.connect.cli.ConnectDistributed',
    props,
  ]);
  const readyMs = await waitUntil(`Kafka Connect ${jars.versions.kafka}`, child, record, async () => (await fetch(`${url}/connectors`)).ok, 180_000);
  return { url, record, readyMs };
}
