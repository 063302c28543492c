import { expect, test } from 'vitest';
import { contrast, darkVariant, findColors, formatHex, parseColor } from '../../../src/site/mermaid/color.ts';
import { DARK_MAPPING, PAGE_BACKGROUND } from '../../../src/site/mermaid/theme.ts';

const hex = (text: string) => {
  const color = parseColor(text);
  if (!color) throw new Error(`no colour: ${text}`);
  return formatHex(color);
};

test('parses the colour syntaxes mermaid writes', () => {
  expect(hex('#333')).toBe('#333333');
  expect(hex('#FFF4DD')).toBe('#fff4dd');
  expect(hex('#ffffff80')).toBe('#ffffff80');
  expect(hex('rgb(8.5000000002, 5.7500000001, 0)')).toBe('#090600');
  expect(hex('rgba(243.99, 220.99, 255, 0.5)')).toBe('#f4ddff80');
  expect(hex('rgb(255 0 0 / 50%)')).toBe('#ff000080');
  expect(hex('hsl(-79.4117647059, 100%, 93.3333333333%)')).toBe(hex('hsl(280.5882352941, 100%, 93.3333333333%)'));
  expect(hex('hsl(0, 100%, 50%)')).toBe('#ff0000');
  expect(hex('lightgrey')).toBe('#d3d3d3');
  expect(hex('transparent')).toBe('#00000000');
});

test('rejects what is not a colour', () => {
  for (const text of ['none', 'currentColor', '#12345', 'rgb(1, 2)', 'url(#m)', 'solid', 'hsl(a, b, c)']) {
    expect(parseColor(text), text).toBeUndefined();
  }
});

test('computes WCAG contrast ratios', () => {
  expect(contrast('#000', '#fff')).toBeCloseTo(21, 5);
  expect(contrast('#fff', '#fff')).toBeCloseTo(1, 5);
  expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  // a translucent colour is composited on the background first
  expect(contrast('rgba(0, 0, 0, 0)', '#ffffff')).toBeCloseTo(1, 5);
});

test('finds colours in CSS values, but not inside url() or in other words', () => {
  const found = findColors('1px solid #333 url(#abc123) drop-shadow(1px 2px 2px rgba(185,185,185,1)) white none');
  expect(found.map((token) => token.text)).toEqual(['#333', 'rgba(185,185,185,1)', 'white']);
  const [first] = found;
  expect(first && '1px solid #333'.slice(first.start, first.end)).toBe('#333');
});

test('the dark mapping puts the light page on the dark page and dark text on light', () => {
  const white = parseColor(PAGE_BACKGROUND.light);
  const ink = parseColor('#222222');
  if (!white || !ink) throw new Error('parse');
  expect(contrast(formatHex(darkVariant(white, DARK_MAPPING)), PAGE_BACKGROUND.dark)).toBeLessThan(1.1);
  expect(contrast(formatHex(darkVariant(ink, DARK_MAPPING)), PAGE_BACKGROUND.dark)).toBeGreaterThan(10);
  expect(darkVariant({ ...ink, a: 0.5 }, DARK_MAPPING).a).toBe(0.5);
});

test('the dark mapping reverses lightness order (pairs keep telling apart)', () => {
  const greys = ['#111111', '#444444', '#777777', '#aaaaaa', '#dddddd', '#ffffff'].map((text) => {
    const color = parseColor(text);
    if (!color) throw new Error(text);
    return contrast(formatHex(darkVariant(color, DARK_MAPPING)), '#000000');
  });
  for (let i = 1; i < greys.length; i++) expect(greys[i]).toBeLessThan(greys[i - 1] ?? Infinity);
});
