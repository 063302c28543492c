// Pure: is a page's first diagram part of its opening screen? Then the page holds its first
// paint until the diagram is parsed (<link rel="expect" blocking="render">, added by the route
// middleware), so the student never sees the opening screen without it. Chromium paints as soon
// as the parser yields, which can be before it reaches a diagram a few paragraphs down.

/** Characters of text before a diagram that still leave it in the opening screen: a 1280×900
 * window shows the title, the lesson's metadata and about this much prose above it. */
export const OPENING_TEXT_CHARS = 1000;

/** The key the rehype plugin stores the opening diagram's id under (remarkPluginFrontmatter). */
export const OPENING_DIAGRAM_KEY = 'openingDiagram';

type Node = { type: string; value?: unknown; children?: Node[] };

/** Length of the text (whitespace collapsed) that comes before `target` in document order, or
 * undefined when `target` is not in the tree. */
export function textLengthBefore(tree: Node, target: Node): number | undefined {
  let length = 0;
  const walk = (node: Node): boolean => {
    if (node === target) return true;
    if (node.type === 'text' && typeof node.value === 'string') length += node.value.replace(/\s+/g, ' ').trim().length;
    return (node.children ?? []).some(walk);
  };
  return walk(tree) ? length : undefined;
}

export function isOpening(textBefore: number | undefined): boolean {
  return textBefore !== undefined && textBefore <= OPENING_TEXT_CHARS;
}
