// Build benchmark for build-time Mermaid. Generates a synthetic course (default 60 lessons with
// 3 diagrams each: a flowchart, a sequence and a state diagram, all different) next to a copy of
// the site's code, then times `astro build`:
//   floor  the same course with the diagrams removed (best of two runs)
//   cold   with diagrams and an empty diagram cache
//   warm   again, with the cache the cold build left
//   edit   one lesson's diagrams changed (the everyday case: only they are rendered)
// Targets: warm renders 0 diagrams; cold ≤ 2× floor; warm ≤ 1.2× floor.
//
// Usage: node scripts/bench-build.ts [--lessons 60] [--diagrams 3] [--keep]
// The site is generated under tmp/ in the project (gitignored): Astro resolves its packages from
// the project's node_modules, which a copy elsewhere would not find.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildSite, createSiteCopy, type BuildResult } from './lib/site-copy.ts';

export interface SyntheticCourseOptions {
  lessons: number;
  diagramsPerLesson: number;
  withDiagrams: boolean;
  lessonsPerModule?: number;
}

function flowchart(m: number, l: number): string {
  return [
    'flowchart LR',
    `  accTitle: Поток изменений урока ${m}.${l}`,
    `  accDescr: Приложение пишет в PostgreSQL, Debezium читает слот ${m}_${l} и публикует событие в Kafka.`,
    `  app[Сервис ${l}] -->|INSERT| pg[(PostgreSQL ${m})]`,
    `  pg -->|WAL| slot[Слот slot_${m}_${l}]`,
    '  slot --> dbz[Debezium]',
    `  dbz --> topic{{orders.m${m}.l${l}}}`,
    '  topic --> sink[Потребитель]',
  ].join('\n');
}

function sequence(m: number, l: number): string {
  return [
    'sequenceDiagram',
    `  accTitle: Обмен сообщениями, урок ${m}.${l}`,
    '  participant S as Сервис',
    '  participant PG as PostgreSQL',
    '  participant D as Debezium',
    `  S->>PG: запись ${m}-${l}`,
    '  PG-->>D: WAL',
    `  D->>D: SMT ${l}`,
    `  Note over PG,D: слот ${m}_${l}`,
  ].join('\n');
}

function state(m: number, l: number): string {
  return [
    'stateDiagram-v2',
    `  accTitle: Состояния коннектора, урок ${m}.${l}`,
    '  [*] --> Snapshot',
    `  Snapshot --> Streaming: снимок ${l} готов`,
    '  Streaming --> Paused: pause',
    '  Paused --> Streaming: resume',
    `  Streaming --> [*]: удалён ${m}`,
  ].join('\n');
}

const DIAGRAMS = [flowchart, sequence, state];

function lessonText(m: number, l: number, options: SyntheticCourseOptions): string {
  const paragraph =
    'Debezium читает журнал предзаписи PostgreSQL через слот логической репликации и публикует ' +
    'каждое изменение строки как событие в топик Kafka. Коннектор хранит позицию в offset-топике, ' +
    'поэтому после перезапуска продолжает с того же места и не теряет изменений.';
  const parts = [
    '---',
    `title: 'Синтетический урок ${m}.${l}'`,
    `description: 'Урок ${l} модуля ${m} для замера сборки.'`,
    `order: ${l}`,
    'difficulty: beginner',
    'estimatedTime: 20',
    'topics: [benchmark]',
    '---',
    '',
  ];
  for (let d = 0; d < Math.max(options.diagramsPerLesson, 3); d++) {
    parts.push(`## Раздел ${d + 1}`, '', paragraph, '', paragraph, '');
    if (d === 0) parts.push('```sql', `SELECT slot_name FROM pg_replication_slots WHERE slot_name = 'slot_${m}_${l}';`, '```', '');
    if (options.withDiagrams && d < options.diagramsPerLesson) {
      const make = DIAGRAMS[d % DIAGRAMS.length] ?? flowchart;
      // diagrams past the third repeat a type; a suffix keeps each one distinct
      const source = make(m, l) + (d >= DIAGRAMS.length ? `\n  %% copy ${d}` : '');
      parts.push('```mermaid', source, '```', '');
    }
  }
  return parts.join('\n');
}

