// Module 1's labs create `shop-connector` again and again, as a student going from lesson to
// lesson does. Deleting a connector leaves its offsets in Kafka Connect's offset topic, and a
// new connector of the same name would resume from them (lesson 04 shows this). resetLab
// removes connectors but not their offsets, so a lesson test starts by forgetting them: the
// connector is created STOPPED, its offsets are reset, and it is deleted again.
import { deleteConnector, rest } from '../../support/lab/connect-rest.ts';
import type { LabEndpoints } from '../../support/lab/endpoints.ts';
import { pointAtLabDatabase } from '../../support/lab/endpoints.ts';

export async function forgetConnectorOffsets(lab: LabEndpoints, name: string): Promise<void> {
  const config = pointAtLabDatabase(
    {
      'connector.class': 'io.debezium.connector.postgresql.PostgresConnector',
      'database.hostname': 'postgres',
      'database.port': '5432',
      'database.user': 'postgres',
      'database.password': 'postgres',
      'database.dbname': 'postgres',
      'topic.prefix': 'forget',
      'plugin.name': 'pgoutput',
    },
    lab,
  );
  const created = await rest('POST', `${lab.connectUrl}/connectors`, { name, config, initial_state: 'STOPPED' });
  if (created.status >= 300) throw new Error(`could not create ${name} STOPPED to reset its offsets: ${created.status} ${created.text}`);
  for (let attempt = 0; ; attempt++) {
    const reset = await rest('DELETE', `${lab.connectUrl}/connectors/${name}/offsets`);
    if (reset.status < 300) break;
    if (attempt > 50) throw new Error(`could not reset the offsets of ${name}: ${reset.status} ${reset.text}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  await deleteConnector(lab.connectUrl, name);
}
