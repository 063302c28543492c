// Every connector config of every lesson, validated by the lab's real worker: Kafka Connect
// with Debezium answers PUT /connector-plugins/{class}/config/validate with the errors it would
// refuse the config for (types, enum values, regexes, required keys, converter and SMT options,
// and the PostgreSQL connector's own check that it can log in to the database). A config is
// whatever check:snippets takes for one (tests/support/lab/lesson-configs.ts); a fragment is laid
// over the lesson's full config. The lab's own configs (labs/connectors/*.json, configs by being
// there, as for check:snippets) are validated too. The test lists every error at once.
//
// What validate does not catch: keys the worker does not know (it ignores them; check:snippets
// reports them offline from src/snippets/catalogue/), and values an SMT only reads at run time.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, inject, test } from 'vitest';
import { formatProblem, type Problem } from '../../src/course/problems.ts';
import { loadCatalogue } from '../../src/snippets/catalogue.ts';
import { extractCodeBlocks } from '../../src/snippets/code-blocks.ts';
import { courseLessonFiles, record } from '../support/lab/ledger.ts';
import { lessonConfigs, type LessonConfig } from '../support/lab/lesson-configs.ts';
import { REPO_ROOT } from '../support/lab/paths.ts';
import { resetLab } from '../support/lab/reset.ts';
import { provideDatabaseFor, validateLessonConfig } from '../support/lab/validate-config.ts';

const lab = inject('lab');
const ledger = inject('labLedger');

afterEach((context) => {
  if (context.task.result?.state === 'fail') record(ledger, { kind: 'failed', test: context.task.name });
});

// A fresh `shop` database and no connectors; then the roles and databases the configs log in
// with (provideDatabaseFor), so that the connector's own connection check passes or fails on
// the config, not on the lab's setup.
let configs: LessonConfig[];
let provided: Awaited<ReturnType<typeof provideDatabaseFor>> | undefined;
beforeAll(async () => {
  await resetLab(lab);
  configs = collect();
  provided = await provideDatabaseFor(lab, configs);
  if (provided.created.length) console.log(`[lab] made for the configs in the lab's PostgreSQL: ${provided.created.join(', ')}`);
});

// Roles are cluster-wide and survive resetLab: a lesson test after this one creates its role itself.
afterAll(async () => {
  await provided?.remove();
});

const LAB_CONNECTORS = join(REPO_ROOT, 'labs', 'connectors');

function collect(): LessonConfig[] {
  const catalogue = loadCatalogue();
  const lessons = courseLessonFiles().flatMap((path) => {
    const file = relative(REPO_ROOT, path);
    return lessonConfigs(file, extractCodeBlocks(readFileSync(path, 'utf8'), file), catalogue);
  });
  const labFiles = existsSync(LAB_CONNECTORS) ? readdirSync(LAB_CONNECTORS).filter((name) => name.endsWith('.json')).sort() : [];
  const labs = labFiles.flatMap((name) => {
    const file = relative(REPO_ROOT, join(LAB_CONNECTORS, name));
    const block = { file, line: 1, lang: 'json', meta: 'config', attributes: { config: true as const }, value: readFileSync(join(LAB_CONNECTORS, name), 'utf8') };
    return lessonConfigs(file, [block], catalogue);
  });
  return [...lessons, ...labs];
}

test('every connector config of the lessons passes the worker\'s validation', async () => {
  expect(configs.length, 'the course shows connector configs').toBeGreaterThan(0);
  const problems: Problem[] = [];
  const started = performance.now();
  for (const item of configs) {
    const result = await validateLessonConfig(lab, item);
    problems.push(...result.problems);
    record(ledger, { kind: 'validated', file: item.file, line: item.line });
  }
  const fragments = configs.filter((item) => item.fragment).length;
  const labs = configs.filter((item) => item.file.startsWith('labs/')).length;
  console.log(
    `[lab] validated ${configs.length} connector config(s) (${configs.length - fragments - labs} full and ${fragments} fragment(s) of lessons, ${labs} of labs/connectors) ` +
      `in ${((performance.now() - started) / 1000).toFixed(1)} s: ${problems.length} error(s)`,
  );
  if (problems.length > 0) {
    throw new Error(
      `Kafka Connect rejects ${problems.length} setting(s) of the lessons' connector configs:\n` +
        problems.map((problem, index) => `${index + 1}. ${formatProblem(problem)}`).join('\n'),
    );
  }
});
