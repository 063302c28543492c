// Starts the run's one server in the chosen mode and says which, once.
import { chooseMode, type DockerProbe, type ModeChoice } from './mode.ts';
import { probeDocker } from './docker-probe.ts';
import type { TestEnv } from './config.ts';
import type { RunningServer } from './types.ts';

export async function startServer(
  env: TestEnv = process.env,
  probe: DockerProbe = () => probeDocker(),
): Promise<{ server: RunningServer; choice: ModeChoice; startMs: number }> {
  const choice = await chooseMode(env, probe);
  const started = performance.now();
  let server: RunningServer;
  switch (choice.mode) {
    case 'external': {
      const { useExternal } = await import('./external-server.ts');
      server = await useExternal(choice.externalUrl ?? '', choice.majorExplicit ? choice.major : undefined);
      break;
    }
    case 'docker': {
      const { startContainer } = await import('./container-server.ts');
      server = await startContainer(choice.major);
      break;
    }
    case 'embedded': {
      const { startEmbedded } = await import('./embedded-server.ts');
      server = await startEmbedded(choice.major);
      break;
    }
  }
  return { server, choice, startMs: performance.now() - started };
}

export function formatBanner(choice: ModeChoice, server: RunningServer, startMs: number): string {
  const probe = choice.dockerProbeMs === undefined ? '' : `, Docker probe ${Math.round(choice.dockerProbeMs)} ms`;
  return (
    `[postgres] mode=${server.mode} (${choice.reason}${probe}): PostgreSQL ${server.version.text} ` +
    `at ${server.location}, ready in ${(startMs / 1000).toFixed(1)} s`
  );
}
