// A lesson's connector config sent to the running worker's
// PUT /connector-plugins/{class}/config/validate; every error the worker returns
// (configs[].value.errors) becomes a problem with the lesson's file, the key's line, the value
// and a fix.
import pg from 'pg';
import type { Problem } from '../../../src/course/problems.ts';
import { rest } from './connect-rest.ts';
import { pointAtLabDatabase, type LabEndpoints } from './endpoints.ts';
import type { LessonConfig } from './lesson-configs.ts';

export interface ValidateAnswer {
  name: string;
  error_count: number;
  configs: { definition: { name: string }; value: { name: string; value: string | null; errors: string[]; recommended_values: string[] } }[];
}

export interface ValidationResult {
  problems: Problem[];
  /** keys the worker knows for this config (connector, framework, SMT, predicate and converter options) */
  keys: number;
  ms: number;
}

/**
 * Validates one lesson config. The lessons point database.hostname at the compose service
 * `postgres`; the lab's worker reaches its PostgreSQL elsewhere, so the config is pointed at it
 * (pointAtLabDatabase) and the connector's connection check runs for real against the lab's
 * `shop` database.
 */
export async function validateLessonConfig(lab: Pick<LabEndpoints, 'connectUrl' | 'connectorDatabase' | 'versions'>, item: LessonConfig): Promise<ValidationResult> {
  const started = performance.now();
  const sent: Record<string, unknown> = pointAtLabDatabase({ name: item.name, ...item.config } as Record<string, string>, lab);
  const connectorClass = typeof sent['connector.class'] === 'string' ? sent['connector.class'] : undefined;
  const where = (key: string) => item.origins[key]?.line ?? item.line;
  const fragmentNote = item.fragment
    ? ` (fragment laid over the full config at line ${item.baseLine ?? '(none: MINIMAL_BASE of tests/support/lab/lesson-configs.ts)'})`
    : '';
  if (!connectorClass) {
    return {
      problems: [{ file: item.file, line: item.line, field: 'connector.class', value: undefined, message: `no connector class to validate with${fragmentNote}`, fix: 'show the full config in the lesson' }],
      keys: 0,
      ms: performance.now() - started,
    };
  }
  const answer = await rest('PUT', `${lab.connectUrl}/connector-plugins/${encodeURIComponent(connectorClass)}/config/validate`, sent);
  const ms = performance.now() - started;
  if (answer.status !== 200) {
    return {
      problems: [
        {
          file: item.file,
          line: where('connector.class'),
          field: 'connector.class',
          value: connectorClass,
          message: `the worker answered ${answer.status} to validate: ${answer.text.slice(0, 400)}${fragmentNote}`,
          fix: 'use a connector class the lab worker has (GET /connector-plugins), and a config the worker can read',
        },
      ],
      keys: 0,
      ms,
    };
  }
  const result = answer.json as ValidateAnswer;
  const problems: Problem[] = [];
  for (const entry of result.configs) {
    const key = entry.definition.name;
    for (const error of entry.value.errors) {
      const origin = item.origins[key];
      const shown = key in item.config ? item.config[key] : undefined;
      const whence = origin && origin.from !== 'block' ? ` [${describeOrigin(origin.from, item)}]` : '';
      problems.push({
        file: item.file,
        line: where(key),
        field: key,
        value: shown,
        message: `Kafka Connect ${lab.versions.kafka} with Debezium ${lab.versions.debezium}: ${error.trim()}${whence}${fragmentNote}`,
        fix: fixFor(key, error),
      });
    }
  }
  return { problems, keys: result.configs.length, ms };
}

function describeOrigin(from: string, item: LessonConfig): string {
  if (from === 'base') return `the key comes from the full config at line ${item.baseLine}`;
  if (from === 'minimal-base') return 'the key comes from MINIMAL_BASE: the lesson shows no full config';
  return 'the key was completed from the lesson (alias list or type declared in another block)';
}

/**
 * The roles and databases the configs log in with, made in the lab's PostgreSQL the way a
 * student's setup makes them: a role with LOGIN REPLICATION and the config's password (what
 * the PostgreSQL connector's validation checks), an empty database. The lab has `shop` and
 * `postgres` / `postgres`; a lab file or lesson that uses its own role (`debezium`) creates it
 * in its steps, which the lesson's own lab test runs. `remove()` drops what it made, so that a
 * lesson test after this one creates its role as the lesson says.
 */
export async function provideDatabaseFor(lab: Pick<LabEndpoints, 'postgres'>, configs: readonly LessonConfig[]): Promise<{ created: string[]; remove(): Promise<void> }> {
  const created: string[] = [];
  const roles: string[] = [];
  const databases: string[] = [];
  const adminUrl = lab.postgres.url.replace(/\/[^/]+$/, '/postgres');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const wanted = new Map<string, string>();
    const names = new Set<string>();
    for (const { config } of configs) {
      const user = config['database.user'];
      const password = config['database.password'];
      const dbname = config['database.dbname'];
      if (typeof user === 'string' && user && typeof password === 'string' && !wanted.has(user)) wanted.set(user, password);
      if (typeof dbname === 'string' && dbname) names.add(dbname);
    }
    for (const [user, password] of wanted) {
      const exists = (await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [user])).rowCount;
      if (exists) continue;
      await admin.query(`CREATE ROLE ${admin.escapeIdentifier(user)} WITH LOGIN REPLICATION PASSWORD ${admin.escapeLiteral(password)}`);
      roles.push(user);
      created.push(`role ${user}`);
    }
    for (const database of names) {
      const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount;
      if (exists) continue;
      await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
      databases.push(database);
      created.push(`database ${database}`);
    }
  } finally {
    await admin.end();
  }
  const remove = async (): Promise<void> => {
    if (roles.length === 0 && databases.length === 0) return;
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      for (const database of databases) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
      for (const role of roles) await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(role)}`);
    } finally {
      await client.end();
    }
  };
  return { created, remove };
}

/** What to do about a worker error, by its usual wording. */
export function fixFor(key: string, error: string): string {
  const oneOf = /must be one of(?: \(case insensitive\))?:? (.+)$/s.exec(error);
  if (oneOf) return `use one of: ${oneOf[1]!.trim()}`;
  if (/Missing required configuration|A value is required/i.test(error)) return `set "${key}" (the worker needs it)`;
  if (/Invalid regex/i.test(error)) return `write a Java regular expression that compiles (in JSON a backslash is written \\\\)`;
  if (/^database\./.test(key) || /connect|connection|authentication/i.test(error)) {
    return 'the connector could not use the lab database with these settings (the test made the roles and databases the configs name): check database.* and what the lesson assumes exists';
  }
  return `correct "${key}" as the worker says (npm run lab:up, then PUT /connector-plugins/{class}/config/validate shows it), or change the lesson`;
}
