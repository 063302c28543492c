// The part of Pagefind's search UI (no types of its own) that Search.astro uses.
declare module '@pagefind/default-ui' {
  export class PagefindUI {
    constructor(options: Record<string, unknown>);
  }
}
