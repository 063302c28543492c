// Where the site is published. Forks deploy under their own URL by setting SITE_URL and
// BASE_PATH (the GitHub Pages workflow derives both from the repository).

export interface SiteOptions {
  site: string | undefined;
  base: string;
}

export function siteOptions(env: Record<string, string | undefined>): SiteOptions {
  const site = env.SITE_URL?.trim() || undefined;
  if (site !== undefined && !/^https?:\/\/[^/]+/.test(site)) {
    throw new Error(`SITE_URL="${site}" is not an absolute http(s) URL; set it like https://user.github.io`);
  }
  const raw = env.BASE_PATH?.trim() || '/';
  const base = `/${raw.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
  return { site, base };
}
