// npm run lab:catalogue: regenerates src/snippets/catalogue/*.json from the ConfigDefs of the
// lab's Kafka Connect worker (scripts/lib/lab-catalogue.ts says what is generated and what is
// kept by hand), then prints what changed option by option. Uses the stack of `npm run lab:up`
// when it runs; otherwise starts a stack of its own for the run and stops it.
//   node scripts/lab-catalogue.ts [--check] [--endpoints file.json]
//   --check      write nothing; exit 1 when the catalogue is not what the worker says
//   --endpoints  a LabEndpoints JSON of a running stack (default .cache/lab/run/endpoints.json)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CATALOGUE_DIR, parseCatalogue } from '../src/snippets/catalogue.ts';
import type { LabEndpoints } from '../tests/support/lab/endpoints.ts';
import { labCacheDir } from '../tests/support/lab/paths.ts';
import { startLab, type StartedLab } from '../tests/support/lab/stack.ts';
import { describeVersions } from '../tests/support/lab/versions.ts';
import { diffCatalogues, planCatalogue, readWorker, type CatalogueText } from './lib/lab-catalogue.ts';

const { values: args } = parseArgs({ options: { check: { type: 'boolean', default: false }, endpoints: { type: 'string' } } });
const started = performance.now();
const log = (line: string) => console.log(line);

async function connectAnswers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/connectors`, { signal: AbortSignal.timeout(3_000) })).ok;
  } catch {
    return false;
  }
}

let own: StartedLab | undefined;
let lab: LabEndpoints;
const endpointsFile = args.endpoints ?? join(labCacheDir(), 'run', 'endpoints.json');
if (existsSync(endpointsFile) && (await connectAnswers((JSON.parse(readFileSync(endpointsFile, 'utf8')) as LabEndpoints).connectUrl))) {
  lab = JSON.parse(readFileSync(endpointsFile, 'utf8')) as LabEndpoints;
  log(`[catalogue] using the running stack of ${endpointsFile}`);
} else {
  if (args.endpoints) throw new Error(`${args.endpoints}: no Kafka Connect answers there`);
  log('[catalogue] no lab stack runs (npm run lab:up); starting one for this run');
  own = await startLab({ log, env: { ...process.env, LAB_MODE: 'process' } });
  lab = own.endpoints;
}

try {
  log(`[catalogue] ${describeVersions(lab.versions)} at ${lab.connectUrl}`);
  const current: CatalogueText[] = readdirSync(CATALOGUE_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(CATALOGUE_DIR, name), 'utf8') }));
  const read = await readWorker(lab, parseCatalogue(current), log);
  const date = new Date().toISOString().slice(0, 10);
  const plan = planCatalogue(current, read, lab, date);
  parseCatalogue(plan.files); // the loader's validation, before anything is written
  const changed = plan.files.filter((file) => file.text !== current.find((c) => c.name === file.name)!.text);
  const changes = diffCatalogues(current, plan.files);

  for (const note of plan.notes) log(`[catalogue] note: ${note}`);
  const byKind = new Map<string, number>();
  for (const change of changes) byKind.set(change.change, (byKind.get(change.change) ?? 0) + 1);
  for (const change of changes) {
    const detail = change.change === 'added' ? `${change.after}` : change.change === 'dropped' ? `${change.before}` : `${JSON.stringify(change.before)} -> ${JSON.stringify(change.after)}`;
    log(`[catalogue] ${change.component}: ${change.change} ${change.key}: ${detail}`);
  }
  log(
    `[catalogue] ${read.components.size} component(s) read from Kafka Connect ${read.kafka}${read.missing.length ? `, ${read.missing.length} not on the worker (${read.missing.join(', ')})` : ''}; ` +
      `option changes: ${[...byKind].map(([kind, count]) => `${count} ${kind}`).join(', ') || 'none'}; ${changed.length} file(s) ${args.check ? 'differ' : 'rewritten'}; ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (args.check) {
    if (changed.length > 0) {
      console.error(`lab:catalogue --check: ${changed.map((file) => file.name).join(', ')} differ from the worker's ConfigDefs; run npm run lab:catalogue`);
      process.exitCode = 1;
    }
  } else {
    for (const file of changed) writeFileSync(join(CATALOGUE_DIR, file.name), file.text);
  }
} finally {
  await own?.stop();
}
