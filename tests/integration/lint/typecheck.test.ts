// The type gate (`npm run typecheck`: astro check, then tsc --noEmit, strict settings) on two
// tiny projects: a planted type error in a .ts file and in an .astro page fails both tools with
// file and line; the same code shown in a lesson's code block is not type-checked.
import { execFile } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';

const ROOT = new URL('../../..', import.meta.url).pathname;
// astro check leaves caches (.astro, node_modules/.vite) in the project it checks: work on a
// copy under tmp/, where `astro/tsconfigs/strict` still resolves from the repo's node_modules.
const FIXTURES = join(ROOT, 'tmp', `it-typecheck-${process.pid}`);
cpSync(join(ROOT, 'tests/fixtures/typecheck'), FIXTURES, { recursive: true });
afterAll(() => rmSync(FIXTURES, { recursive: true, force: true }));
const run = promisify(execFile);

interface Outcome {
  code: number;
  output: string;
}

// astro check colours its report whatever NO_COLOR says.
const plain = (text: string) => text.replace(/\x1b\[[\d;]*m/g, '');

async function tool(args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    return { code: 0, output: plain(stdout + stderr) };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: plain(`${failed.stdout ?? ''}${failed.stderr ?? ''}`) };
  }
}

const tsc = (fixture: string) => tool([join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(FIXTURES, fixture)]);
const astroCheck = (fixture: string) => tool([join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'check', '--root', join(FIXTURES, fixture)]);

let results: Record<'tscPlanted' | 'tscClean' | 'astroPlanted' | 'astroClean', Outcome>;
beforeAll(async () => {
  const [tscPlanted, tscClean, astroPlanted, astroClean] = await Promise.all([tsc('planted'), tsc('clean'), astroCheck('planted'), astroCheck('clean')]);
  results = { tscPlanted: tscPlanted!, tscClean: tscClean!, astroPlanted: astroPlanted!, astroClean: astroClean! };
}, 120_000);

test('tsc --noEmit fails on the planted type error with file and line', () => {
  expect(results.tscPlanted.code).not.toBe(0);
  expect(results.tscPlanted.output).toContain("src/minutes.ts(2,14): error TS2322: Type 'string' is not assignable to type 'number'.");
});

test('astro check fails on the planted type error in an .astro page', () => {
  expect(results.astroPlanted.code).not.toBe(0);
  expect(results.astroPlanted.output).toMatch(/src\/pages\/index\.astro:2:7 - error ts\(2322\): Type 'string' is not assignable to type 'number'\./);
});

test('the same code in a lesson code block passes both', () => {
  expect(results.tscClean, results.tscClean.output).toMatchObject({ code: 0 });
  expect(results.astroClean, results.astroClean.output).toMatchObject({ code: 0 });
  expect(results.astroClean.output).toMatch(/0 errors/);
  for (const outcome of Object.values(results)) expect(outcome.output).not.toContain('lesson.mdx');
});
