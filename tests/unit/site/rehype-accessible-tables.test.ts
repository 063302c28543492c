import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { expect, test } from 'vitest';
import { rehypeAccessibleTables } from '../../../src/site/markdown/rehype-accessible-tables.ts';

const run = (html: string) => {
  const tree = fromHtml(html, { fragment: true });
  rehypeAccessibleTables()(tree);
  return toHtml(tree);
};

test('tables take focus so a keyboard can scroll them', () => {
  expect(run('<table><tbody><tr><td>1</td></tr></tbody></table>')).toBe('<table tabindex="0"><tbody><tr><td>1</td></tr></tbody></table>');
});

test('an empty corner header becomes a plain cell; named headers stay', () => {
  const html = run('<table><thead><tr><th> </th><th>В той же транзакции</th></tr></thead><tbody><tr><th></th><td>да</td></tr></tbody></table>');
  expect(html).toContain('<thead><tr><td> </td><th>В той же транзакции</th></tr></thead>');
  expect(html).toContain('<tbody><tr><th></th>'); // only header rows are touched
});
