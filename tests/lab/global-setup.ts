// Starts the lab stack once for `npm run test:lab`, hands its endpoints to the test files,
// and at the end prints what ran: versions, start-up times, lab steps and shown outputs
// compared. Every output="…" block of the course must have been compared by then.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { LabEndpoints } from '../support/lab/endpoints.ts';
import { startLab, type StartedLab } from '../support/lab/stack.ts';
import { describeVersions } from '../support/lab/versions.ts';
import { courseErrorTags, courseLessons, courseShownOutputs, readLedger } from '../support/lab/ledger.ts';
import { checkLabTags, ERROR_COMPONENTS } from '../../src/lint/error-tags.ts';
import { formatProblem } from '../../src/course/problems.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    lab: LabEndpoints;
    labLedger: string;
  }
}

let started: StartedLab | undefined;
let ledgerDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const t0 = performance.now();
  started = await startLab({ log: (line) => console.log(line) });
  const lab = started.endpoints;
  console.log(`[lab] mode=${lab.mode}: ${describeVersions(lab.versions)}, PostgreSQL ${lab.postgres.version}; stack up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  ledgerDir = mkdtempSync(join(tmpdir(), 'course-ledger-'));
  project.provide('lab', lab);
  project.provide('labLedger', join(ledgerDir, 'ledger.jsonl'));
}

export async function teardown(): Promise<void> {
  const ledgerFile = ledgerDir ? join(ledgerDir, 'ledger.jsonl') : undefined;
  try {
    if (!started || !ledgerFile) return;
    const ledger = readLedger(ledgerFile);
    // LAB_PARTIAL=1: only some lab tests ran (e.g. one file), so not every shown output was due.
    if (process.env.LAB_PARTIAL === '1') ledger.partial = true;
    const lab = started.endpoints;
    const lines = [
      `[lab] ${describeVersions(lab.versions)}, PostgreSQL ${lab.postgres.version} (${lab.mode} stack)`,
      `[lab] start-up: ${Object.entries(lab.timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`,
      ...ledger.connectors.map((c) => `[lab] connector ${c.name}: ${c.state} (${c.version}) in ${c.file}`),
      `[lab] lab steps run: ${ledger.steps} (${ledger.commands} commands) in ${ledger.lessons.size} lesson(s); shown outputs compared: ${ledger.compared.size}; configs run: ${ledger.configs}; configs validated by Connect: ${ledger.validated}`,
    ];
    console.log(lines.join('\n'));
    if (ledger.failed) console.log(started.logTails(40));
    const lessons = courseLessons();
    const outputs = courseShownOutputs(lessons);
    const missing = outputs.filter((o) => !ledger.compared.has(`${o.file}#${o.id}`));
    // Errors the troubleshooting index lists for Kafka Connect, Debezium, Kafka and consumers:
    // each one the stack printed in this run (PostgreSQL ones are proven by expect-error blocks).
    const tags = courseErrorTags(lessons);
    const labTags = checkLabTags(tags, { shown: outputs.filter((o) => ledger.compared.has(`${o.file}#${o.id}`)), observed: ledger.errors });
    const byComponent = new Map<string, number>();
    for (const { tag } of labTags.proven) byComponent.set(ERROR_COMPONENTS[tag.component], (byComponent.get(ERROR_COMPONENTS[tag.component]) ?? 0) + 1);
    console.log(
      `[lab] error tags the stack produced: ${labTags.proven.length} of ${labTags.proven.length + labTags.problems.length} (${[...byComponent].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'}); PostgreSQL tags (${tags.filter((t) => t.component === 'postgresql').length}) are proven by expect-error blocks`,
    );
    if (!ledger.partial && !ledger.failed && missing.length) {
      throw new Error(
        `${missing.length} shown output(s) of the course were not compared with a lab run:\n` +
          missing.map((o) => `${o.file}:${o.line} output="${o.id}"\n    no lab test ran the step this block belongs to\n    fix: add the lesson to tests/lab, or remove output= if it is not a step's result`).join('\n'),
      );
    }
    if (!ledger.partial && !ledger.failed && labTags.problems.length) {
      throw new Error(`${labTags.problems.length} error tag(s) of the course were not produced by the lab stack:\n${labTags.problems.map(formatProblem).join('\n')}`);
    }
  } finally {
    await started?.stop();
    if (ledgerDir) rmSync(ledgerDir, { recursive: true, force: true });
  }
}
