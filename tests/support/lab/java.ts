// Finds the tools the process stack needs (Java 17+, Maven) and says what to install when
// one is missing, before anything starts.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class LabPrerequisiteError extends Error {}

/** `java` of JAVA_HOME, else the one on PATH. */
export function javaCommand(env: NodeJS.ProcessEnv = process.env): string {
  const home = env.JAVA_HOME;
  if (home && existsSync(join(home, 'bin', 'java'))) return join(home, 'bin', 'java');
  return 'java';
}

/** `openjdk version "17.0.15"` / `java version "1.8.0_392"` → 17 / 8. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 ? Number(match[2]) : first;
}

const INSTALL_JAVA =
  'Install a JDK 17 or newer (Debian/Ubuntu: apt-get install openjdk-17-jdk-headless; macOS: brew install openjdk@17; ' +
  'or any Temurin build) and put its bin/ on PATH or set JAVA_HOME. With Docker instead: cd labs && docker compose up -d.';

export async function checkJava(): Promise<{ command: string; major: number }> {
  const command = javaCommand();
  let output: string;
  try {
    const result = await run(command, ['-version']);
    output = `${result.stderr}${result.stdout}`;
  } catch {
    throw new LabPrerequisiteError(`The lab stack without Docker needs Java, and \`${command} -version\` did not run.\n${INSTALL_JAVA}`);
  }
  const major = parseJavaMajor(output);
  if (major === undefined || major < 17) {
    throw new LabPrerequisiteError(
      `The lab stack needs Java 17 or newer (Kafka 4 requires it); \`${command} -version\` says: ${output.split('\n')[0]}\n${INSTALL_JAVA}`,
    );
  }
  return { command, major };
}

export async function checkMaven(): Promise<string> {
  try {
    await run('mvn', ['--version']);
    return 'mvn';
  } catch {
    throw new LabPrerequisiteError(
      'The lab stack resolves the Kafka and Debezium jars with Maven, and `mvn` is not on PATH. ' +
        'Install Maven 3.8+ (Debian/Ubuntu: apt-get install maven; macOS: brew install maven) once; ' +
        'after the first start the jars are cached in .cache/lab and Maven is not called again.',
    );
  }
}
