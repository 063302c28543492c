// Rehype plugin for lessons, run before starlight-links-validator: lessons link relatively
// (`../05-outbox-pattern-theory/`), which the validator does not resolve, and they live in
// src/content/course with ids of our own, which it cannot derive from file paths. So each
// relative href becomes the absolute path it means under the configured base (the browser
// resolves both the same way), and the validator is told the lesson's site path.
import { relative, sep } from 'node:path';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { lessonIdFromPath } from '../../course/ids.ts';

export interface CourseLinksOptions {
  /** Astro's `base`, e.g. '/' or '/debezium-course/'. */
  base: string;
  /** Absolute path of the course folder (src/content/course). */
  courseDir: string;
}

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** The site path (with base) of the lesson at `file`, or undefined for other files. */
export function lessonSitePath(file: string, { base, courseDir }: CourseLinksOptions): string | undefined {
  const path = relative(courseDir, file).split(sep).join('/');
  if (path.startsWith('..') || !/\.mdx?$/.test(path)) return undefined;
  return `${base.replace(/\/?$/, '/')}${lessonIdFromPath(path)}/`;
}

/** `href` as an absolute site path when it is relative (not external, not a bare #hash). */
export function absoluteHref(href: string, pagePath: string): string {
  if (href === '' || href.startsWith('#') || href.startsWith('/') || SCHEME.test(href)) return href;
  // Resolve the path only; the query and #hash stay as written (no percent-encoding).
  const at = href.search(/[?#]/);
  const [path, rest] = at === -1 ? [href, ''] : [href.slice(0, at), href.slice(at)];
  return `${new URL(path || './', `https://site.invalid${pagePath}`).pathname}${rest}`;
}

export function rehypeCourseLinks(options: CourseLinksOptions) {
  return (tree: Root, file: VFile) => {
    const path = file.history[0];
    const pagePath = path ? lessonSitePath(path, options) : undefined;
    if (!pagePath) return;
    visit(tree, 'element', (node: Element) => {
      const href = node.properties['href'];
      if (node.tagName === 'a' && typeof href === 'string') node.properties['href'] = absoluteHref(href, pagePath);
    });
    // starlight-links-validator keys a page by its `slug` frontmatter when there is one; this
    // changes nothing else (the lesson's data was already read by the content loader).
    const astro = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
    if (astro?.frontmatter) astro.frontmatter['slug'] = pagePath.slice(options.base.replace(/\/?$/, '/').length, -1);
  };
}

/** Links the validator should leave to the built-site check: the home, module and reference
 *  pages are custom <StarlightPage> routes, which it cannot look into. */
export function isCustomPageLink(link: string, base: string): boolean {
  const prefix = base.replace(/\/?$/, '/');
  const path = link.split(/[?#]/)[0] ?? '';
  if (!path.startsWith(prefix)) return false;
  return /^(module-\d+\/|reference\/[a-z0-9-]+\/|glossary\/|troubleshooting\/|map\/)?$/.test(path.slice(prefix.length));
}
