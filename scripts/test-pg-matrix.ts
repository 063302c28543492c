// Runs the SQL integration tests once per supported PostgreSQL major
// (PG_TEST_MAJOR=14..18, mode chosen as usual: TEST_DATABASE_URL, Docker or
// embedded), prints the server version and time of each run, and fails if any
// run fails. Plain Node 24 runs this file (type stripping): erasable TS only.
//
//   node scripts/test-pg-matrix.ts            all majors
//   node scripts/test-pg-matrix.ts 14 17      only these
//   node scripts/test-pg-matrix.ts -- -t WAL  extra vitest arguments after --
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMajor, SUPPORTED_MAJORS, type Major } from '../tests/support/postgres/config.ts';

// The integration project also holds tests that do not touch PostgreSQL; they
// gain nothing from five runs.
const SQL_TESTS = 'tests/integration/postgres/';

interface RunResult {
  major: Major;
  ok: boolean;
  seconds: number;
  server: string;
}

function parseArgs(argv: readonly string[]): { majors: Major[]; vitestArgs: string[] } {
  const split = argv.indexOf('--');
  const own = split === -1 ? argv : argv.slice(0, split);
  const vitestArgs = split === -1 ? [] : argv.slice(split + 1);
  const majors = own.map((arg) => {
    const major = Number(arg);
    if (!/^\d+$/.test(arg) || !isMajor(major)) {
      throw new Error(`"${arg}" is not a supported major; use some of ${SUPPORTED_MAJORS.join(', ')}`);
    }
    return major;
  });
  return { majors: majors.length > 0 ? majors : [...SUPPORTED_MAJORS], vitestArgs };
}

function runVitest(major: Major, vitestArgs: readonly string[], cwd: string, reportFile: string): Promise<boolean> {
  const vitest = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  // process.execPath: the same Node 24 that runs this script, whatever PATH says.
  const child = spawn(process.execPath, [vitest, 'run', '--project', 'integration', SQL_TESTS, ...vitestArgs], {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, PG_TEST_MAJOR: String(major), PG_TEST_REPORT_FILE: reportFile },
  });
  return new Promise((resolveRun) => {
    child.on('error', (error) => {
      console.error(`could not run vitest: ${error.message}`);
      resolveRun(false);
    });
    child.on('close', (code) => resolveRun(code === 0));
  });
}

function readReport(file: string): string {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as { mode: string; version: string };
    return `PostgreSQL ${report.version} (${report.mode})`;
  } catch {
    return 'no server started';
  }
}

async function main(): Promise<number> {
  const { majors, vitestArgs } = parseArgs(process.argv.slice(2));
  const cwd = fileURLToPath(new URL('..', import.meta.url));
  const reportDir = mkdtempSync(join(tmpdir(), 'pg-matrix-'));
  const results: RunResult[] = [];
  try {
    for (const major of majors) {
      console.log(`\n=== PG_TEST_MAJOR=${major} ===`);
      const reportFile = join(reportDir, `${major}.json`);
      const started = performance.now();
      const ok = await runVitest(major, vitestArgs, cwd, reportFile);
      const seconds = (performance.now() - started) / 1000;
      const result = { major, ok, seconds, server: readReport(reportFile) };
      results.push(result);
      console.log(`=== PG_TEST_MAJOR=${major}: ${result.server}, ${ok ? 'passed' : 'FAILED'} in ${seconds.toFixed(1)} s ===`);
    }
  } finally {
    rmSync(reportDir, { recursive: true, force: true });
  }

  console.log('\nPostgreSQL version matrix');
  for (const r of results) {
    console.log(`  ${String(r.major).padEnd(3)} ${r.server.padEnd(32)} ${(r.ok ? 'passed' : 'FAILED').padEnd(7)} ${r.seconds.toFixed(1).padStart(6)} s`);
  }
  const total = results.reduce((sum, r) => sum + r.seconds, 0);
  const failed = results.filter((r) => !r.ok).map((r) => r.major);
  console.log(failed.length === 0 ? `All ${results.length} majors passed in ${total.toFixed(1)} s.` : `FAILED on: ${failed.join(', ')}`);
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
  },
);
