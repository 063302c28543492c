// Kafka's command-line tools against a lab stack: on the process stack the same classes the
// kafka-*.sh scripts run, from the cached jars; on the compose stack the scripts inside the
// kafka container, as the lessons call them.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { LabEndpoints } from './endpoints.ts';

const run = promisify(execFile);

export const KAFKA_TOOLS: Record<string, string> = {
  'kafka-topics': 'org.apache.kafka.tools.TopicCommand',
  'kafka-console-consumer': 'org.apache.kafka.tools.consumer.ConsoleConsumer',
  'kafka-console-producer': 'org.apache.kafka.tools.ConsoleProducer',
  'kafka-consumer-groups': 'org.apache.kafka.tools.consumer.group.ConsumerGroupCommand',
};

/**
 * A tool runs for a second or two: the C1 compiler alone and the serial collector start it in
 * about a quarter of the time of the JVM's defaults (kafka-topics --list: 2 s instead of 8-9 s
 * on 2 busy cores), and nothing it does lives long enough to need C2.
 */
export const SHORT_LIVED_JVM = ['-Xmx256m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

export interface ToolResult {
  stdout: string;
  stderr: string;
}

export async function kafkaTool(
  lab: Pick<LabEndpoints, 'tools'>,
  tool: string,
  args: string[],
  timeoutMs = 60_000,
  options: { keepOutputOnFailure?: boolean } = {},
): Promise<ToolResult> {
  const main = KAFKA_TOOLS[tool];
  if (!main) throw new Error(`unknown Kafka tool "${tool}"; known: ${Object.keys(KAFKA_TOOLS).join(', ')}`);
  const [command, commandArgs] =
    lab.tools.kind === 'jvm'
      ? [lab.tools.java, [...SHORT_LIVED_JVM, `-Dlog4j2.configurationFile=${lab.tools.log4j}`, '-cp', lab.tools.classpath, main, ...args]]
      : ['docker', ['compose', '-f', lab.tools.file, '-p', lab.tools.project, 'exec', '-T', 'kafka', `/opt/kafka/bin/${tool}.sh`, ...args]];
  try {
    const { stdout, stderr } = await run(command, commandArgs, { timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 });
    return { stdout, stderr };
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    // The console consumer ends with an error once --timeout-ms passes without a record.
    if (options.keepOutputOnFailure && e.stdout !== undefined) return { stdout: e.stdout, stderr: e.stderr ?? '' };
    throw new Error(`${tool} ${args.join(' ')} failed: ${e.message}\n${e.stderr ?? ''}${e.stdout ?? ''}`);
  }
}
