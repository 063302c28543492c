// The jars of the process stack: Maven resolves them once from labs/runtime/pom.xml into
// the lab cache; a stamp with the pom's hash makes every later start use them as they are,
// without calling Maven (so a second start downloads nothing).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { checkMaven } from './java.ts';
import { LAB_POM, labCacheDir } from './paths.ts';
import { parseLabVersions, type LabVersions } from './versions.ts';

const run = promisify(execFile);

export interface LabJars {
  versions: LabVersions;
  /** Kafka broker, Connect worker and tools: the JVM classpath (`dir/*`). */
  classpath: string;
  /** Connect's plugin.path entries. */
  pluginPath: string[];
  /** false when the cache answered and Maven was not called. */
  resolved: boolean;
  resolveMs: number;
  /** Bytes of jars in the cache (what a first start downloads into it). */
  bytes: number;
}

interface Stamp {
  pomSha256: string;
  versions: LabVersions;
}

async function dirBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

export function jarLayout(cache: string, v: LabVersions): { kafkaLibs: string; pluginPath: string[]; scriptingDir: string } {
  const debezium = join(cache, `debezium-${v.debezium}`);
  const scriptingRoot = join(debezium, `scripting-${v.debeziumScripting}`);
  return {
    kafkaLibs: join(cache, `kafka-${v.kafka}`, 'libs'),
    pluginPath: [join(debezium, 'plugins'), scriptingRoot],
    scriptingDir: join(scriptingRoot, 'debezium-connector-postgres'),
  };
}

export async function ensureJars(log: (line: string) => void = () => {}): Promise<LabJars> {
  const started = performance.now();
  const pom = await readFile(LAB_POM, 'utf8');
  const versions = parseLabVersions(pom);
  const pomSha256 = createHash('sha256').update(pom).digest('hex');
  const cache = labCacheDir();
  const layout = jarLayout(cache, versions);
  const stampFile = join(cache, `jars-${pomSha256.slice(0, 16)}.json`);
  const complete = (): boolean =>
    existsSync(stampFile) && [layout.kafkaLibs, ...layout.pluginPath, layout.scriptingDir].every((dir) => existsSync(dir));

  let resolved = false;
  if (!complete()) {
    await checkMaven();
    await mkdir(cache, { recursive: true });
    log(`[lab] resolving jars with Maven into ${cache} (first start only)`);
    const args = [
      '-B', '-q', '-f', LAB_POM,
      `-Dlab.dir=${cache}`,
      'generate-resources',
      // debezium-scripting's parent pom is not served, and dependency:copy 3.x reads it;
      // 2.8's copy takes the jar alone.
      'org.apache.maven.plugins:maven-dependency-plugin:2.8:copy',
      `-Dartifact=io.debezium:debezium-scripting:${versions.debeziumScripting}`,
      `-DoutputDirectory=${layout.scriptingDir}`,
    ];
    try {
      await run('mvn', args, { maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
      const lines = output.split('\n').filter((line) => line.includes('ERROR')).slice(0, 8).join('\n');
      throw new Error(
        `Maven could not resolve the lab jars of ${LAB_POM} (${versions.kafka} / ${versions.debezium}):\n${lines || output.slice(-2000)}\n` +
          'Check the network to Maven Central, or run `mvn -f labs/runtime/pom.xml generate-resources` to see the whole log.',
      );
    }
    if (![layout.kafkaLibs, ...layout.pluginPath, layout.scriptingDir].every((dir) => existsSync(dir))) {
      throw new Error(`Maven finished, but the lab jars are not where ${LAB_POM} puts them (${cache})`);
    }
    const stamp: Stamp = { pomSha256, versions };
    await writeFile(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
    resolved = true;
  }
  const bytes = (await dirBytes(join(cache, `kafka-${versions.kafka}`))) + (await dirBytes(join(cache, `debezium-${versions.debezium}`)));
  return {
    versions,
    classpath: join(layout.kafkaLibs, '*'),
    pluginPath: layout.pluginPath,
    resolved,
    resolveMs: performance.now() - started,
    bytes,
  };
}
