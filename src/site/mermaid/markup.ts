// Pure: the markup a diagram is shipped as. The scroll box carries role="img" and the
// accessible name; the SVG inside is hidden from assistive technology (its text is the picture).
// Built as a string: pages only concatenate cached SVG markup, no parsing per page.

/** Escapes text for an HTML attribute value or text content. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Root attributes the page styles rely on: class, and the natural width (diagrams.css). */
export function svgRootAttributes(width: number): { className: string[]; style: string } {
  const natural = Math.round(width * 100) / 100;
  return { className: ['mermaid-diagram__svg'], style: `--mmd-width:${natural}px;max-width:${natural}px` };
}

export interface FigureInput {
  /** the SVG markup, ids scoped to `id` */
  svg: string;
  id: string;
  name: string;
  description: string | undefined;
  kind: string;
}

export function diagramFigureHtml({ svg, id, name, description, kind }: FigureInput): string {
  const describedBy = description ? ` aria-describedby="${escapeHtml(id)}-desc"` : '';
  const desc = description ? `<p id="${escapeHtml(id)}-desc" hidden>${escapeHtml(description)}</p>` : '';
  return (
    `<div class="mermaid-diagram not-content" data-diagram="${escapeHtml(kind)}">` +
    `<div class="mermaid-diagram__viewport" role="img" aria-label="${escapeHtml(name)}" tabindex="0"${describedBy}>${svg}</div>` +
    `${desc}</div>`
  );
}

/** Gives a second copy of the same diagram on one page its own ids. */
export function renameDiagramId(svgMarkup: string, from: string, to: string): string {
  return svgMarkup.replaceAll(from, to);
}
