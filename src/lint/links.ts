// Links of a lesson, checked without building the site. Internal links are relative (the site
// may live under a base path such as /debezium-course/), resolve to a page of the course (home,
// a module page or a lesson) with a trailing slash, and a #hash names an anchor of the target
// lesson. External links are not fetched, but must be well-formed https URLs.
import { nearest } from '../course/nearest.ts';

export interface SitePages {
  /** Site paths without the base: '/', '/module-4/', '/module-4/05-outbox-pattern-theory/'. */
  pages: ReadonlySet<string>;
  /** Anchors of pages whose headings are known (lessons); other pages are checked at build. */
  anchors: ReadonlyMap<string, ReadonlySet<string>>;
}

export interface LinkIssue {
  message: string;
  fix: string;
}

const ORIGIN = 'https://course.invalid';
const SCHEME = /^[a-z][a-z\d+.-]*:/i;

export function lessonPath(id: string): string {
  return id === '' ? '/' : `/${id}/`;
}

/** Checks one link of the page at `from` (a site path like '/module-4/05-x/'). */
export function checkLink(url: string, from: string, site: SitePages): LinkIssue | undefined {
  if (url.trim() !== url || /\s/.test(url)) return { message: 'link contains whitespace', fix: 'remove the spaces or encode them as %20' };
  if (SCHEME.test(url) || url.startsWith('//')) return checkExternal(url);
  if (url === '') return { message: 'empty link', fix: 'give the link a target' };
  if (url.startsWith('/')) {
    const relative = relativePath(from, url);
    return {
      message: 'absolute link: it ignores the base path the site is published under',
      fix: `write it relative to this lesson: "${relative}"`,
    };
  }
  const resolved = new URL(url, `${ORIGIN}${from}`);
  const path = decodeURI(resolved.pathname);
  const hash = resolved.hash ? decodeURIComponent(resolved.hash.slice(1)) : '';
  if (url.startsWith('#') || path === from) return checkHash(from, hash, site, url);
  if (!path.endsWith('/')) {
    const withSlash = `${path}/`;
    if (site.pages.has(withSlash)) return { message: 'link without a trailing slash', fix: `end the path with "/": "${url.replace(/(?=[?#]|$)/, '/')}"` };
  }
  if (!site.pages.has(path)) {
    const guess = nearest(path, site.pages);
    return {
      message: `resolves to ${path}, which is not a page of the course`,
      fix: guess ? `did you mean "${relativePath(from, guess)}"?` : 'link to a lesson as "../NN-slug/" or to another module as "../../module-N/NN-slug/"',
    };
  }
  return hash ? checkHash(path, hash, site, url) : undefined;
}

function checkHash(path: string, hash: string, site: SitePages, url: string): LinkIssue | undefined {
  if (hash === '') return undefined;
  const anchors = site.anchors.get(path);
  if (!anchors || anchors.has(hash)) return undefined;
  const guess = nearest(hash, anchors);
  return {
    message: `${path} has no heading with the anchor #${hash}`,
    fix: guess ? `did you mean "${url.replace(/#.*$/, '')}#${guess}"?` : `use one of: ${[...anchors].filter((a) => a !== '_top').join(', ')}`,
  };
}

/** A link to a port on the student's own machine (the lab: Kafka Connect :8083, Grafana :3000,
 * Jupyter :8888). Allowed in lessons and shown marked as the student's lab (rehype-lab-links). */
export const LAB_LINK = /^https?:\/\/(?:localhost|127\.0\.0\.1):\d{2,5}(?:[/?#]|$)/i;

export function isLabLink(url: string): boolean {
  return LAB_LINK.test(url);
}

export function checkExternal(url: string): LinkIssue | undefined {
  if (isLabLink(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.startsWith('//') ? `https:${url}` : url);
  } catch {
    return { message: 'external link is not a valid URL', fix: 'write it as https://host/path' };
  }
  if (url.startsWith('//')) return { message: 'protocol-relative link', fix: `write it as "https:${url}"` };
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && (parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1'))) {
    const https = parsed.protocol === 'http:' ? ` ("${url.replace(/^http:/i, 'https:')}")` : '';
    return { message: `external link uses ${parsed.protocol.slice(0, -1)}:, not https:`, fix: `link over https${https}` };
  }
  const host = parsed.hostname;
  if (host === 'localhost' || /^[\d.]+$/.test(host) || host.startsWith('[') || !host.includes('.') || host.endsWith('.')) {
    const lab = host === 'localhost' || host === '127.0.0.1';
    return {
      message: `external link to "${host}" is not a public host name`,
      fix: lab ? 'a lab address needs its port: http://localhost:8083/ (it is then shown as the student\'s lab)' : 'link to a public https address; show local addresses as inline code',
    };
  }
  if (!/^https:\/\/[^/?#]/i.test(url)) return { message: 'external link is malformed', fix: 'write it as https://host/path' };
  return undefined;
}

/** `to` written relative to the page `from` (both site paths ending with '/'). */
export function relativePath(from: string, to: string): string {
  const [toPath, ...rest] = to.split('#');
  const hash = rest.length ? `#${rest.join('#')}` : '';
  const fromParts = from.split('/').filter(Boolean);
  const toParts = (toPath ?? '').split('/').filter(Boolean);
  let common = 0;
  while (common < fromParts.length && common < toParts.length && fromParts[common] === toParts[common]) common++;
  const up = '../'.repeat(fromParts.length - common);
  const down = toParts.slice(common).join('/');
  return `${up || (down ? '' : './')}${down}${down && (toPath ?? '').endsWith('/') ? '/' : ''}${hash}` || './';
}
