// What a running lab stack offers, in a form that can cross from vitest's global setup to
// the test workers (plain data), and the helpers that use it.
import type { LabVersions } from './versions.ts';

export type LabTools =
  | { kind: 'jvm'; java: string; classpath: string; log4j: string }
  | { kind: 'compose'; project: string; file: string };

export interface LabEndpoints {
  mode: 'process' | 'docker';
  versions: LabVersions;
  postgres: { url: string; host: string; port: number; version: string };
  /** From this machine. */
  bootstrapServers: string;
  /** What a Kafka command-line tool of this stack is given as --bootstrap-server. */
  toolBootstrapServers: string;
  connectUrl: string;
  /** database.hostname and database.port as the stack's Connect worker reaches PostgreSQL. */
  connectorDatabase: { hostname: string; port: string };
  tools: LabTools;
  /** Service name → log file (process mode). */
  logs: Record<string, string>;
  /** Milliseconds: jars, postgres, kafka, connect, total. */
  timings: Record<string, number>;
  runDir?: string;
  /** Bytes of jars in the cache; whether this start had to resolve them. */
  jars?: { bytes: number; resolved: boolean };
}

/**
 * A lesson's connector config, as the student sends it, pointed at this stack's PostgreSQL.
 * The lessons write `database.hostname: postgres` (the compose service name); the process
 * stack's PostgreSQL listens on 127.0.0.1 at a port of its own.
 */
export function pointAtLabDatabase(config: Record<string, string>, lab: Pick<LabEndpoints, 'connectorDatabase'>): Record<string, string> {
  if (!('database.hostname' in config)) return config;
  return { ...config, 'database.hostname': lab.connectorDatabase.hostname, 'database.port': lab.connectorDatabase.port };
}

/**
 * A PostgreSQL connector of a test's own (a probe of what a lesson claims): the lab database as
 * the compose stack names it, as its superuser, with pgoutput, pointed at this stack; `fields`
 * add to it or override it (topic.prefix, slot.name, another user…).
 */
export function probeConnectorConfig(lab: Pick<LabEndpoints, 'connectorDatabase'>, fields: Record<string, string>): Record<string, string> {
  return pointAtLabDatabase(
    {
      'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
      'database.hostname': 'postgres',
      'database.port': '5432',
      'database.user': 'postgres',
      'database.password': 'postgres',
      'database.dbname': 'shop',
      'plugin.name': 'pgoutput',
      ...fields,
    },
    lab,
  );
}

/** One name for a probe connector's topic prefix, slot and publication, so a test cleans up one name. */
export function probeNames(name: string): Record<string, string> {
  return { 'topic.prefix': name, 'slot.name': name, 'publication.name': name };
}
