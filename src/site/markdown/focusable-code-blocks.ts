// Expressive Code plugin (registered in ec.config.mjs): every code block's <pre> can take focus
// from the start, so a keyboard user can scroll a wide block, with or without JavaScript
// (axe: scrollable-region-focusable). Expressive Code's own script then drops the focus from
// blocks that do not scroll and leaves the rest as they are. Left to itself, that script gives
// scrolling blocks role="region" without a name, which axe reports once two of them are on a
// page (landmark-unique).
import type { Element, Parent } from 'hast';

function setFocusable(node: Parent | Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'pre') child.properties = { ...child.properties, tabindex: '0' };
    else setFocusable(child);
  }
}

export function focusableCodeBlocks() {
  return {
    name: 'Focusable code blocks',
    hooks: {
      postprocessRenderedBlock: ({ renderData }: { renderData: { blockAst: Element } }) => setFocusable(renderData.blockAst),
    },
  };
}
