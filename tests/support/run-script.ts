// Runs one of the project's scripts (scripts/<name>) on a course root, as a student or CI
// would, and keeps its exit status and output instead of throwing.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface ScriptRun {
  status: number;
  stdout: string;
  stderr: string;
}

const ROOT = new URL('../..', import.meta.url).pathname;

export async function runScript(script: string, courseRoot: string): Promise<ScriptRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(ROOT, 'scripts', script), courseRoot], { encoding: 'utf8' });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { status: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
