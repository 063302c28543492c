// Rehype plugin: a link to the student's own lab (http://localhost:8083, Grafana :3000,
// Jupyter :8888) is marked as such: class lab-link and a small «стенд» label after its text,
// so nobody takes it for a page on the internet. The rule is isLabLink (src/lint/links.ts).
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { isLabLink } from '../../lint/links.ts';

export const LAB_LABEL = 'стенд';
export const LAB_TITLE = 'Адрес на вашем стенде лабораторной: открывается, когда стенд запущен';

export function rehypeLabLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const href = node.properties['href'];
      if (node.tagName !== 'a' || typeof href !== 'string' || !isLabLink(href)) return;
      const classes = node.properties['className'];
      node.properties['className'] = [...(Array.isArray(classes) ? classes.map(String) : classes ? [String(classes)] : []), 'lab-link'];
      node.properties['title'] ??= LAB_TITLE;
      if (node.children.some((child) => child.type === 'element' && child.properties['className']?.toString().includes('lab-link__label'))) return;
      node.children.push({
        type: 'element',
        tagName: 'span',
        properties: { className: ['lab-link__label'] },
        children: [{ type: 'text', value: LAB_LABEL }],
      });
    });
  };
}

/** For starlight-links-validator: lab links are not site links, leave them alone. */
export { isLabLink } from '../../lint/links.ts';
