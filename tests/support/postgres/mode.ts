// Which server the integration tests use. Pure apart from the injected Docker
// probe, so the fallback rules are unit-tested without a Docker engine.
import { parseForcedMode, parseMajor, type Major, type Mode, type TestEnv } from './config.ts';

export type DockerProbeResult = { available: true } | { available: false; reason: string };
export type DockerProbe = () => Promise<DockerProbeResult>;

export interface ModeChoice {
  mode: Mode;
  major: Major;
  /** PG_TEST_MAJOR was set, so an external server must match it. */
  majorExplicit: boolean;
  /** Why this mode, for the once-per-run banner. */
  reason: string;
  externalUrl?: string;
  /** How long the Docker probe took, when it ran. */
  dockerProbeMs?: number;
}

async function probe(probeDocker: DockerProbe): Promise<DockerProbeResult & { ms: number }> {
  const started = performance.now();
  let result: DockerProbeResult;
  try {
    result = await probeDocker();
  } catch (error) {
    // A probe that throws is a probe that found no engine.
    result = { available: false, reason: error instanceof Error ? error.message : String(error) };
  }
  return { ...result, ms: performance.now() - started };
}

/**
 * Order: PG_TEST_MODE (forces) > TEST_DATABASE_URL > a working Docker engine > embedded.
 * A forced mode wins over TEST_DATABASE_URL because it is the more explicit wish.
 */
export async function chooseMode(env: TestEnv, probeDocker: DockerProbe): Promise<ModeChoice> {
  const forced = parseForcedMode(env);
  const { major, explicit } = parseMajor(env);
  const base = { major, majorExplicit: explicit };
  const ignoredUrl = env.TEST_DATABASE_URL ? ', TEST_DATABASE_URL ignored' : '';

  if (forced === 'embedded') {
    return { ...base, mode: 'embedded', reason: `PG_TEST_MODE=embedded${ignoredUrl}` };
  }
  if (forced === 'docker') {
    const result = await probe(probeDocker);
    if (!result.available) {
      throw new Error(`PG_TEST_MODE=docker, but no Docker engine answers: ${result.reason}`);
    }
    return { ...base, mode: 'docker', reason: `PG_TEST_MODE=docker${ignoredUrl}`, dockerProbeMs: result.ms };
  }
  if (env.TEST_DATABASE_URL) {
    return { ...base, mode: 'external', reason: 'TEST_DATABASE_URL is set', externalUrl: env.TEST_DATABASE_URL };
  }
  const result = await probe(probeDocker);
  if (result.available) {
    return { ...base, mode: 'docker', reason: 'a Docker engine answers', dockerProbeMs: result.ms };
  }
  return {
    ...base,
    mode: 'embedded',
    reason: `no Docker engine (${firstLine(result.reason)})`,
    dockerProbeMs: result.ms,
  };
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
