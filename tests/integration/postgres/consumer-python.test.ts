// The lab's Python consumer (labs/consumer/test_handler.py, stdlib unittest +
// psycopg 3) run against a fresh database of this run's server, with the
// system Python that students on Debian/Ubuntu use.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { withDatabase } from '../../support/postgres/database.ts';
import { REPO_ROOT } from '../../support/postgres/paths.ts';

const PYTHON = '/usr/bin/python3';
const CONSUMER_DIR = join(REPO_ROOT, 'labs/consumer');
const db = withDatabase('consumer_python');

function runPython(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(PYTHON, args, { cwd: CONSUMER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code, output }));
  });
}

test('labs/consumer/test_handler.py passes against a fresh database, skipping nothing', async () => {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} not found: apt-get install python3 python3-psycopg`);
  const psycopg = spawnSync(PYTHON, ['-c', 'import psycopg'], { encoding: 'utf8' });
  if (psycopg.status !== 0) {
    throw new Error(`${PYTHON} cannot import psycopg (psycopg 3): apt-get install python3-psycopg\n${psycopg.stderr}`);
  }

  const { code, output } = await runPython(['-m', 'unittest', '-v', 'test_handler'], {
    ...process.env,
    DATABASE_URL: db.url,
    // No __pycache__ left behind in labs/consumer.
    PYTHONDONTWRITEBYTECODE: '1',
  });
  if (code !== 0) throw new Error(`python3 -m unittest test_handler exited with ${code}:\n${output}`);
  // The database tests skip themselves without DATABASE_URL; here every test must run.
  const skipped = /OK \(skipped=(\d+)\)/.exec(output);
  if (skipped) throw new Error(`${skipped[1]} Python test(s) were skipped:\n${output}`);
  expect(output).toMatch(/Ran [1-9]\d* tests? in/);
  expect(output).toMatch(/\nOK\s*$/);
});
