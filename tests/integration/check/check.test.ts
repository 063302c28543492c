// npm run check on fixture courses: one run reports every kind of problem at once (three invalid
// diagrams in three files, an MDX syntax error, a broken prerequisite), lessons written
// elsewhere (message JSON, JSON with comments, Flink SQL and BigQuery, lab links) raise no false
// alarm, and a diagram whose label Mermaid would cut is caught. astro build of the same broken
// course lists the three diagrams at once, and the clean course builds with its lab links marked.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, createSiteCopy, PROJECT_ROOT, putCourse } from '../../../scripts/lib/site-copy.ts';

const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/check');
const LESSONS = 'src/content/course/01-module-1';
const check = (root: string): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [join(PROJECT_ROOT, 'scripts/check.ts'), root], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

describe('npm run check on a broken course', () => {
  let result: SpawnSyncReturns<string>;
  beforeAll(() => {
    result = check(join(FIXTURES, 'broken'));
  }, 120_000);

  test('fails and reports all five problems in one run, grouped by file', () => {
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toContain('The course has 5 problem(s) in 4 file(s):');
    for (const file of ['01-journal', '02-slots', '03-topics', '04-consumer']) expect(result.stderr).toContain(`\n${LESSONS}/${file}.mdx — `);
  });

  test.each([
    ['the first invalid diagram', `${LESSONS}/01-journal.mdx:19 mermaid = "a[Журнал] --> --> b[Коннектор]"`],
    ['the second invalid diagram', `${LESSONS}/02-slots.mdx:20 mermaid = "A ->>+ : нет получателя"`],
    ['the third invalid diagram', `${LESSONS}/03-topics.mdx:20 mermaid`],
    ['the MDX syntax error', `${LESSONS}/04-consumer.mdx:18:1 mdx = "</detals>"`],
    ['the broken prerequisite', `${LESSONS}/02-slots.mdx:8 prerequisites = "module-1/01-jurnal"\n    no lesson has this id\n    fix: did you mean "module-1/01-journal"?`],
  ])('reports %s', (_what, text) => {
    expect(result.stderr).toContain(text);
  });
});

