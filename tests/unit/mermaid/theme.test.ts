import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { contrast, formatHex, parseColor } from '../../../src/site/mermaid/color.ts';
import {
  CONTRAST_REQUIREMENTS,
  PAGE_BACKGROUND,
  PALETTE,
  THEME_VARIABLES,
  darkColor,
  darkColorHex,
  paletteCss,
  paletteName,
} from '../../../src/site/mermaid/theme.ts';

test.each(CONTRAST_REQUIREMENTS)('AA in both themes: $what', ({ foreground, background, min }) => {
  expect(contrast(PALETTE[foreground].light, PALETTE[background].light)).toBeGreaterThanOrEqual(min);
  expect(contrast(PALETTE[foreground].dark, PALETTE[background].dark)).toBeGreaterThanOrEqual(min);
});

test('the palette surface is Starlight’s page background in each theme', () => {
  expect(PALETTE.surface).toEqual({ light: PAGE_BACKGROUND.light, dark: PAGE_BACKGROUND.dark });
});

test('every light value is unique, so a rendered colour maps to one dark value', () => {
  const lights = Object.values(PALETTE).map((color) => formatHex(parseColor(color.light) ?? { r: 0, g: 0, b: 0, a: 0 }));
  expect(new Set(lights).size).toBe(lights.length);
});

test('every colour given to mermaid is a palette colour', () => {
  for (const [name, value] of Object.entries(THEME_VARIABLES)) {
    if (typeof value !== 'string' || name === 'fontFamily' || name === 'fontSize') continue;
    const color = parseColor(value);
    expect(color && paletteName(color), `${name}: ${value}`).toBeDefined();
  }
});

test('palette colours map to their designed dark value, keeping alpha', () => {
  expect(darkColorHex(PALETTE.text.light)).toBe(PALETTE.text.dark);
  const fadedSurface = parseColor('rgba(255, 255, 255, 0.5)');
  if (!fadedSurface) throw new Error('parse');
  expect(formatHex(darkColor(fadedSurface))).toBe(`${PALETTE.surface.dark}80`);
});

test('colours mermaid derives itself stay readable when mapped to dark', () => {
  // mermaid's own constants and colours it derives from the palette (seen in rendered SVGs)
  const pairs: [string, string][] = [
    ['#333', '#fff4dd'], // mermaid default text on its default node fill
    ['black', '#eaeaea'],
    [PALETTE.text.light, 'hsl(228, 84%, 97%)'],
    ['#000000', '#ffffff'],
  ];
  for (const [fg, bg] of pairs) {
    expect(contrast(fg, bg), `${fg} on ${bg} (light)`).toBeGreaterThanOrEqual(4.5);
    expect(contrast(darkColorHex(fg), darkColorHex(bg)), `${fg} on ${bg} (dark)`).toBeGreaterThanOrEqual(4.5);
  }
});

test('diagrams.css carries the palette exactly as theme.ts defines it', () => {
  const css = readFileSync(new URL('../../../src/site/mermaid/diagrams.css', import.meta.url), 'utf8');
  const block = /\/\* palette:start \*\/\n([\s\S]*?)\/\* palette:end \*\//.exec(css)?.[1];
  expect(block).toBe(paletteCss());
});
