// The PostgreSQL half of the error tags (src/lint/error-tags.ts): for each lesson that tags a
// PostgreSQL error, runs the lesson's SQL blocks in order on a fresh database after its sqlSetup
// files, as check:snippets does (src/snippets/block-policy.ts decides what runs), records what
// each `expect-error` block raised and checks that every tag is one of those errors, SQLSTATE
// and message. Blocks marked pg="…" run only on the majors they claim.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { blockAction } from '../../src/snippets/block-policy.ts';
import { extractCodeBlocks } from '../../src/snippets/code-blocks.ts';
import { checkPostgresTags, readErrorTags, type ObservedError } from '../../src/lint/error-tags.ts';
import type { Problem } from '../../src/course/problems.ts';
import { dropDatabase, ident, urlForDatabase, withAdmin } from '../../tests/support/postgres/admin.ts';

export interface TaggedLesson {
  /** path relative to `root` */
  file: string;
  sqlSetup: readonly string[];
}

export interface ErrorTagRun {
  problems: Problem[];
  /** PostgreSQL tags checked */
  checked: number;
  /** what the expect-error blocks raised, per file */
  observed: Map<string, ObservedError[]>;
}

/** What the lesson's expect-error blocks raise on the server at `adminUrl`. */
export async function observeErrors(root: string, lesson: TaggedLesson, adminUrl: string, major: number, database: string): Promise<ObservedError[]> {
  const source = readFileSync(join(root, lesson.file), 'utf8');
  const observed: ObservedError[] = [];
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE ${ident(database)}`));
  const client = new pg.Client({ connectionString: urlForDatabase(adminUrl, database) });
  await client.connect();
  try {
    for (const path of lesson.sqlSetup) if (existsSync(join(root, path))) await client.query(readFileSync(join(root, path), 'utf8'));
    for (const block of extractCodeBlocks(source, lesson.file)) {
      const action = blockAction(block);
      if (action.kind !== 'run-sql') continue;
      if (action.pg && !action.pg.holdsOn(major)) {
        // claimed for other majors: its error is checked there (check:snippets runs it to fail here)
        if (action.expectError !== undefined) observed.push({ line: block.line, code: action.expectError, message: '', notOn: action.pg.text });
        continue;
      }
      try {
        await client.query(block.value);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        const { message, code } = error as { message: string; code?: string };
        if (action.expectError !== undefined) observed.push({ line: block.line, message, ...(code ? { code } : {}) });
      }
    }
  } finally {
    await client.end();
    await withAdmin(adminUrl, (admin) => dropDatabase(admin, database));
  }
  return observed;
}

export async function checkErrorTags(root: string, lessons: readonly TaggedLesson[], adminUrl: string, major: number): Promise<ErrorTagRun> {
  const problems: Problem[] = [];
  const observedByFile = new Map<string, ObservedError[]>();
  let checked = 0;
  let index = 0;
  for (const lesson of lessons) {
    const source = readFileSync(join(root, lesson.file), 'utf8');
    if (!source.includes('<ErrorNote')) continue;
    const { tags, problems: wrong } = readErrorTags(source, lesson.file);
    problems.push(...wrong);
    const postgres = tags.filter((tag) => tag.component === 'postgresql');
    if (postgres.length === 0) continue;
    const observed = await observeErrors(root, lesson, adminUrl, major, `error_tags_${process.pid}_${index++}`);
    observedByFile.set(lesson.file, observed);
    checked += postgres.length;
    problems.push(...checkPostgresTags(postgres, observed, major));
  }
  return { problems, checked, observed: observedByFile };
}