/** Writes a course into <site>/src/content/course (replacing what is there). */
export function writeSyntheticCourse(site: string, options: SyntheticCourseOptions): void {
  const courseDir = join(site, 'src/content/course');
  rmSync(courseDir, { recursive: true, force: true });
  const perModule = options.lessonsPerModule ?? 10;
  const modules = Math.ceil(options.lessons / perModule);
  let written = 0;
  for (let m = 1; m <= modules; m++) {
    const dir = join(courseDir, `${String(m).padStart(2, '0')}-module-${m}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'module.yaml'), `number: ${m}\ntitle: Модуль ${m}\ndescription: Синтетический модуль для замера сборки.\ncovers: [замер сборки]\n`);
    for (let l = 1; l <= perModule && written < options.lessons; l++, written++) {
      writeFileSync(join(dir, `${String(l).padStart(2, '0')}-lesson-${l}.mdx`), lessonText(m, l, options));
    }
  }
}

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const value = i === -1 ? NaN : Number(args[i + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const lessons = option(args, '--lessons', 60);
  const diagramsPerLesson = option(args, '--diagrams', 3);
  const root = resolve('.');
  const site = createSiteCopy(root, `bench-build-${process.pid}`);
  const cacheDir = join(site, '.cache', 'mermaid');
  const fail = (what: string, result: BuildResult) => {
    console.error(`${what} build failed:\n${result.output.slice(-4000)}`);
    process.exit(1);
  };
  console.log(`synthetic course: ${lessons} lessons × ${diagramsPerLesson} diagrams = ${lessons * diagramsPerLesson} diagrams, in ${site}`);

  writeSyntheticCourse(site, { lessons, diagramsPerLesson, withDiagrams: false });
  const floors = [buildSite(root, site, cacheDir), buildSite(root, site, cacheDir)];
  for (const floor of floors) if (!floor.ok) fail('floor', floor);
  const floor = floors.reduce((a, b) => (b.seconds < a.seconds ? b : a));

  writeSyntheticCourse(site, { lessons, diagramsPerLesson, withDiagrams: true });
  rmSync(cacheDir, { recursive: true, force: true });
  const cold = buildSite(root, site, cacheDir);
  if (!cold.ok) fail('cold', cold);
  const warm = buildSite(root, site, cacheDir);
  if (!warm.ok) fail('warm', warm);
  // An author edits one lesson: its diagrams change, every other one comes from the cache.
  const edited = join(site, 'src/content/course/01-module-1/01-lesson-1.mdx');
  writeFileSync(edited, readFileSync(edited, 'utf8').replaceAll('```mermaid\n', '```mermaid\n%% edited\n'));
  const edit = buildSite(root, site, cacheDir);
  if (!edit.ok) fail('edit', edit);

  const row = (name: string, r: BuildResult) => {
    const s = r.stats;
    const diagrams = s ? `${s.rendered} / ${s.fromCache}`.padEnd(20) : '-'.padEnd(20);
    const renderer = s && s.rendered > 0 ? `${(s.renderMs / 1000).toFixed(1)} s` : '-';
    return `${name.padEnd(22)} ${r.seconds.toFixed(2).padStart(8)} ${((r.seconds * 1000) / lessons).toFixed(0).padStart(10)}   ${diagrams} ${renderer.padEnd(10)} ${(r.seconds / floor.seconds).toFixed(2).padStart(6)}`;
  };
  console.log('');
  console.log(`${'build'.padEnd(22)} ${'total s'.padStart(8)} ${'ms/lesson'.padStart(10)}   ${'rendered / cached'.padEnd(20)} ${'renderer'.padEnd(10)} ${'×floor'.padStart(6)}`);
  console.log(row('floor (no diagrams)', floor));
  console.log(row('cold (empty cache)', cold));
  console.log(row('warm (cache kept)', warm));
  console.log(row('one lesson edited', edit));
  console.log('');
  const w = cold.stats?.renderWindow;
  if (w) console.log(`cold build: rendering ran from ${w[0]} s to ${w[1]} s after the build process started (total ${cold.seconds.toFixed(1)} s)`);
  const check = (ok: boolean, text: string) => console.log(`${ok ? 'met   ' : 'MISSED'} ${text}`);
  check(warm.stats?.rendered === 0, `warm build renders 0 diagrams (rendered ${warm.stats?.rendered ?? '?'})`);
  check(cold.seconds <= 2 * floor.seconds, `cold ≤ 2× floor (${(cold.seconds / floor.seconds).toFixed(2)}×)`);
  check(warm.seconds <= 1.2 * floor.seconds, `warm ≤ 1.2× floor (${(warm.seconds / floor.seconds).toFixed(2)}×)`);
  if (!args.includes('--keep')) rmSync(site, { recursive: true, force: true });
}

if (import.meta.main) await main();
