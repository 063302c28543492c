import { readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { expect, test } from 'vitest';
import { cleanStyleAttribute, findSvg, processSvg, roundNumbers } from '../../../src/site/mermaid/svg-postprocess.ts';
import { PALETTE } from '../../../src/site/mermaid/theme.ts';

const svgOf = (markup: string) => findSvg(fromHtml(markup, { fragment: true })) as Element;
const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}.svg`, import.meta.url), 'utf8');

const SAMPLE = `<svg id="mmd-1" width="100%" style="max-width: 200px;" viewBox="0 0 200 100" role="graphics-document document" aria-roledescription="flowchart-v2" aria-labelledby="chart-title-mmd-1" aria-describedby="chart-desc-mmd-1">
<title id="chart-title-mmd-1">Путь события</title><desc id="chart-desc-mmd-1">Из WAL в Kafka</desc>
<style>#mmd-1{fill:${PALETTE.text.light};}#mmd-1 .node rect{fill:${PALETTE.node.light};stroke:#aa0000;}#mmd-1 .x{filter:drop-shadow(1px 2px 2px rgba(185,185,185,1));}</style>
<defs><filter id="mmd-1-shadow"><feDropShadow flood-color="#000000"></feDropShadow></filter></defs>
<g><marker id="mmd-1_pointEnd"><path d="M0 0"></path></marker><marker id="mmd-1_unused"><path d="M0 0"></path></marker>
<path d="M0 0L10 10" marker-end="url(#mmd-1_pointEnd)" data-points="AAAA"></path>
<g class="node"><rect width="10.123456" height="10" fill="#eaeaea" style="normal;;fill:#ffdddd !important;;"></rect></g>
<g id="actor7" class="x"><use href="#actor7"></use></g><text>A</text></g></svg>`;

test('palette colours become the palette’s CSS variables', () => {
  const { svg } = processSvg(svgOf(SAMPLE));
  const html = toHtml(svg, { space: 'svg' });
  expect(html).toContain('#mmd-1{fill:var(--mmd-text);}');
  expect(html).toContain('fill:var(--mmd-node)');
});

test('other colours get per-diagram variables with a dark value for every theme but light', () => {
  const { svg, derivedColors } = processSvg(svgOf(SAMPLE));
  const html = toHtml(svg, { space: 'svg' });
  expect(html).toMatch(/#mmd-1\{--mc0:#aa0000;--mc1:#b9b9b9;--mc2:#ffdddd;--mc3:#eaeaea\}/);
  expect(html).toMatch(/:root:not\(\[data-theme='light'\]\) #mmd-1\{--mc0:#[0-9a-f]{6};/);
  expect(html).toContain('stroke:var(--mc0)');
  expect(html).toContain('drop-shadow(1px 2px 2px var(--mc1))');
  expect(derivedColors).toBe(4);
});

test('a presentation attribute keeps its value and gets a zero-specificity themed override', () => {
  const html = toHtml(processSvg(svgOf(SAMPLE)).svg, { space: 'svg' });
  expect(html).toContain('fill="#eaeaea"');
  expect(html).toContain(':where(#mmd-1 [fill="#eaeaea"]){fill:var(--mc3)}');
});

test('inline styles are themed and cleaned', () => {
  const html = toHtml(processSvg(svgOf(SAMPLE)).svg, { space: 'svg' });
  expect(html).toContain('style="fill:var(--mc2) !important"');
  expect(cleanStyleAttribute('normal;;;fill:none;;;fill:none')).toBe('fill:none;fill:none');
  expect(cleanStyleAttribute('')).toBe('');
});

test('title and description move out; the root is sized by its viewBox and hidden from AT', () => {
  const result = processSvg(svgOf(SAMPLE));
  expect(result).toMatchObject({ title: 'Путь события', description: 'Из WAL в Kafka', kind: 'flowchart-v2', width: 200, height: 100 });
  const html = toHtml(result.svg, { space: 'svg' });
  expect(html).not.toMatch(/<title|<desc|role=|aria-roledescription|aria-labelledby|max-width/);
  expect(html).toMatch(/^<svg id="mmd-1" width="200" viewBox="0 0 200 100" height="100" aria-hidden="true">/);
});

test('style rules that match nothing in the diagram go, with unused keyframes', () => {
  const svg = svgOf(`<svg id="mmd-2" viewBox="0 0 10 10"><style>#mmd-2 .node rect{fill:red}#mmd-2 .cluster rect{fill:blue}#mmd-2 .a,#mmd-2 .node{stroke:green}@keyframes dash{to{stroke-dashoffset:0}}#mmd-2 :root{--x:1}</style><g class="node"><rect width="1" height="1"></rect></g></svg>`);
  const style = /<style>(.*)<\/style>/.exec(toHtml(processSvg(svg).svg, { space: 'svg' }))?.[1] ?? '';
  expect(style).toContain('#mmd-2 .node rect{');
  expect(style).toContain('#mmd-2 .a,#mmd-2 .node{');
  expect(style).not.toMatch(/cluster|keyframes|:root\{--x/);
});

