import { expect, test } from 'vitest';
import { diagramFigureHtml, escapeHtml, renameDiagramId, svgRootAttributes } from '../../../src/site/mermaid/markup.ts';

const svg = '<svg id="mmd-1" aria-hidden="true"><g id="mmd-1-a"></g></svg>';

test('the scroll box is a named, focusable image', () => {
  const html = diagramFigureHtml({ svg, id: 'mmd-1', name: 'Путь «события» & <WAL>', description: undefined, kind: 'flowchart' });
  expect(html).toBe(
    '<div class="mermaid-diagram not-content" data-diagram="flowchart">' +
      '<div class="mermaid-diagram__viewport" role="img" aria-label="Путь «события» &amp; &lt;WAL&gt;" tabindex="0">' +
      svg +
      '</div></div>',
  );
});

test('a description is referenced from the image and hidden from view', () => {
  const html = diagramFigureHtml({ svg, id: 'mmd-1', name: 'N', description: 'Из "WAL"', kind: 'sequence' });
  expect(html).toContain('aria-describedby="mmd-1-desc"');
  expect(html).toContain('<p id="mmd-1-desc" hidden>Из &quot;WAL&quot;</p>');
});

test('the root carries its natural width for the responsive rules', () => {
  expect(svgRootAttributes(523.456)).toEqual({ className: ['mermaid-diagram__svg'], style: '--mmd-width:523.46px;max-width:523.46px' });
});

test('a second copy on a page gets its own ids', () => {
  expect(renameDiagramId(svg, 'mmd-1', 'mmd-1-2')).toBe('<svg id="mmd-1-2" aria-hidden="true"><g id="mmd-1-2-a"></g></svg>');
  expect(escapeHtml(`'`)).toBe('&#39;');
});
