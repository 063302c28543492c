// Applies the lab SQL files exactly as students run them: the whole file in one
// simple-protocol query, so psql-style multi-statement files work unchanged.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type pg from 'pg';
import { REPO_ROOT } from './paths.ts';

/** Absolute path for a file given relative to the checkout root (e.g. labs/schemas/shop.sql). */
export function resolveSqlPath(path: string): string {
  const absolute = isAbsolute(path) ? path : resolve(REPO_ROOT, path);
  if (!existsSync(absolute)) throw new Error(`SQL file not found: ${path} (looked at ${absolute})`);
  return absolute;
}

/** 1-based line of a 1-based character position, as PostgreSQL reports `position`. */
export function lineAt(text: string, position: number): number {
  return text.slice(0, Math.max(0, position - 1)).split('\n').length;
}

export async function applySqlFile(client: pg.ClientBase, path: string): Promise<void> {
  const file = resolveSqlPath(path);
  const sql = await readFile(file, 'utf8');
  try {
    await client.query(sql);
  } catch (error) {
    const { message, code, position } = error as { message: string; code?: string; position?: string };
    const where = position ? `:${lineAt(sql, Number(position))}` : '';
    // Keep the SQLSTATE so callers can still assert on it.
    throw Object.assign(new Error(`${relative(REPO_ROOT, file)}${where}: ${message}`, { cause: error }), { code });
  }
}