test('coordinates are rounded to 1/100 px', () => {
  expect(roundNumbers('M2.5 0 C2.5 0.14470681472244193, -0.0012 1e-7')).toBe('M2.5 0 C2.5 0.14, 0 1e-7');
  // compact path data (mermaid's database symbol): each number stays a number of its own
  expect(roundNumbers('M12.258.001l.256.004.255.008-.3334.5-.00011.5')).toBe('M12.26 0l0.26 0 0.26 0.01-0.33 .5 0 .5');
  expect(roundNumbers('translate(10.12345,-3.0001) max-width: 924.5px')).toBe('translate(10.12,-3) max-width: 924.5px');
  expect(toHtml(processSvg(svgOf(SAMPLE)).svg, { space: 'svg' })).toContain('width="10.12"');
});

test('unused markers, filters and data-points go; used markers stay', () => {
  const html = toHtml(processSvg(svgOf(SAMPLE)).svg, { space: 'svg' });
  expect(html).not.toMatch(/<filter|<defs|flood-color/);
  expect(html).toContain('id="mmd-1_pointEnd"');
  expect(html).not.toContain('mmd-1_unused');
  expect(html).not.toContain('data-points');
});

test('ids mermaid numbers page-wide are scoped to the diagram, with their references', () => {
  const html = toHtml(processSvg(svgOf(SAMPLE)).svg, { space: 'svg' });
  expect(html).toContain('<g id="mmd-1-actor7" class="x"><use href="#mmd-1-actor7"></use></g>');
});

test.each(['flowchart', 'sequence', 'state'])('a real %s: every colour themed, every id scoped', (name) => {
  const svg = svgOf(fixture(name));
  const id = String(svg.properties['id']);
  const result = processSvg(svg);
  const html = toHtml(result.svg, { space: 'svg' });
  const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
  // outside the variable definitions, the style sheet holds no literal colour
  const rules = style.replace(/#[\w-]+\{(--mc\d+:#[0-9a-f]+;?)+\}/g, '').replace(/:root:not\(\[data-theme='light'\]\) /g, '');
  expect(rules).not.toMatch(/:\s*(#[0-9a-f]{3,8}|rgba?\(|hsla?\()/i);
  for (const match of html.matchAll(/\sid="([^"]+)"/g)) expect(match[1]?.startsWith(id)).toBe(true);
  expect(result.width).toBeGreaterThan(0);
});

test('the flowchart fixture keeps its accTitle/accDescr and its classDef colour', () => {
  const result = processSvg(svgOf(fixture('flowchart')));
  expect(result.title).toBe('Путь события');
  expect(result.description).toBe('Приложение пишет в PostgreSQL, Debezium публикует в Kafka.');
  expect(toHtml(result.svg, { space: 'svg' })).toMatch(/--mc\d+:#ffdddd/);
});
