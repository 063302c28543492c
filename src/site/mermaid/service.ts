// IO orchestration: source → cached or freshly rendered, post-processed diagram. One service
// (one browser, one queue, one cache) per build; counts what it rendered and what it reused.
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { cacheKey, diagramId } from './cache-key.ts';
import { DiskCache, defaultCacheDir, type CachedDiagram } from './cache.ts';
import { DiagramError, svgProblem } from './errors.ts';
import { MERMAID_VERSION, MermaidRenderer } from './renderer.ts';
import { svgRootAttributes } from './markup.ts';
import { findSvg, processSvg } from './svg-postprocess.ts';
import { splitTokens } from './label-splits.ts';
import { MERMAID_CONFIG } from './theme.ts';

/** Bump when rendering or post-processing changes the SVG (invalidates every cache entry). */
export const RENDERER_VERSION = 6;

export interface DiagramStats {
  /** diagram requests from pages (a diagram on two pages counts twice) */
  requested: number;
  /** distinct diagrams rendered in the browser */
  rendered: number;
  /** distinct diagrams read from the disk cache */
  fromCache: number;
  failed: number;
  /** wall time the renderer was busy */
  renderMs: number;
  browserLaunches: number;
  /** seconds since the process started when rendering began and ended */
  renderWindow: [number, number] | undefined;
}

export class DiagramService {
  private readonly memory = new Map<string, Promise<CachedDiagram>>();
  private readonly renderer: MermaidRenderer;
  readonly cache: DiskCache;
  private readonly counts = { requested: 0, rendered: 0, fromCache: 0, failed: 0 };
  /** where pages report diagrams that need attention (missing accTitle) */
  warn: ((message: string) => void) | undefined;

  constructor(options: { cacheDir?: string; maxPages?: number } = {}) {
    this.cache = new DiskCache(options.cacheDir ?? defaultCacheDir(process.cwd()));
    this.renderer = new MermaidRenderer({ config: MERMAID_CONFIG, ...(options.maxPages ? { maxPages: options.maxPages } : {}) });
  }

  key(source: string): string {
    return cacheKey({ source, mermaidVersion: MERMAID_VERSION, rendererVersion: RENDERER_VERSION, options: MERMAID_CONFIG });
  }

  /** True when the diagram is already rendered (memory or disk). */
  isCached(source: string): boolean {
    const key = this.key(source);
    return this.memory.has(key) || this.cache.has(key);
  }

  /** Starts rendering without waiting (errors surface when a page asks for the diagram). */
  prefetch(source: string): void {
    this.get(source, false).catch(() => {});
  }

  get(source: string, count = true): Promise<CachedDiagram> {
    if (count) this.counts.requested += 1;
    const key = this.key(source);
    let pending = this.memory.get(key);
    if (!pending) {
      pending = this.load(key, source);
      this.memory.set(key, pending);
      pending.catch(() => {}); // handled by whoever awaits it
    }
    return pending;
  }

  private async load(key: string, source: string): Promise<CachedDiagram> {
    const cached = this.cache.get(key);
    if (cached) {
      this.counts.fromCache += 1;
      return cached;
    }
    const id = diagramId(source);
    let raw: string;
    try {
      raw = await this.renderer.render({ id, source });
    } catch (error) {
      this.counts.failed += 1;
      throw error;
    }
    const svg = findSvg(fromHtml(raw, { fragment: true }));
    const problem = svgProblem(svg);
    if (problem || !svg) {
      this.counts.failed += 1;
      throw new DiagramError(problem ?? 'mermaid returned no SVG');
    }
    const splitLabels = splitTokens(svg, source);
    const processed = processSvg(svg);
    Object.assign(processed.svg.properties, svgRootAttributes(processed.width));
    const result: CachedDiagram = {
      svg: toHtml(processed.svg, { space: 'svg' }),
      id,
      width: processed.width,
      height: processed.height,
      title: processed.title,
      description: processed.description,
      kind: processed.kind,
      ...(splitLabels.length > 0 ? { splitLabels } : {}),
    };
    this.counts.rendered += 1;
    this.cache.set(key, result);
    return result;
  }

  stats(): DiagramStats {
    const { firstBatchAt, lastBatchAt } = this.renderer;
    const seconds = (ms: number) => Math.round(ms / 100) / 10;
    return {
      ...this.counts,
      renderMs: Math.round(this.renderer.renderMs),
      browserLaunches: this.renderer.launches,
      renderWindow: firstBatchAt === undefined || lastBatchAt === undefined ? undefined : [seconds(firstBatchAt), seconds(lastBatchAt)],
    };
  }

  async close(): Promise<void> {
    await this.renderer.close();
  }
}

let shared: DiagramService | undefined;

/** The build's service (created on first use, in the working directory's cache). */
export function sharedDiagramService(): DiagramService {
  shared ??= new DiagramService();
  return shared;
}

/** Sets up the build's service for a project root (the Astro integration does this first). */
export function configureSharedDiagramService(options: { root: string }): DiagramService {
  if (shared) void shared.close();
  shared = new DiagramService({ cacheDir: defaultCacheDir(options.root) });
  return shared;
}

export async function closeSharedDiagramService(): Promise<DiagramStats | undefined> {
  const service = shared;
  if (!service) return undefined;
  const stats = service.stats();
  await service.close();
  return stats;
}
