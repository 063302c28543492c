// Docker mode: the official postgres:<major> image through testcontainers.
// testcontainers maps 5432 to a random free host port, removes the container on
// stop() and (via its Ryuk sidecar) even when the test process dies.
import { SERVER_SETTINGS, settingsToFlags, type Major } from './config.ts';
import { formatStartupError, LogTail } from './errors.ts';
import { readServerInfo } from './server-info.ts';
import type { RunningServer } from './types.ts';

export async function startContainer(major: Major): Promise<RunningServer> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const image = `postgres:${major}`;
  const log = new LogTail(40);

  let container;
  try {
    container = await new PostgreSqlContainer(image)
      .withDatabase('postgres')
      .withUsername('postgres')
      .withPassword('postgres')
      // The image's entrypoint passes these through to postgres after initdb.
      .withCommand(['postgres', ...settingsToFlags(SERVER_SETTINGS)])
      .withLogConsumer((stream) => {
        stream.on('data', (chunk: unknown) => log.push(chunk));
        stream.on('err', (chunk: unknown) => log.push(chunk));
      })
      .start();
  } catch (cause) {
    throw formatStartupError({ what: `start Docker container ${image}`, cause, logTail: log.lines() });
  }

  const started = container;
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await started.stop({ remove: true, removeVolumes: true });
  };

  try {
    const adminUrl = started.getConnectionUri();
    const { version, walLevel } = await readServerInfo(adminUrl);
    if (version.major !== major) throw new Error(`image ${image} runs PostgreSQL ${version.text}, expected ${major}.x`);
    if (walLevel !== 'logical') throw new Error(`container ${image} runs with wal_level=${walLevel}, expected logical`);
    return { mode: 'docker', adminUrl, version, location: `${image}, container ${started.getId().slice(0, 12)} on ${started.getHost()}:${started.getPort()}`, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
