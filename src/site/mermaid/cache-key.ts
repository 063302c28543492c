// Pure: content hashes. A diagram's cache key covers everything its SVG depends on: the
// source, the mermaid configuration (theme included), mermaid's version and ours.
import { createHash } from 'node:crypto';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** JSON with object keys sorted, so equal configurations hash equally. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The SVG id a diagram is rendered with: stable per source, so cached SVGs keep their ids. */
export function diagramId(source: string): string {
  return `mmd-${sha256(source).slice(0, 12)}`;
}

export interface CacheKeyInput {
  source: string;
  mermaidVersion: string;
  /** bumped whenever rendering or post-processing changes its output */
  rendererVersion: number;
  /** mermaid config including theme variables, and anything else that shapes the output */
  options: unknown;
}

export function cacheKey(input: CacheKeyInput): string {
  return sha256(stableStringify(input));
}
