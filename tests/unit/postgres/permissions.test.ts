import { describe, expect, test } from 'vitest';
import { ancestry, canAccess, describeBlocked, findBlockedDirectory, type OsUser, type PathEntry } from '../../support/postgres/permissions.ts';

const postgres: OsUser = { name: 'postgres', uid: 101, gids: [104] };
const dir = (path: string, mode: number, uid = 0, gid = 0): PathEntry => ({ path, mode: 0o40000 | mode, uid, gid });

describe('who can reach the binaries', () => {
  test('owner, group and other bits apply in that order; root passes', () => {
    expect(canAccess(dir('/a', 0o700, 101), postgres, 1)).toBe(true);
    expect(canAccess(dir('/a', 0o710, 0, 104), postgres, 1)).toBe(true);
    expect(canAccess(dir('/a', 0o077, 101), postgres, 1)).toBe(false); // owner bits decide for the owner
    expect(canAccess(dir('/a', 0o755), postgres, 1)).toBe(true);
    expect(canAccess(dir('/a', 0o700), { name: 'root', uid: 0, gids: [0] }, 1)).toBe(true);
  });

  test('a checkout under a mode-700 home directory is found and named', () => {
    const chain = [dir('/', 0o755), dir('/root', 0o700), dir('/root/ci', 0o755), dir('/root/ci/node_modules', 0o755)];
    const blocked = findBlockedDirectory(chain, postgres);
    expect(blocked?.path).toBe('/root');
    const message = describeBlocked(blocked ?? chain[0]!, '/root/ci/node_modules/x/native/bin', postgres, '/root/ci');
    expect(message).toContain("OS user 'postgres' (uid 101)");
    expect(message).toContain('directory /root is mode 700');
    expect(message).toContain('The checkout /root/ci is inside this mode-700 directory');
  });

  test('a blocked temp directory outside the checkout gets the TMPDIR advice', () => {
    const message = describeBlocked(dir('/home/ci/tmp', 0o700, 1000), '/home/ci/tmp/course-pg-x', postgres, '/srv/app');
    expect(message).toContain('point TMPDIR at a world-traversable directory');
  });

  test('ancestry walks from / down to the target', () => {
    expect(ancestry('/a/b/c')).toEqual(['/', '/a', '/a/b', '/a/b/c']);
  });
});
