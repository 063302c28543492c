// vitest globalSetup of the "integration" project: one server per run, shared
// by all test files through provide/inject; stopped and deleted in teardown,
// which vitest runs after failing tests too.
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { dropDatabase, ident, withAdmin } from './admin.ts';
import { formatBanner, startServer } from './server.ts';
import type { ProvidedPostgres } from './types.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { server, choice, startMs } = await startServer(process.env);
  console.log(formatBanner(choice, server, startMs));

  const runId = randomBytes(3).toString('hex');
  const template = `t_${runId}_template`;
  const teardown = async (): Promise<void> => {
    try {
      // On an external server nothing else removes what this run created.
      if (server.mode === 'external') {
        await withAdmin(server.adminUrl, async (admin) => {
          const { rows } = await admin.query<{ datname: string }>(
            `SELECT datname FROM pg_database WHERE datname LIKE $1`,
            [`t\\_${runId}\\_%`],
          );
          for (const { datname } of rows) await dropDatabase(admin, datname);
        });
      }
    } finally {
      await server.stop();
    }
  };

  try {
    await withAdmin(server.adminUrl, (admin) =>
      // A run-owned template: independent of whatever an external server keeps in
      // template1, and closed to connections so cloning it never fails on "in use".
      admin.query(`CREATE DATABASE ${ident(template)} TEMPLATE template0 IS_TEMPLATE true ALLOW_CONNECTIONS false`),
    );
    const provided: ProvidedPostgres = {
      adminUrl: server.adminUrl,
      template,
      runId,
      mode: server.mode,
      major: server.version.major,
      version: server.version.text,
    };
    project.provide('postgres', provided);
    // For scripts/test-pg-matrix.ts, which reports the version each run really used.
    if (process.env.PG_TEST_REPORT_FILE) {
      await writeFile(process.env.PG_TEST_REPORT_FILE, JSON.stringify({ mode: server.mode, version: server.version.text, startMs }));
    }
  } catch (error) {
    await teardown().catch(() => undefined);
    throw error;
  }
  return teardown;
}
