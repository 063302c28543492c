// Brings the shared lab stack back to empty between lessons: no connectors, no replication
// slots, a fresh `shop` database, no topics but Connect's own.
import pg from 'pg';
import type { LabEndpoints } from './endpoints.ts';
import { deleteConnector, rest } from './connect-rest.ts';
import { kafkaTool } from './kafka-tools.ts';
import { LAB_DATABASE } from './postgres.ts';

const INTERNAL_TOPIC = /^(__|connect_)/;

export async function resetLab(lab: LabEndpoints): Promise<void> {
  const connectors = ((await rest('GET', `${lab.connectUrl}/connectors`)).json ?? []) as string[];
  for (const name of connectors) await deleteConnector(lab.connectUrl, name);

  const admin = new pg.Client({ connectionString: lab.postgres.url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  try {
    // A deleted connector's task may hold its slot for a moment longer.
    for (let attempt = 0; ; attempt++) {
      const { rows } = await admin.query<{ slot_name: string; active: boolean }>('SELECT slot_name, active FROM pg_replication_slots');
      for (const slot of rows.filter((s) => !s.active)) await admin.query('SELECT pg_drop_replication_slot($1)', [slot.slot_name]);
      if (rows.every((s) => !s.active)) break;
      if (attempt > 100) throw new Error(`replication slots still active after the connectors were deleted: ${rows.map((s) => s.slot_name).join(', ')}`);
      await new Promise((resolveWait) => setTimeout(resolveWait, 200));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${LAB_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${LAB_DATABASE}`);
  } finally {
    await admin.end();
  }

  const topics = (await kafkaTool(lab, 'kafka-topics', ['--bootstrap-server', lab.toolBootstrapServers, '--list'])).stdout
    .split('\n')
    .map((t) => t.trim())
    .filter((t) => t && !INTERNAL_TOPIC.test(t));
  if (topics.length) {
    const pattern = topics.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    await kafkaTool(lab, 'kafka-topics', ['--bootstrap-server', lab.toolBootstrapServers, '--delete', '--topic', pattern]);
  }
}
