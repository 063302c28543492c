// Rehype plugin for lesson tables. Starlight lets a wide table scroll inside its own box; a
// keyboard user can scroll it only if it takes focus (axe: scrollable-region-focusable), so
// every table gets tabindex="0" (focus is outlined like the diagrams' scroll boxes). An empty
// header cell (the corner of a table whose rows are labelled by their first cell) becomes an
// ordinary cell: an empty <th> names nothing (axe: empty-table-header).
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export function rehypeAccessibleTables() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'table') node.properties = { ...node.properties, tabIndex: 0 };
      if (node.tagName === 'thead') {
        visit(node, 'element', (cell: Element) => {
          if (cell.tagName === 'th' && isBlank(cell)) cell.tagName = 'td';
        });
      }
    });
  };
}

function isBlank(node: Element): boolean {
  return node.children.every((child) => (child.type === 'text' ? child.value.trim() === '' : child.type === 'comment'));
}
