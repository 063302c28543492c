// Module 1's labs create `shop-connector` again and again, as a student going from lesson to
// lesson does. Deleting a connector leaves its offsets in Kafka Connect's offset topic, and a
// new connector of the same name would resume from them (lesson 04 shows this). resetLab
// resets the offsets of the connectors it finds, but the lesson deletes this one itself, so a
// lesson test starts by forgetting its offsets (see forgetConnectorOffsets).
import { forgetConnectorOffsets as forget } from '../../support/lab/connect-rest.ts';
import type { LabEndpoints } from '../../support/lab/endpoints.ts';
import { probeConnectorConfig } from '../../support/lab/endpoints.ts';

export async function forgetConnectorOffsets(lab: LabEndpoints, name: string): Promise<void> {
  const config = probeConnectorConfig(lab, { 'database.dbname': 'postgres', 'topic.prefix': 'forget' });
  await forget(lab.connectUrl, name, config);
}
