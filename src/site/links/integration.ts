// Astro integration: after `astro build`, every internal link of the built site must resolve
// (see built-links.ts). starlight-links-validator checks lesson Markdown with file:line; this
// covers what it cannot see: links made by components (prerequisites, sidebar, pagination)
// and the custom home and module pages.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkBuiltLinks, formatBrokenLinks, readBuiltSite } from './built-links.ts';

export function builtLinkCheck(): AstroIntegration {
  let base = '/';
  return {
    name: 'course-built-link-check',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const started = performance.now();
        const { pages, fileExists } = readBuiltSite(fileURLToPath(dir), base);
        const broken = checkBuiltLinks(pages, base, fileExists);
        if (broken.length > 0) throw new Error(formatBrokenLinks(broken));
        const links = pages.reduce((sum, page) => sum + page.links.length, 0);
        logger.info(`${links} links on ${pages.length} pages resolve (${Math.round(performance.now() - started)} ms)`);
      },
    },
  };
}
