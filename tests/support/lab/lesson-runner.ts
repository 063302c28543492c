// Runs a lesson's lab as the student would: every command of every <Steps> item, in order,
// against the lab stack, and every block marked output="…" compared with what the command
// before it printed. The lessons are written for labs/compose.yaml (`docker compose exec`,
// localhost:8083); on the process stack each such command runs the same program against
// the stack's own endpoints, and nothing else is changed.
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';
import { extractLabSteps, isCommandBlock, type LabStep } from '../../../src/snippets/lab-steps.ts';
import { collectShownOutputs, describeMismatch, outputMatches, type ShownOutput } from '../../../src/snippets/shown-output.ts';
import { extractCodeBlocks } from '../../../src/snippets/code-blocks.ts';
import { pointAtLabDatabase, type LabEndpoints } from './endpoints.ts';
import { kafkaTool } from './kafka-tools.ts';
import { REPO_ROOT } from './paths.ts';
import { splitCommands } from './shell-words.ts';
import { rest } from './connect-rest.ts';

const run = promisify(execFile);

export class LabStepError extends Error {}

export interface LessonRun {
  file: string;
  steps: number;
  commands: number;
  compared: string[];
  /** Output of every command, by "step N, command M". */
  transcript: { step: number; command: string; output: string }[];
}

interface Background {
  child: ChildProcess;
  output: () => string;
  command: string;
}

interface Context {
  lab: LabEndpoints;
  cwd: string;
  venv?: string;
  background?: Background;
  file: string;
  /** The command block is marked expect-error: a change the worker refuses is its output. */
  expectError?: boolean;
  /** Commands of the current block that the worker refused. */
  refused?: number;
  /** Where each service's log stood when the lesson's lab started: `docker compose logs` prints what came after. */
  logStart: Record<string, number>;
}

const COMPOSE_CONNECT = 'http://localhost:8083';

function where(file: string, line: number): string {
  return `${relative(REPO_ROOT, file)}:${line}`;
}

/** `-f /labs/…` in a `docker compose exec postgres` command: the compose file mounts labs/ there. */
function mapLabPath(path: string, cwd: string): string {
  if (path.startsWith('/labs/')) return join(REPO_ROOT, 'labs', path.slice('/labs/'.length));
  return isAbsolute(path) ? path : resolve(cwd, path);
}

async function psql(ctx: Context, args: string[]): Promise<string> {
  const rest_: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-U' || arg === '-d' || arg === '-h' || arg === '-p') {
      i++; // the stack's URL names user, database, host and port
    } else if (arg === '-f') {
      rest_.push('-f', mapLabPath(args[++i]!, ctx.cwd));
    } else {
      rest_.push(arg);
    }
  }
  try {
    const { stdout } = await run('psql', ['-X', ctx.lab.postgres.url, ...rest_], { cwd: ctx.cwd, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new LabStepError(`psql ${rest_.join(' ')} failed:\n${e.stderr ?? ''}${e.stdout ?? ''}`);
  }
}

async function curl(ctx: Context, args: string[]): Promise<string> {
  let method: string | undefined;
  let data: string | undefined;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-X' || arg === '--request') method = args[++i];
    else if (arg === '-H' || arg === '--header') i++;
    else if (arg === '-d' || arg === '--data' || arg === '--data-binary' || arg === '--data-raw') data = args[++i];
    else if (arg.startsWith('-')) continue; // -sS, -i, …: output flags
    else url = arg;
  }
  if (!url?.startsWith(COMPOSE_CONNECT)) throw new LabStepError(`curl to ${url}: the lab runner knows the Kafka Connect REST API (${COMPOSE_CONNECT}) only`);
  let body: unknown;
  if (data !== undefined) {
    const text = data.startsWith('@') ? readFileSync(resolve(ctx.cwd, data.slice(1)), 'utf8') : data;
    const parsed = JSON.parse(text) as { config?: Record<string, string> } & Record<string, unknown>;
    // A whole connector ({name, config}) or a bare config (PUT …/config).
    body = parsed.config ? { ...parsed, config: pointAtLabDatabase(parsed.config, ctx.lab) } : pointAtLabDatabase(parsed as Record<string, string>, ctx.lab);
  }
  const verb = method ?? (data === undefined ? 'GET' : 'POST');
  const answer = await rest(verb, ctx.lab.connectUrl + url.slice(COMPOSE_CONNECT.length), body);
  // A GET prints what it gets, as curl does (a status asked for too early is a 404 that a
  // rerun resolves); a change the worker refuses stops the lab.
  // A block marked expect-error shows a refusal on purpose: its body is the output, as curl prints it.
  if (answer.status >= 400 && verb !== 'GET') {
    if (!ctx.expectError) throw new LabStepError(`curl ${url} answered ${answer.status}: ${answer.text}\nfix: if the lesson shows this refusal on purpose, mark the block \`\`\`bash expect-error`);
    ctx.refused = (ctx.refused ?? 0) + 1;
  }
  return answer.text;
}

