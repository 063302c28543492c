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

export async function deleteConnector(connectUrl: string, name: string): Promise<void> {
  await rest('DELETE', `${connectUrl}/connectors/${name}`);
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if ((await rest('GET', `${connectUrl}/connectors/${name}`)).status === 404) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 200));
  }
  throw new Error(`connector ${name} still exists 30 s after DELETE`);
}
