import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { expect, test } from 'vitest';
import type { GlossaryTerm } from '../../../src/course/glossary.ts';
import { termMatcher } from '../../../src/lint/term-uses.ts';
import { linkFirstUses } from '../../../src/site/markdown/rehype-glossary-links.ts';

const term = (id: string, ru: string): GlossaryTerm => ({ id, ru, en: id, definition: 'Определение.', avoid: [] });
const matcher = termMatcher([term('replication-slot', 'слот репликации'), term('topic', 'топик')]);

test('links the first use in prose once per term; never in headings, code, links or summaries', () => {
  const tree = fromHtml(
    '<h2>Слот репликации</h2><p>Код <code>слот репликации</code>, <a href="/x/">топик</a>.</p>' +
      '<details><summary>Что такое топик?</summary><p>Слоты репликации держат WAL, топики хранят события.</p></details>' +
      '<p>Ещё слот репликации и топик.</p>',
    { fragment: true },
  );
  expect(linkFirstUses(tree, matcher, '/base/glossary/')).toEqual(['replication-slot', 'topic']);
  expect(toHtml(tree)).toBe(
    '<h2>Слот репликации</h2><p>Код <code>слот репликации</code>, <a href="/x/">топик</a>.</p>' +
      '<details><summary>Что такое топик?</summary><p><a href="/base/glossary/#replication-slot" class="glossary-link" title="Термин из глоссария курса">Слоты репликации</a> держат WAL, ' +
      '<a href="/base/glossary/#topic" class="glossary-link" title="Термин из глоссария курса">топики</a> хранят события.</p></details>' +
      '<p>Ещё слот репликации и топик.</p>',
  );
});

test('MDX JSX elements are looked into, except <summary>, <q> and the other skipped tags', () => {
  const jsx = (name: string, children: unknown[]) => ({ type: 'mdxJsxFlowElement', name, attributes: [], children });
  const tree = {
    type: 'root',
    children: [
      jsx('details', [jsx('summary', [{ type: 'text', value: 'Что такое топик?' }]), jsx('Aside', [{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: 'Топик хранит события.' }] }])]),
    ],
  } as unknown as Parameters<typeof linkFirstUses>[0];
  expect(linkFirstUses(tree, matcher, '/g/')).toEqual(['topic']);
  expect(JSON.stringify(tree)).toContain('"value":"Что такое топик?"');
  expect(JSON.stringify(tree)).toContain('"href":"/g/#topic"');
});
