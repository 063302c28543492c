// The speed budget of a course page, as measured in headless Chromium on the built site
// (scripts/bench-pages.ts; scripts/screenshot-diagrams.ts checks the weight part too).
export const KIB = 1024;

export const PAGE_BUDGET = {
  /** everything the page fetches, its diagrams included (they are inline SVG), gzip */
  totalGzip: 60 * KIB,
  /** script: files and inline scripts, including what loads when the browser goes idle, gzip */
  scriptGzip: 15 * KIB,
  /** a diagram scrolled into view is painted within a few frames: no script stands in between */
  scrollToVisibleMs: 100,
} as const;

export const kib = (bytes: number, digits = 1) => (bytes / KIB).toFixed(digits);
