// The real Docker probe: testcontainers' own runtime detection, so "available"
// means exactly "testcontainers could start a container". Without an engine it
// fails in milliseconds ("Could not find a working container runtime strategy").
import type { DockerProbeResult } from './mode.ts';

export async function probeDocker(timeoutMs = 15_000): Promise<DockerProbeResult> {
  let timer: NodeJS.Timeout | undefined;
  try {
    // Imported lazily: testcontainers is large and embedded runs never need it.
    const { getContainerRuntimeClient } = await import('testcontainers');
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the Docker engine did not answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([getContainerRuntimeClient(), timeout]);
    return { available: true };
  } catch (error) {
    return { available: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