async function python(ctx: Context, words: string[]): Promise<string | Background> {
  const exe = ctx.venv ? join(ctx.venv, 'bin', 'python') : words[0]!;
  const args = words.slice(1);
  if (args[0] === '-m' && args[1] === 'venv') {
    const dir = resolve(ctx.cwd, args[2]!);
    if (!existsSync(join(dir, 'bin', 'python'))) await run(exe === 'python' ? 'python3' : exe, ['-m', 'venv', dir]);
    return '';
  }
  const env = { ...process.env, BOOTSTRAP_SERVERS: ctx.lab.bootstrapServers, DATABASE_URL: ctx.lab.postgres.url, PYTHONUNBUFFERED: '1' };
  // A script that serves until Ctrl+C (the lab's consumer): runs in the background until the
  // shown output after it has appeared, then gets SIGINT, as the student would stop it.
  const child = spawn(exe, args, { cwd: ctx.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output, command: words.join(' ') };
}

async function pip(ctx: Context, words: string[]): Promise<string> {
  if (!ctx.venv) throw new LabStepError('pip outside a virtual environment: the lab activates .venv first');
  try {
    const { stdout } = await run(join(ctx.venv, 'bin', 'pip'), ['--disable-pip-version-check', '-q', ...words.slice(1)], { cwd: ctx.cwd, maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    throw new LabStepError(`pip ${words.slice(1).join(' ')} failed: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`);
  }
}

/** `docker compose logs [--since …] [--tail …] <service>`: what the service logged since the lesson's lab began
 *  (a student's stack has only this lesson's lines; the test stack has the other lessons' too). */
async function composeLogs(ctx: Context, args: string[]): Promise<string> {
  const services = args.filter((arg, i) => !arg.startsWith('-') && !['--since', '--tail', '-n'].includes(args[i - 1] ?? ''));
  if (services.length !== 1) throw new LabStepError(`docker compose logs ${args.join(' ')}: the lab runner shows the log of one service; name it (e.g. connect)`);
  const service = services[0]!;
  const file = ctx.lab.logs[service];
  if (ctx.lab.tools.kind === 'compose') {
    const { stdout } = await run('docker', ['compose', '-p', ctx.lab.tools.project, '-f', ctx.lab.tools.file, 'logs', '--no-color', service], { maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  }
  if (!file) throw new LabStepError(`docker compose logs ${service}: the process stack has logs of ${Object.keys(ctx.lab.logs).join(', ')} only`);
  return readFileSync(file).subarray(ctx.logStart[service] ?? 0).toString('utf8');
}

async function runCommand(ctx: Context, words: string[]): Promise<string | Background> {
  const [program, ...args] = words;
  if (program === 'docker' && args[0] === 'compose') {
    const [sub, ...rest_] = args.slice(1);
    if (sub === 'logs') return composeLogs(ctx, rest_);
    if (sub === 'up' || sub === 'ps' || sub === 'down') {
      // The test run started (and will stop) the stack; check it answers.
      if (sub !== 'down' && !(await fetch(`${ctx.lab.connectUrl}/`)).ok) throw new LabStepError('the lab stack does not answer');
      return '';
    }
    if (sub === 'exec') {
      const [service, command, ...commandArgs] = rest_.filter((word) => word !== '-T');
      if (service === 'postgres' && command === 'psql') return psql(ctx, commandArgs);
      const tool = /^\/opt\/kafka\/bin\/(kafka-[a-z-]+)\.sh$/.exec(command ?? '');
      if (service === 'kafka' && tool) {
        const mapped = commandArgs.map((arg, i) => (commandArgs[i - 1] === '--bootstrap-server' ? ctx.lab.toolBootstrapServers : arg));
        return (await kafkaTool(ctx.lab, tool[1]!, mapped, 120_000)).stdout;
      }
    }
  }
  if (program === 'curl') return curl(ctx, args);
  if (program === 'cd') {
    ctx.cwd = resolve(ctx.cwd, args[0] ?? '.');
    return '';
  }
  if ((program === '.' || program === 'source') && args[0]?.endsWith('/bin/activate')) {
    ctx.venv = resolve(ctx.cwd, args[0].slice(0, -'/bin/activate'.length));
    return '';
  }
  if (program === 'pip' || program === 'pip3') return pip(ctx, words);
  if (program === 'python' || program === 'python3') return python(ctx, words);
  throw new LabStepError(`the lab runner cannot run \`${words.join(' ')}\`: teach tests/support/lab/lesson-runner.ts that command, or move it out of <Steps>`);
}

async function stopBackground(ctx: Context): Promise<string> {
  const bg = ctx.background;
  if (!bg) return '';
  ctx.background = undefined;
  if (bg.child.exitCode === null && bg.child.signalCode === null) {
    bg.child.kill('SIGINT');
    const exited = new Promise((resolveExit) => bg.child.once('exit', resolveExit));
    await Promise.race([exited, delay(10_000)]);
    if (bg.child.exitCode === null && bg.child.signalCode === null) bg.child.kill('SIGKILL');
  }
  return bg.output();
}

/** Waits until a background command's output satisfies the shown block (or it exits, or time runs out). */
async function awaitShown(ctx: Context, shown: ShownOutput, timeoutMs: number): Promise<string> {
  const bg = ctx.background!;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (outputMatches(shown, bg.output())) break;
    if (bg.child.exitCode !== null) break;
    await delay(200);
  }
  return stopBackground(ctx);
}

/** Commands that only read: rerun until their output matches (a connector needs a moment to start). */
export function isRereadable(words: readonly string[]): boolean {
  const [program, ...args] = words;
  if (program === 'curl') return !args.some((arg) => ['-X', '--request', '-d', '--data', '--data-binary', '--data-raw'].includes(arg));
  if (words.includes('psql')) {
    const sql = args.filter((_, i) => args[i - 1] === '-c');
    return sql.length > 0 && !args.includes('-f') && sql.every((text) => /^\s*(SELECT|SHOW|TABLE)\b/i.test(text));
  }
  if (program === 'docker' && args[0] === 'compose' && args[1] === 'logs') return true; // a line the service has yet to write
  return words.some((word) => word.endsWith('/kafka-topics.sh')) && words.includes('--describe');
}

export interface RunOptions {
  /** Called after each step, e.g. to wait for asynchronous effects the lesson describes. */
  afterStep?: (step: LabStep, transcript: LessonRun['transcript']) => Promise<void>;
  /** Output of a background command is compared after this many ms at most. */
  backgroundTimeoutMs?: number;
  /** A read-only command whose output does not match yet is rerun for this long (default 30 s). */
  rereadTimeoutMs?: number;
}

export async function runLessonLab(file: string, lab: LabEndpoints, options: RunOptions = {}): Promise<LessonRun> {
  const source = readFileSync(file, 'utf8');
  const shownFile = relative(REPO_ROOT, file);
  const { steps, problems } = extractLabSteps(source, shownFile);
  const shown = collectShownOutputs(extractCodeBlocks(source, shownFile));
  const allProblems = [...problems, ...shown.problems];
  if (allProblems.length) throw new LabStepError(allProblems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
  if (steps.length === 0) throw new LabStepError(`${shownFile}: no <Steps> with a numbered list: nothing to run`);

  const logStart = Object.fromEntries(Object.entries(lab.logs).map(([service, log]) => [service, existsSync(log) ? statSync(log).size : 0]));
  const ctx: Context = { lab, cwd: join(REPO_ROOT, 'labs'), file, logStart };
  const result: LessonRun = { file: shownFile, steps: 0, commands: 0, compared: [], transcript: [] };
  try {
    for (const step of steps) {
      let last = '';
      let lastBlock: { words: string[] } | undefined;
      for (const block of step.blocks) {
        if (isCommandBlock(block)) {
          if (block.attributes.nocheck !== undefined) continue;
          await stopBackground(ctx);
          ctx.expectError = block.attributes['expect-error'] !== undefined;
          ctx.refused = 0;
          for (const command of splitCommands(block.value)) {
            let output: string | Background;
            try {
              output = await runCommand(ctx, command.words);
            } catch (error) {
              throw new LabStepError(`${where(file, block.line + command.line)} step ${step.number} «${step.title}»: \`${command.words.join(' ')}\`\n${(error as Error).message}`);
            }
            result.commands++;
            if (typeof output === 'string') {
              last = output;
              lastBlock = command;
              result.transcript.push({ step: step.number, command: command.words.join(' '), output });
            } else {
              ctx.background = output;
            }
          }
          if (ctx.expectError && ctx.refused === 0) {
            throw new LabStepError(
              `${where(file, block.line)} step ${step.number} «${step.title}»: the block is marked expect-error, but the worker accepted every request in it\nfix: make the request the lesson means to fail, or remove expect-error`,
            );
          }
          ctx.expectError = false;
          continue;
        }
        const id = block.attributes.output;
        if (typeof id !== 'string') continue;
        const expected = shown.outputs.find((o) => o.id === id)!;
        let actual = last;
        if (ctx.background) {
          const command = ctx.background.command;
          actual = await awaitShown(ctx, expected, options.backgroundTimeoutMs ?? 60_000);
          result.transcript.push({ step: step.number, command, output: actual });
        }
        const rereadUntil = Date.now() + (options.rereadTimeoutMs ?? 30_000);
        while (!ctx.background && lastBlock && isRereadable(lastBlock.words) && !outputMatches(expected, actual) && Date.now() < rereadUntil) {
          await delay(500);
          actual = (await runCommand(ctx, lastBlock.words)) as string;
        }
        if (!outputMatches(expected, actual)) throw new LabStepError(describeMismatch(expected, actual, `step ${step.number} of ${shownFile}`));
        result.compared.push(id);
      }
      await stopBackground(ctx);
      result.steps++;
      await options.afterStep?.(step, result.transcript);
    }
  } finally {
    await stopBackground(ctx);
  }
  return result;
}