describe('npm run check on lessons written elsewhere', () => {
  let dir: string;
  let clean: SpawnSyncReturns<string>;
  let planted: SpawnSyncReturns<string>;
  let foreign: SpawnSyncReturns<string>;
  let foreignDir: string;
  beforeAll(() => {
    // The same lessons with Flink SQL and commented JSON under the wrong tags.
    foreignDir = mkdtempSync(join(tmpdir(), 'check-foreign-'));
    cpSync(join(FIXTURES, 'clean'), foreignDir, { recursive: true });
    const dialects = join(foreignDir, LESSONS, '02-dialects.mdx');
    writeFileSync(dialects, readFileSync(dialects, 'utf8').replace('```flinksql', '```sql'));
    const events = join(foreignDir, LESSONS, '01-events.mdx');
    writeFileSync(events, readFileSync(events, 'utf8').replace('```jsonc', '```json'));
    foreign = check(foreignDir);
    clean = check(join(FIXTURES, 'clean'));
    dir = mkdtempSync(join(tmpdir(), 'check-planted-'));
    cpSync(join(FIXTURES, 'clean'), dir, { recursive: true });
    writeFileSync(
      join(dir, LESSONS, '03-long-label.mdx'),
      "---\ntitle: 'Подпись'\ndescription: 'Урок о журнале.'\norder: 3\ndifficulty: beginner\nestimatedTime: 10\ntopics: [wal]\nprerequisites: []\n---\n\n## Схема\n\n" +
        '```mermaid\nflowchart TB\n    accTitle: Длинная подпись\n    accDescr: Коннектор с длинным именем класса.\n    a["io.debezium.connector.postgresql.PostgresConnector"] --> b[Топик]\n```\n',
    );
    planted = check(dir);
  }, 180_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(foreignDir, { recursive: true, force: true });
  });

  test('message JSON, JSON with comments (jsonc), Flink SQL, BigQuery and lab links raise no alarm', () => {
    expect(clean.stderr).toBe('');
    expect(clean.stdout).toContain('check: no problems');
    expect(clean.status).toBe(0);
  });

  test('Flink SQL in a sql block and commented JSON in a json block get a message that says what to do', () => {
    expect(foreign.status).toBe(1);
    expect(foreign.stderr).toContain('The course has 2 problem(s)');
    expect(foreign.stderr).toMatch(/02-dialects\.mdx:\d+ code block = "sql"\n {4}failed with 0A000: [^\n]*\n {4}fix: this looks like Flink SQL, not PostgreSQL: tag the block ```flinksql instead of sql/);
    expect(foreign.stderr).toMatch(/01-events\.mdx:\d+ code block = "json"\n {4}invalid JSON[^\n]*\n {4}fix: this looks like illustrative JSON \(comments or "\.\.\."\): tag the block jsonc/);
  });

  test('a label that Mermaid cuts inside an identifier is reported with file and line', () => {
    expect(planted.status).toBe(1);
    expect(planted.stderr).toContain(`${LESSONS}/03-long-label.mdx:13 mermaid label = `);
    expect(planted.stderr).toMatch(/a diagram label line breaks inside a word \(shown at \|\): «[^»]*\|[^»]*»/);
    expect(planted.stderr).toContain('The course has 1 problem(s)');
  });
});

test("the glossary's problems and lint:content's terminology come along", () => {
  const dir = mkdtempSync(join(tmpdir(), 'check-glossary-'));
  try {
    cpSync(join(FIXTURES, 'clean'), dir, { recursive: true });
    mkdirSync(join(dir, 'src/content/glossary'), { recursive: true });
    const term = "- id: consumer\n  ru: потребитель\n  en: consumer\n  definition: 'Программа, которая читает события из топика.'\n  avoid: [консьюмер*]\n";
    writeFileSync(join(dir, 'src/content/glossary/terms.yaml'), `${term}  introducedIn: module-1/01-events\n- id: topic\n  ru: топик\n  en: topic\n  definition: 'Журнал событий Kafka.'\n`);
    const events = join(dir, LESSONS, '01-events.mdx');
    writeFileSync(events, readFileSync(events, 'utf8').replace('Потребитель получает', 'Консьюмер получает'));
    const result = check(dir);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${LESSONS}/01-events.mdx:13:1 terminology = "Консьюмер"`);
    expect(result.stderr).toMatch(/src\/content\/glossary\/terms\.yaml:\d+ introducedIn = \(missing\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

describe('astro build', () => {
  const site = createSiteCopy(PROJECT_ROOT, `it-check-${process.pid}`);
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  test('of the broken course lists all three invalid diagrams at once', () => {
    putCourse(site, join(FIXTURES, 'broken/src/content/course'));
    const result = buildSite(PROJECT_ROOT, site, join(site, '.cache/mermaid'), { NO_COLOR: '1' });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('Mermaid diagrams: the course has 3 problems:');
    for (const where of ['01-journal.mdx:19 mermaid', '02-slots.mdx:20 mermaid', '03-topics.mdx:20 mermaid']) expect(result.output).toContain(`${LESSONS}/${where}`);
  }, 120_000);

  test('of the clean course succeeds, with lab links marked as the student\'s lab', () => {
    putCourse(site, join(FIXTURES, 'clean/src/content/course'));
    const result = buildSite(PROJECT_ROOT, site, join(PROJECT_ROOT, '.cache/mermaid'));
    expect(result.ok, result.output.slice(-3000)).toBe(true);
    const html = readFileSync(join(site, 'dist/module-1/01-events/index.html'), 'utf8');
    expect(html).toMatch(/<a href="http:\/\/localhost:8083\/connectors" class="lab-link" title="[^"]+">Kafka Connect<span class="lab-link__label">стенд<\/span><\/a>/);
    expect(html).toContain('href="http://localhost:3000/" class="lab-link"');
  }, 120_000);
});
