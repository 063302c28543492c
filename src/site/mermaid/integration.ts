// Astro integration: sets the diagram service up for the project, starts rendering the course's
// diagrams while Astro is still preparing the build, reports what was rendered vs reused, and
// closes the shared browser when the build (or dev server) ends.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { scanMermaidFences } from './blocks.ts';
import { findBrowser } from '../browser/launch.ts';
import { configureSharedDiagramService, closeSharedDiagramService, type DiagramStats } from './service.ts';
import { checkCourseDiagrams, lessonFiles } from './syntax.ts';
import { formatProblems } from '../../course/problems.ts';

export const STATS_ENV = 'MERMAID_STATS_FILE';

export function formatStats(stats: DiagramStats): string {
  return `mermaid: ${stats.requested} diagram(s) on pages; ${stats.rendered} rendered, ${stats.fromCache} from cache` +
    (stats.rendered > 0 ? `; renderer busy ${(stats.renderMs / 1000).toFixed(1)} s` : '');
}

export function mermaidDiagrams(options: { contentDir?: string } = {}): AstroIntegration {
  return {
    name: 'course-mermaid-diagrams',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        const root = fileURLToPath(config.root);
        const service = configureSharedDiagramService({ root });
        service.warn = (message) => logger.warn(message);
        if (command !== 'build') return;
        const contentDir = join(root, options.contentDir ?? 'src/content/course');
        // Every invalid diagram of the course at once, by mermaid's own parser, before any page
        // is built (a page's rehype error would stop the build at the first one).
        const invalid = await checkCourseDiagrams(root, contentDir, (source) => service.isCached(source));
        if (invalid.length > 0) {
          const error = new Error(formatProblems(invalid).replace(/^Course content has/, 'Mermaid diagrams: the course has'));
          error.stack = error.message; // the list is the whole story
          throw error;
        }
        // Read every lesson's mermaid fences now and render the uncached ones while Astro
        // syncs content and starts Vite; the pages then find them ready.
        const sources = lessonFiles(contentDir).flatMap((file) =>
          scanMermaidFences(readFileSync(file, 'utf8')).map((fence) => fence.source),
        );
        const missing = [...new Set(sources)].filter((source) => source !== '' && !service.isCached(source));
        if (missing.length === 0) return;
        const browser = findBrowser();
        if (!browser.ok) throw new Error(browser.message); // fail at once, not after minutes
        logger.info(`rendering ${missing.length} new diagram(s) with ${browser.path} (${browser.source})`);
        for (const source of missing) service.prefetch(source);
      },
      'astro:build:done': async ({ logger }) => {
        const stats = await closeSharedDiagramService();
        if (!stats) return;
        logger.info(formatStats(stats));
        const statsFile = process.env[STATS_ENV];
        if (statsFile) writeFileSync(statsFile, JSON.stringify(stats));
      },
      'astro:server:done': async () => {
        await closeSharedDiagramService();
      },
    },
  };
}
