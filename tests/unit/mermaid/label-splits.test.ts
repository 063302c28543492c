import { fromHtml } from 'hast-util-from-html';
import { expect, test } from 'vitest';
import { labelSplitProblem, splitTokens } from '../../../src/site/mermaid/label-splits.ts';
import { findSvg } from '../../../src/site/mermaid/svg-postprocess.ts';

const label = (...rows: string[]) =>
  `<text>${rows.map((row) => `<tspan class="text-outer-tspan row">${row.split(/(?= )/).map((word) => `<tspan class="text-inner-tspan">${word}</tspan>`).join('')}</tspan>`).join('')}</text>`;
const svg = (...labels: string[]) => findSvg(fromHtml(`<svg viewBox="0 0 10 10">${labels.join('')}</svg>`, { fragment: true }))!;

test('a line break inside a token of the source is found', () => {
  const source = 'flowchart TB\n  slot[("WAL: слот outbox_slot,<br/>публикация outbox_publication")]\n  c["PostgresConnector + EventRouter"]';
  const found = splitTokens(svg(label('WAL: слот', 'outbox_slot,', 'публикация', 'outbox_publicati', 'on'), label('PostgresConnec', 'tor +', 'EventRouter')), source);
  expect(found).toEqual(['outbox_publicati|on', 'PostgresConnec|tor']);
});

test('breaks between words, at <br/> and in one-line labels are fine', () => {
  const source = 'flowchart TB\n  a["orders + outbox,<br/>одна транзакция"]\n  b["kafka-console-consumer.sh"]';
  expect(splitTokens(svg(label('orders + outbox,', 'одна транзакция'), label('kafka-console-consumer.sh')), source)).toEqual([]);
});

test('the problem names the file, the fence line and the cut words', () => {
  const problem = labelSplitProblem('a.mdx', 12, ['outbox_publicati|on']);
  expect(problem).toMatchObject({ file: 'a.mdx', line: 12, field: 'mermaid label', value: 'outbox_publicati|on' });
  expect(problem.fix).toContain('<br/>');
});
