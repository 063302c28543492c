// check:snippets: runs every SQL block of every lesson (in document order, on a fresh
// PostgreSQL database after the lesson's sqlSetup files) and every lab SQL file, and checks
// every JSON block and lab connector config against the option catalogue. Prints a line
// per file and fails listing every problem (file:line, block, reason).
//   node scripts/check-snippets.ts [project-root]   (PG_TEST_MAJOR picks the PostgreSQL major)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import pg from 'pg';
import { loadCourse } from '../src/course/fs/load-course.ts';
import { errorMatches } from '../src/snippets/block-policy.ts';
import { loadCatalogue } from '../src/snippets/catalogue.ts';
import { planFile, type FilePlan, type SnippetProblem, type SqlStep } from '../src/snippets/check-blocks.ts';
import { extractCodeBlocks, type CodeBlock } from '../src/snippets/code-blocks.ts';
import { labRequires } from '../src/snippets/lab-requires.ts';
import { dropDatabase, ident, urlForDatabase, withAdmin } from '../tests/support/postgres/admin.ts';
import { formatBanner, startServer } from '../tests/support/postgres/server.ts';

const ROOT = resolve(process.argv[2] ?? new URL('..', import.meta.url).pathname);
const started = performance.now();

interface Target {
  plan: FilePlan;
  setup: string[];
}

const catalogue = loadCatalogue();
const course = loadCourse(ROOT);
const targets: Target[] = [];

for (const lesson of course.lessons) {
  const text = readFileSync(join(ROOT, lesson.file), 'utf8');
  targets.push({ plan: planFile(lesson.file, extractCodeBlocks(text, lesson.file), catalogue), setup: lesson.sqlSetup });
}
for (const file of filesUnder('labs', '.sql')) {
  const text = readFileSync(join(ROOT, file), 'utf8');
  targets.push({ plan: planFile(file, [wholeFile(file, 'sql', text)], catalogue), setup: labRequires(text) });
}
for (const file of filesUnder('labs/connectors', '.json')) {
  targets.push({ plan: planFile(file, [wholeFile(file, 'json', readFileSync(join(ROOT, file), 'utf8'))], catalogue), setup: [] });
}

const problems: SnippetProblem[] = targets.flatMap((target) => target.plan.problems);
const { server, choice, startMs } = await startServer();
console.log(formatBanner(choice, server, startMs));
try {
  let index = 0;
  for (const target of targets) {
    if (target.plan.sql.length > 0) problems.push(...(await runSql(target, `snippets_${process.pid}_${index++}`)));
  }
} finally {
  await server.stop();
}

const width = Math.max(...targets.map((target) => target.plan.file.length));
for (const { plan } of targets) {
  const { run, checked, optedOut } = plan.counts;
  const bad = problems.filter((problem) => problem.file === plan.file).length;
  console.log(`${plan.file.padEnd(width)}  ${run} SQL run, ${checked} JSON checked, ${optedOut} opted out${bad ? `, ${bad} problem(s)` : ''}`);
}
const total = (key: 'run' | 'checked' | 'optedOut') => targets.reduce((sum, target) => sum + target.plan.counts[key], 0);
console.log(`check:snippets: ${targets.length} files, ${total('run')} SQL blocks run, ${total('checked')} JSON blocks checked, ${total('optedOut')} opted out with a reason, PostgreSQL ${server.version.text}, ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):`);
  for (const problem of problems) console.error(`  ${problem.file}:${problem.line} [${problem.lang}] ${problem.message}`);
  process.exit(1);
}

function filesUnder(dir: string, extension: string): string[] {
  if (!existsSync(join(ROOT, dir))) return [];
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .sort();
}

function wholeFile(file: string, lang: string, value: string): CodeBlock {
  return { file, line: 1, lang, meta: '', attributes: {}, value };
}

async function runSql(target: Target, database: string): Promise<SnippetProblem[]> {
  const found: SnippetProblem[] = [];
  await withAdmin(server.adminUrl, (admin) => admin.query(`CREATE DATABASE ${ident(database)}`));
  const client = new pg.Client({ connectionString: urlForDatabase(server.adminUrl, database) });
  await client.connect();
  try {
    for (const path of target.setup) {
      try {
        await client.query(readFileSync(join(ROOT, path), 'utf8'));
      } catch (error) {
        found.push({ file: target.plan.file, line: 1, lang: 'sql', message: `setup file ${path} failed: ${(error as Error).message}` });
        return found;
      }
    }
    for (const step of target.plan.sql) {
      const problem = await runStep(client, step);
      if (problem) found.push({ file: target.plan.file, line: step.line, lang: 'sql', message: problem });
    }
  } finally {
    await client.end();
    await withAdmin(server.adminUrl, (admin) => dropDatabase(admin, database));
  }
  return found;
}

async function runStep(client: pg.Client, step: SqlStep): Promise<string | undefined> {
  try {
    await client.query(step.sql);
  } catch (error) {
    const { message, code } = error as { message: string; code?: string };
    // A failed block may leave a transaction open; the next block starts clean.
    await client.query('ROLLBACK').catch(() => undefined);
    if (step.expectError === undefined) return `failed with ${code ?? 'an error'}: ${message}`;
    if (errorMatches(step.expectError, { message, ...(code ? { code } : {}) })) return undefined;
    return `expected error "${step.expectError}", got ${code ?? 'an error'}: ${message}`;
  }
  if (step.expectError !== undefined) return `expected error "${step.expectError}", but the block succeeded`;
  return undefined;
}
