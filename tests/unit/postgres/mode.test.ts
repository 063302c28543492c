import { describe, expect, test } from 'vitest';
import { chooseMode, type DockerProbe } from '../../support/postgres/mode.ts';
import { probeDocker } from '../../support/postgres/docker-probe.ts';

const noEngine: DockerProbe = async () => ({ available: false, reason: 'Could not find a working container runtime strategy' });
const engine: DockerProbe = async () => ({ available: true });
const mustNotProbe: DockerProbe = async () => {
  throw new Error('the Docker probe must not run in this case');
};

describe('chooseMode', () => {
  test('falls back to embedded within milliseconds when no Docker engine answers', async () => {
    const started = performance.now();
    const choice = await chooseMode({}, noEngine);
    const elapsed = performance.now() - started;
    expect(choice).toMatchObject({ mode: 'embedded', major: 18, majorExplicit: false });
    expect(choice.reason).toBe('no Docker engine (Could not find a working container runtime strategy)');
    expect(elapsed).toBeLessThan(50);
  });

  test('a probe that throws counts as no engine', async () => {
    const choice = await chooseMode({}, async () => {
      throw new Error('connect ENOENT /var/run/docker.sock');
    });
    expect(choice).toMatchObject({ mode: 'embedded', reason: 'no Docker engine (connect ENOENT /var/run/docker.sock)' });
  });

  test('uses Docker when an engine answers', async () => {
    expect(await chooseMode({}, engine)).toMatchObject({ mode: 'docker', reason: 'a Docker engine answers' });
  });

  test('TEST_DATABASE_URL wins over Docker and skips the probe', async () => {
    const choice = await chooseMode({ TEST_DATABASE_URL: 'postgresql://u:p@db:5432/postgres' }, mustNotProbe);
    expect(choice).toMatchObject({ mode: 'external', externalUrl: 'postgresql://u:p@db:5432/postgres' });
  });

  test('PG_TEST_MODE=embedded forces embedded, even with Docker and TEST_DATABASE_URL', async () => {
    const choice = await chooseMode({ PG_TEST_MODE: 'embedded', TEST_DATABASE_URL: 'postgresql://x/y' }, mustNotProbe);
    expect(choice).toMatchObject({ mode: 'embedded', reason: 'PG_TEST_MODE=embedded, TEST_DATABASE_URL ignored' });
  });

  test('PG_TEST_MODE=docker forces Docker, and fails loudly without an engine instead of falling back', async () => {
    expect(await chooseMode({ PG_TEST_MODE: 'docker' }, engine)).toMatchObject({ mode: 'docker' });
    await expect(chooseMode({ PG_TEST_MODE: 'docker' }, noEngine)).rejects.toThrow(
      'PG_TEST_MODE=docker, but no Docker engine answers: Could not find a working container runtime strategy',
    );
  });

  test('PG_TEST_MAJOR picks the major; bad values are errors, not defaults', async () => {
    expect(await chooseMode({ PG_TEST_MAJOR: '14' }, noEngine)).toMatchObject({ major: 14, majorExplicit: true });
    await expect(chooseMode({ PG_TEST_MAJOR: '13' }, noEngine)).rejects.toThrow(/PG_TEST_MAJOR="13" is not supported; use one of 14, 15, 16, 17, 18/);
    await expect(chooseMode({ PG_TEST_MODE: 'podman' }, noEngine)).rejects.toThrow(/PG_TEST_MODE="podman" is not supported/);
  });

  test('the real Docker probe answers quickly (measured once)', async () => {
    const started = performance.now();
    const result = await probeDocker();
    const elapsed = performance.now() - started;
    // Engine or not depends on the machine; what matters is that the answer is fast.
    console.log(`real Docker probe: ${result.available ? 'engine found' : `no engine (${result.reason})`} in ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(5_000);
    if (!result.available) expect(result.reason).not.toBe('');
  });
});
