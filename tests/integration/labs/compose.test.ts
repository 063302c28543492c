// The lab stack as far as a machine without Docker can check it: the compose file parses,
// images are pinned, and the services and settings the lessons rely on are there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { extractCodeBlocks } from '../../../src/snippets/code-blocks.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;
const LABS = join(ROOT, 'labs');

interface Service {
  image?: string;
  build?: string | { context: string };
  command?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: unknown;
}

const compose = parse(readFileSync(join(LABS, 'compose.yaml'), 'utf8')) as { services: Record<string, Service> };
const services = compose.services;
const connector = JSON.parse(readFileSync(join(LABS, 'connectors/outbox-connector.json'), 'utf8')) as {
  name: string;
  config: Record<string, string>;
};

/** `repo:tag` with a concrete version: no `latest`, no missing tag. */
function pinned(image: string): boolean {
  const tag = image.split('/').at(-1)!.split(':')[1];
  return tag !== undefined && tag !== 'latest' && /\d/.test(tag);
}

function baseImage(service: Service): string | undefined {
  if (service.image && !service.build) return service.image;
  const context = typeof service.build === 'string' ? service.build : service.build?.context;
  if (!context) return undefined;
  const dockerfile = readFileSync(join(LABS, context, 'Dockerfile'), 'utf8');
  return /^FROM\s+(\S+)/m.exec(dockerfile)?.[1];
}

describe('labs/compose.yaml', () => {
  test('has the three services the lessons use, each with a healthcheck', () => {
    expect(Object.keys(services).sort()).toEqual(['connect', 'kafka', 'postgres']);
    for (const service of Object.values(services)) expect(service.healthcheck).toBeDefined();
  });

  test.each(['postgres', 'kafka', 'connect'])('%s runs a pinned image', (name) => {
    const image = baseImage(services[name]!);
    expect(image, `${name} has no image`).toBeDefined();
    expect(pinned(image!), `${name}: ${image} is not pinned to a version`).toBe(true);
  });

  test('PostgreSQL has logical decoding and the shop database on 5432', () => {
    const postgres = services.postgres!;
    expect(postgres.command?.join(' ')).toMatch(/wal_level=logical/);
    expect(postgres.environment).toMatchObject({ POSTGRES_DB: 'shop', POSTGRES_USER: 'postgres', POSTGRES_PASSWORD: 'postgres' });
    expect(postgres.ports).toContain('5432:5432');
    const major = Number(/postgres:(\d+)/.exec(baseImage(postgres)!)?.[1]);
    expect(major).toBeGreaterThanOrEqual(14);
    expect(major).toBeLessThanOrEqual(18);
  });

  test('Kafka 4.x runs in KRaft mode (broker and controller, no ZooKeeper)', () => {
    const kafka = services.kafka!;
    expect(baseImage(kafka)).toMatch(/^apache\/kafka:4\./);
    expect(kafka.environment).toMatchObject({ KAFKA_PROCESS_ROLES: 'broker,controller' });
    expect(String(kafka.environment?.KAFKA_ADVERTISED_LISTENERS)).toContain('kafka:9092');
    expect(JSON.stringify(compose)).not.toMatch(/zookeeper/i);
  });

  test('Connect is Debezium 3.7 with scripting and a Groovy engine, REST on 8083', () => {
    const connect = services.connect!;
    expect(baseImage(connect)).toMatch(/^quay\.io\/debezium\/connect:3\.7\.\d+\.Final$/);
    expect(connect.environment).toMatchObject({ BOOTSTRAP_SERVERS: 'kafka:9092', ENABLE_DEBEZIUM_SCRIPTING: 'true' });
    expect(connect.ports).toContain('8083:8083');
    expect(connect.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' }, kafka: { condition: 'service_healthy' } });
    const dockerfile = readFileSync(join(LABS, 'connect/Dockerfile'), 'utf8');
    for (const jar of ['groovy', 'groovy-jsr223']) expect(dockerfile).toContain(jar);
    expect(dockerfile).toContain('$EXTERNAL_LIBS_DIR/debezium-scripting/');
  });
});

describe('labs/connectors/outbox-connector.json', () => {
  test('points at the compose services', () => {
    const env = services.postgres!.environment!;
    expect(connector.config).toMatchObject({
      'database.hostname': 'postgres',
      'database.port': '5432',
      'database.dbname': env.POSTGRES_DB,
      'database.user': env.POSTGRES_USER,
      'database.password': env.POSTGRES_PASSWORD,
      'plugin.name': 'pgoutput',
      'transforms.outbox.type': 'io.debezium.transforms.outbox.EventRouter',
    });
  });

  test('is exactly the config lesson 06 shows', () => {
    const file = 'src/content/course/04-module-4/06-outbox-implementation.mdx';
    const blocks = extractCodeBlocks(readFileSync(join(ROOT, file), 'utf8'), file)
      .filter((block) => block.lang === 'json')
      .map((block) => JSON.parse(block.value) as { name?: string; config?: unknown });
    expect(blocks.filter((block) => block.name === connector.name && block.config)).toEqual([connector]);
  });
});
