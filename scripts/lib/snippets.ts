// The snippet checks as a library, shared by check:snippets and npm run check: plans every
// lesson, lab SQL file and lab connector config (static checks), then runs the SQL on one
// PostgreSQL server. Content problems come back as data; nothing here throws on bad content.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import pg from 'pg';
import { errorMatches, sqlFailureFix } from '../../src/snippets/block-policy.ts';
import type { Catalogue } from '../../src/snippets/catalogue.ts';
import { planFile, type FilePlan, type SnippetProblem, type SqlStep } from '../../src/snippets/check-blocks.ts';
import { extractCodeBlocks, type CodeBlock } from '../../src/snippets/code-blocks.ts';
import { labRequires } from '../../src/snippets/lab-requires.ts';
import type { Problem } from '../../src/course/problems.ts';
import { dropDatabase, ident, urlForDatabase, withAdmin } from '../../tests/support/postgres/admin.ts';
import { formatBanner, startServer } from '../../tests/support/postgres/server.ts';

export interface SnippetTarget {
  plan: FilePlan;
  setup: string[];
}

export interface LessonInput {
  file: string;
  sqlSetup: readonly string[];
}

/** Plans every lesson and lab file. A lesson whose MDX does not parse gets one problem. */
export function planSnippets(root: string, lessons: readonly LessonInput[], catalogue: Catalogue): SnippetTarget[] {
  const targets: SnippetTarget[] = [];
  for (const lesson of lessons) {
    const text = readFileSync(join(root, lesson.file), 'utf8');
    let blocks: CodeBlock[];
    try {
      blocks = extractCodeBlocks(text, lesson.file);
    } catch (error) {
      const place = error as { line?: number; reason?: string; message: string };
      const problem: SnippetProblem = {
        file: lesson.file,
        line: place.line ?? 1,
        lang: 'mdx',
        message: `MDX does not parse, its code blocks cannot be read: ${place.reason ?? place.message}`,
        fix: 'fix the MDX syntax first (npm run check shows where)',
      };
      targets.push({ plan: { file: lesson.file, sql: [], counts: { run: 0, checked: 0, optedOut: 0, notChecked: 0 }, problems: [problem] }, setup: [] });
      continue;
    }
    targets.push({ plan: planFile(lesson.file, blocks, catalogue), setup: [...lesson.sqlSetup] });
  }
  for (const file of filesUnder(root, 'labs', '.sql')) {
    const text = readFileSync(join(root, file), 'utf8');
    targets.push({ plan: planFile(file, [wholeFile(file, 'sql', text)], catalogue), setup: labRequires(text) });
  }
  for (const file of filesUnder(root, 'labs/connectors', '.json')) {
    // A lab file is a connector config by being there: the explicit marker.
    const block = { ...wholeFile(file, 'json', readFileSync(join(root, file), 'utf8')), attributes: { config: true as const } };
    targets.push({ plan: planFile(file, [block], catalogue), setup: [] });
  }
  return targets;
}

export interface SqlRun {
  problems: SnippetProblem[];
  /** the banner line: mode, version, start time */
  banner: string;
  version: string;
}

/** Runs every planned SQL block (each file in a fresh database) on one server. */
export async function runSnippetSql(root: string, targets: readonly SnippetTarget[]): Promise<SqlRun> {
  const problems: SnippetProblem[] = [];
  if (!targets.some((target) => target.plan.sql.length > 0)) return { problems, banner: '[postgres] no SQL to run', version: '-' };
  const { server, choice, startMs } = await startServer();
  try {
    let index = 0;
    for (const target of targets) {
      if (target.plan.sql.length > 0) problems.push(...(await runFile(root, server.adminUrl, server.version.major, target, `snippets_${process.pid}_${index++}`)));
    }
  } finally {
    await server.stop();
  }
  return { problems, banner: formatBanner(choice, server, startMs), version: server.version.text };
}

/** `file:line [lang] message; fix`, as check:snippets prints it. */
export function formatSnippetProblem(problem: SnippetProblem): string {
  return `${problem.file}:${problem.line} [${problem.lang}] ${problem.message}${problem.fix ? `; ${problem.fix}` : ''}`;
}

/** A snippet problem in the course's problem form (file:line field = value / message / fix). */
export function snippetToProblem(problem: SnippetProblem): Problem {
  return {
    file: problem.file,
    line: problem.line,
    field: 'code block',
    value: problem.lang,
    message: problem.message,
    fix: problem.fix ?? 'correct the block, or opt out with nocheck="reason" (docs/authoring.md, «Код»)',
  };
}

function filesUnder(root: string, dir: string, extension: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

function wholeFile(file: string, lang: string, value: string): CodeBlock {
  return { file, line: 1, lang, meta: '', attributes: {}, value };
}

async function runFile(root: string, adminUrl: string, major: number, target: SnippetTarget, database: string): Promise<SnippetProblem[]> {
  const found: SnippetProblem[] = [];
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${ident(database)}`));
  const client = new pg.Client({ connectionString: urlForDatabase(adminUrl, database) });
  await client.connect();
  try {
    for (const path of target.setup) {
      try {
        await client.query(readFileSync(join(root, path), 'utf8'));
      } catch (error) {
        found.push({ file: target.plan.file, line: 1, lang: 'sql', message: `setup file ${path} failed on PostgreSQL ${major}: ${(error as Error).message}`, fix: `make ${path} run on a fresh database` });
        return found;
      }
    }
    for (const step of target.plan.sql) {
      const problem = await runStep(client, step, major);
      if (problem) found.push({ file: target.plan.file, line: step.line, lang: 'sql', ...problem });
    }
  } finally {
    await client.end();
    await withAdmin(adminUrl, (admin) => dropDatabase(admin, database));
  }
  return found;
}

async function runStep(client: pg.Client, step: SqlStep, major: number): Promise<{ message: string; fix?: string } | undefined> {
  // A block marked pg="…" holds on the majors it names and must fail on the others.
  const claimed = !step.pg || step.pg.holdsOn(major);
  const on = step.pg ? `the block claims PostgreSQL ${step.pg.text} and ` : '';
  try {
    await client.query(step.sql);
  } catch (error) {
    const { message, code } = error as { message: string; code?: string };
    // A failed block may leave a transaction open; the next block starts clean.
    await client.query('ROLLBACK').catch(() => undefined);
    if (!claimed) return undefined;
    if (step.expectError === undefined) {
      const fix = step.pg
        ? `correct the block, or narrow pg="${step.pg.text}" to the majors it runs on`
        : sqlFailureFix(code, step.sql);
      return { message: `${on}failed with ${code ?? 'an error'}: ${message} (on PostgreSQL ${major})`, ...(fix ? { fix } : {}) };
    }
    if (errorMatches(step.expectError, { message, ...(code ? { code } : {}) })) return undefined;
    return { message: `${on}expected error "${step.expectError}", got ${code ?? 'an error'}: ${message} (on PostgreSQL ${major})` };
  }
  if (!claimed) {
    return {
      message: `the block claims PostgreSQL ${step.pg!.text} but passes on ${major}`,
      fix: `add ${major} to pg="${step.pg!.text}" (or drop the mark if the block holds on every major), or make the block use what ${major} lacks`,
    };
  }
  if (step.expectError !== undefined) return { message: `${on}expected error "${step.expectError}", but the block succeeded on PostgreSQL ${major}` };
  return undefined;
}
