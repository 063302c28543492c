// Lesson module-1/06: the Python consumer of shop.public.orders. The lesson follows lesson
// 05, so the test first runs lesson 05's lab as its setup (the student's path: connector with
// the readable config, the events of every step in the topic), then every step of lesson 06
// as the lesson writes it. Then what the lesson claims: after the replay the group has read
// everything again, and the consumer's unit tests pass.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { kafkaTool } from '../../support/lab/kafka-tools.ts';
import { runLessonLab } from '../../support/lab/lesson-runner.ts';
import { REPO_ROOT } from '../../support/lab/paths.ts';
import { forgetConnectorOffsets } from './forget-connector.ts';

const run = promisify(execFile);
const PREVIOUS = join(REPO_ROOT, 'src/content/course/01-module-1/05-change-event.mdx');
const { lab, runSteps, observeError } = useLessonLab('src/content/course/01-module-1/06-python-consumer.mdx', async () => {
  await forgetConnectorOffsets(lab, 'shop-connector');
  await runLessonLab(PREVIOUS, lab);
});

test('the lesson\'s lab runs step by step and prints what the lesson shows', async () => {
  const lessonRun = await runSteps();
  expect(lessonRun.steps).toBe(4);
  expect(lessonRun.compared).toEqual(['first-run', 'shipped', 'second-run', 'group-describe', 'reset-offsets', 'replay']);
  // The replay handled all eleven events again: its log has a line for offsets 0 to 10.
  const replay = lessonRun.transcript.filter((t) => t.command.includes('cdc_consumer.py')).at(-1)!;
  for (let offset = 0; offset <= 10; offset++) expect(replay.output).toContain(`shop.public.orders[0]@${offset}:`);
});

test('after the replay the group has committed the end of the partition again', async () => {
  const { stdout } = await kafkaTool(lab, 'kafka-consumer-groups', ['--bootstrap-server', lab.toolBootstrapServers, '--describe', '--group', 'order-audit']);
  expect(stdout).toMatch(/order-audit\s+shop\.public\.orders\s+0\s+11\s+11\s+0/);
});

test('the consumer\'s unit tests pass', async () => {
  const { stderr } = await run('python3', ['-m', 'unittest', '-v', 'test_cdc_events'], { cwd: join(REPO_ROOT, 'labs/consumer') });
  expect(stderr).toMatch(/\nOK\s*$/);
});

test('a consumer subscribed to a topic that does not exist stops at once with the error the lesson tags', async () => {
  // the venv the lesson's first step made in labs/consumer
  const failure = await run(join(REPO_ROOT, 'labs/consumer/.venv/bin/python'), ['cdc_consumer.py'], {
    cwd: join(REPO_ROOT, 'labs/consumer'),
    env: { ...process.env, BOOTSTRAP_SERVERS: lab.bootstrapServers, TOPIC: 'shop.public.ordrs', GROUP_ID: 'order-audit-typo' },
    timeout: 60_000,
  }).then(
    () => undefined,
    (error: { code?: number; stderr?: string }) => error,
  );
  expect(failure?.code).toBe(1);
  observeError('Subscribed topic not available: …: Broker: Unknown topic or partition', failure?.stderr ?? '');
  expect(failure?.stderr).toContain('shop.public.ordrs');
});
