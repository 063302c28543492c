// IO: rendered diagrams on disk, one JSON file per cache key. Default location .cache/mermaid
// in the project (gitignored; keep it between CI runs to skip rendering), or MERMAID_CACHE_DIR.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CACHE_ENV = 'MERMAID_CACHE_DIR';

export interface CachedDiagram {
  /** post-processed SVG markup, ids scoped to `id` */
  svg: string;
  id: string;
  width: number;
  height: number;
  title: string | undefined;
  description: string | undefined;
  kind: string | undefined;
  /** label line breaks inside a token, `outbox_publicati|on` (label-splits.ts) */
  splitLabels?: string[];
}

export function defaultCacheDir(root: string, env: Record<string, string | undefined> = process.env): string {
  return resolve(root, env[CACHE_ENV]?.trim() || join('.cache', 'mermaid'));
}

export class DiskCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  private file(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  has(key: string): boolean {
    return existsSync(this.file(key));
  }

  get(key: string): CachedDiagram | undefined {
    try {
      const value = JSON.parse(readFileSync(this.file(key), 'utf8')) as Partial<CachedDiagram>;
      return typeof value.svg === 'string' && typeof value.id === 'string' ? (value as CachedDiagram) : undefined;
    } catch {
      return undefined; // missing or unreadable: render again
    }
  }

  set(key: string, value: CachedDiagram): void {
    const file = this.file(key);
    mkdirSync(join(this.dir, key.slice(0, 2)), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(value));
    renameSync(temp, file); // atomic: a parallel build never reads half a file
  }
}
