// Checks the links of the built site: every internal <a href> of every page (lesson text,
// prerequisites, sidebar, pagination, home and module pages) leads to a built page under the
// base path, and its #hash to an element id on that page. External links are not fetched.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

export interface BuiltPage {
  /** Site path with base and trailing slash, e.g. '/debezium-course/module-4/'. */
  path: string;
  ids: Set<string>;
  links: { href: string; text: string }[];
}

export interface BrokenLink {
  page: string;
  href: string;
  text: string;
  reason: string;
}

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

export function readBuiltPage(path: string, html: string): BuiltPage {
  const ids = new Set<string>();
  const links: BuiltPage['links'] = [];
  visit(fromHtml(html), 'element', (node: Element) => {
    const id = node.properties['id'];
    if (typeof id === 'string') ids.add(id);
    const href = node.properties['href'];
    if (node.tagName === 'a' && typeof href === 'string') links.push({ href, text: textOf(node) });
  });
  return { path, ids, links };
}

function textOf(node: Element): string {
  let text = '';
  visit(node, 'text', (child: { value: string }) => {
    text += child.value;
  });
  return text.replace(/\s+/g, ' ').trim();
}

/** `fileExists(sitePath)` answers for non-page files (assets) under the base. */
export function checkBuiltLinks(pages: readonly BuiltPage[], base: string, fileExists: (sitePath: string) => boolean): BrokenLink[] {
  const byPath = new Map(pages.map((page) => [page.path, page]));
  const prefix = base.replace(/\/?$/, '/');
  const broken: BrokenLink[] = [];
  for (const page of pages) {
    for (const { href, text } of page.links) {
      if (SCHEME.test(href) || href.startsWith('//')) continue;
      const url = new URL(href, `https://site.invalid${page.path}`);
      const path = decodeURI(url.pathname);
      const hash = url.hash ? decodeURIComponent(url.hash.slice(1)) : '';
      const report = (reason: string) => broken.push({ page: page.path, href, text, reason });
      if (!path.startsWith(prefix) && `${path}/` !== prefix) {
        report(`outside the base path ${prefix}`);
        continue;
      }
      const target = byPath.get(path) ?? byPath.get(`${path}/`);
      if (!target) {
        if (!fileExists(path)) report(byPath.has(`${path}/`) ? 'missing trailing slash' : 'no such page');
        continue;
      }
      if (target.path !== path) report('missing trailing slash');
      else if (hash && !target.ids.has(hash)) report(`no element with id "${hash}" on ${target.path}`);
    }
  }
  return broken;
}

/** Reads every HTML page of a build output folder; `base` is Astro's base. */
export function readBuiltSite(dir: string, base: string): { pages: BuiltPage[]; fileExists: (sitePath: string) => boolean } {
  const prefix = base.replace(/\/?$/, '/');
  const pages: BuiltPage[] = [];
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.html')) continue;
    const rel = name.split(sep).join('/');
    const path = rel === 'index.html' ? prefix : rel.endsWith('/index.html') ? `${prefix}${rel.slice(0, -'index.html'.length)}` : `${prefix}${rel}`;
    pages.push(readBuiltPage(path, readFileSync(join(dir, name), 'utf8')));
  }
  const fileExists = (sitePath: string) => {
    const file = join(dir, relative(prefix, sitePath.startsWith(prefix) ? sitePath : prefix));
    return existsSync(file) && statSync(file).isFile();
  };
  return { pages, fileExists };
}

export function formatBrokenLinks(broken: readonly BrokenLink[]): string {
  return [
    `Built site has ${broken.length} broken internal link(s):`,
    ...broken.map((link, i) => `${i + 1}. ${link.page} → ${link.href}${link.text ? ` («${link.text}»)` : ''}: ${link.reason}`),
  ].join('\n');
}
