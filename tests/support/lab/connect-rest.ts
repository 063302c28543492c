// The Kafka Connect REST calls the lessons make, with errors that carry the worker's answer.

export interface ConnectorStatus {
  name: string;
  connector: { state: string; worker_id: string; trace?: string };
  tasks: { id: number; state: string; worker_id: string; trace?: string }[];
  type: string;
}

export async function rest(method: string, url: string, body?: unknown): Promise<{ status: number; text: string; json: unknown }> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

/** Waits until the connector and all its tasks are RUNNING; a FAILED one throws with its trace. */
export async function waitForRunning(connectUrl: string, name: string, timeoutMs = 60_000): Promise<{ status: ConnectorStatus; text: string; ms: number }> {
  const started = performance.now();
  let last = '';
  while (performance.now() - started < timeoutMs) {
    const { status, text, json } = await rest('GET', `${connectUrl}/connectors/${name}/status`);
    last = text;
    if (status === 200) {
      const s = json as ConnectorStatus;
      const failed = [s.connector, ...s.tasks].find((part) => part.state === 'FAILED');
      if (failed) throw new Error(`connector ${name} FAILED:\n${failed.trace ?? text}`);
      if (s.connector.state === 'RUNNING' && s.tasks.length > 0 && s.tasks.every((task) => task.state === 'RUNNING')) {
        return { status: s, text, ms: performance.now() - started };
      }
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
  throw new Error(`connector ${name} was not RUNNING within ${timeoutMs / 1000} s; last status: ${last}`);
}

/** Waits until the connector or one of its tasks is FAILED and returns that part's trace. */
export async function waitForFailure(connectUrl: string, name: string, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const { status, text, json } = await rest('GET', `${connectUrl}/connectors/${name}/status`);
    last = text;
    if (status === 200) {
      const s = json as ConnectorStatus;
      const failed = [s.connector, ...s.tasks].find((part) => part.state === 'FAILED');
      if (failed) return failed.trace ?? '';
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
  throw new Error(`connector ${name} did not fail within ${timeoutMs / 1000} s; last status: ${last}`);
}

/**
 * Removes a connector and, unless asked to keep them, its offsets: Kafka Connect keeps a deleted
 * connector's offsets, and a later connector of the same name would resume from them (module 1
 * lesson 04 shows this to students). Offsets can only be reset while the connector is STOPPED.
 */
export async function deleteConnector(connectUrl: string, name: string, options: { keepOffsets?: boolean } = {}): Promise<void> {
  if (!options.keepOffsets && (await rest('GET', `${connectUrl}/connectors/${name}`)).status === 200) {
    await rest('PUT', `${connectUrl}/connectors/${name}/stop`);
    await resetOffsets(connectUrl, name);
  }
  await rest('DELETE', `${connectUrl}/connectors/${name}`);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await rest('GET', `${connectUrl}/connectors/${name}`)).status === 404) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  throw new Error(`connector ${name} still exists 30 s after DELETE`);
}

/** DELETE …/offsets of a stopped connector, retried while the worker still calls it running. */
async function resetOffsets(connectUrl: string, name: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const reset = await rest('DELETE', `${connectUrl}/connectors/${name}/offsets`);
    if (reset.status < 300) return;
    if (attempt > 100) throw new Error(`could not reset the offsets of ${name}: ${reset.status} ${reset.text}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
}

/**
 * Forgets the offsets that a connector deleted earlier left behind (e.g. by a lesson's own
 * `curl -X DELETE`): a connector of that name is created STOPPED (Kafka 3.7+), its offsets are
 * reset, and it is deleted again.
 */
export async function forgetConnectorOffsets(connectUrl: string, name: string, config: Record<string, string>): Promise<void> {
  const created = await rest('POST', `${connectUrl}/connectors`, { name, config, initial_state: 'STOPPED' });
  if (created.status >= 300) throw new Error(`could not create ${name} STOPPED to reset its offsets: ${created.status} ${created.text}`);
  await resetOffsets(connectUrl, name);
  await deleteConnector(connectUrl, name, { keepOffsets: true });
}
