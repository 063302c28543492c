import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { expect, test } from 'vitest';
import { diagramLineFromMessage, formatDiagramError, svgProblem } from '../../../src/site/mermaid/errors.ts';
import { findSvg } from '../../../src/site/mermaid/svg-postprocess.ts';

const PARSE_ERROR = "Parse error on line 3:\n...B --> --> C\n----------^\nExpecting 'AMP', got 'LINK'";

test('reads the diagram line from mermaid messages', () => {
  expect(diagramLineFromMessage(PARSE_ERROR)).toBe(3);
  expect(diagramLineFromMessage('Lexical error on line 12. Unrecognized text.')).toBe(12);
  expect(diagramLineFromMessage('No diagram type detected matching given configuration for text: foo')).toBeUndefined();
});

test('names the file and the file line, then mermaid’s message', () => {
  const message = formatDiagramError({ file: 'src/content/course/04-module-4/05-x.mdx', fenceLine: 20 }, PARSE_ERROR);
  expect(message).toMatch(/^Invalid Mermaid diagram at src\/content\/course\/04-module-4\/05-x\.mdx:23 \(line 3 of the mermaid block that starts at line 20\):\n/);
  expect(message).toContain("Expecting 'AMP', got 'LINK'");
});

test('falls back to the fence line when mermaid gives no line', () => {
  const message = formatDiagramError({ file: 'a.mdx', fenceLine: 7 }, 'No diagram type detected matching given configuration for text: foo');
  expect(message).toContain('a.mdx:7 (the mermaid block starting here)');
});

const svg = (markup: string) => findSvg(fromHtml(markup, { fragment: true })) as Element;

test('accepts a drawn diagram', () => {
  expect(svgProblem(svg('<svg id="x" viewBox="0 0 100 50"><g><rect width="10" height="10"></rect><text>A</text></g></svg>'))).toBeUndefined();
});

test('rejects mermaid’s error picture, empty and blank SVGs', () => {
  expect(svgProblem(svg('<svg aria-roledescription="error" viewBox="0 0 2412 512"><path d="M0 0"></path></svg>'))).toMatch(/error diagram/);
  expect(svgProblem(svg('<svg viewBox="0 0 0 0"><rect></rect></svg>'))).toMatch(/empty/);
  expect(svgProblem(svg('<svg viewBox="0 0 10 10"><g><marker><path d="M0 0"></path></marker></g></svg>'))).toMatch(/draws nothing/);
  expect(svgProblem(undefined)).toMatch(/no SVG/);
});
