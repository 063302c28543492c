// Pure colour helpers for diagram theming: CSS colour parsing, WCAG contrast, OKLab, and the
// algorithmic light→dark mapping used for colours that are not in the designed palette
// (colours mermaid derives from the palette, author `classDef`s, mermaid's own constants).

export interface Rgba {
  /** 0..255, may be fractional */
  r: number;
  g: number;
  b: number;
  /** 0..1 */
  a: number;
}

// CSS named colours (CSS Color 4). Mermaid's themes use a few of them ('white', 'black',
// 'lightgrey', 'red', 'navy', ...); an author's `classDef` may use any.
const NAMED = 'aliceblue:f0f8ff,antiquewhite:faebd7,aqua:00ffff,aquamarine:7fffd4,azure:f0ffff,beige:f5f5dc,bisque:ffe4c4,black:000000,blanchedalmond:ffebcd,blue:0000ff,blueviolet:8a2be2,brown:a52a2a,burlywood:deb887,cadetblue:5f9ea0,chartreuse:7fff00,chocolate:d2691e,coral:ff7f50,cornflowerblue:6495ed,cornsilk:fff8dc,crimson:dc143c,cyan:00ffff,darkblue:00008b,darkcyan:008b8b,darkgoldenrod:b8860b,darkgray:a9a9a9,darkgreen:006400,darkgrey:a9a9a9,darkkhaki:bdb76b,darkmagenta:8b008b,darkolivegreen:556b2f,darkorange:ff8c00,darkorchid:9932cc,darkred:8b0000,darksalmon:e9967a,darkseagreen:8fbc8f,darkslateblue:483d8b,darkslategray:2f4f4f,darkslategrey:2f4f4f,darkturquoise:00ced1,darkviolet:9400d3,deeppink:ff1493,deepskyblue:00bfff,dimgray:696969,dimgrey:696969,dodgerblue:1e90ff,firebrick:b22222,floralwhite:fffaf0,forestgreen:228b22,fuchsia:ff00ff,gainsboro:dcdcdc,ghostwhite:f8f8ff,gold:ffd700,goldenrod:daa520,gray:808080,green:008000,greenyellow:adff2f,grey:808080,honeydew:f0fff0,hotpink:ff69b4,indianred:cd5c5c,indigo:4b0082,ivory:fffff0,khaki:f0e68c,lavender:e6e6fa,lavenderblush:fff0f5,lawngreen:7cfc00,lemonchiffon:fffacd,lightblue:add8e6,lightcoral:f08080,lightcyan:e0ffff,lightgoldenrodyellow:fafad2,lightgray:d3d3d3,lightgreen:90ee90,lightgrey:d3d3d3,lightpink:ffb6c1,lightsalmon:ffa07a,lightseagreen:20b2aa,lightskyblue:87cefa,lightslategray:778899,lightslategrey:778899,lightsteelblue:b0c4de,lightyellow:ffffe0,lime:00ff00,limegreen:32cd32,linen:faf0e6,magenta:ff00ff,maroon:800000,mediumaquamarine:66cdaa,mediumblue:0000cd,mediumorchid:ba55d3,mediumpurple:9370db,mediumseagreen:3cb371,mediumslateblue:7b68ee,mediumspringgreen:00fa9a,mediumturquoise:48d1cc,mediumvioletred:c71585,midnightblue:191970,mintcream:f5fffa,mistyrose:ffe4e1,moccasin:ffe4b5,navajowhite:ffdead,navy:000080,oldlace:fdf5e6,olive:808000,olivedrab:6b8e23,orange:ffa500,orangered:ff4500,orchid:da70d6,palegoldenrod:eee8aa,palegreen:98fb98,paleturquoise:afeeee,palevioletred:db7093,papayawhip:ffefd5,peachpuff:ffdab9,peru:cd853f,pink:ffc0cb,plum:dda0dd,powderblue:b0e0e6,purple:800080,rebeccapurple:663399,red:ff0000,rosybrown:bc8f8f,royalblue:4169e1,saddlebrown:8b4513,salmon:fa8072,sandybrown:f4a460,seagreen:2e8b57,seashell:fff5ee,sienna:a0522d,silver:c0c0c0,skyblue:87ceeb,slateblue:6a5acd,slategray:708090,slategrey:708090,snow:fffafa,springgreen:00ff7f,steelblue:4682b4,tan:d2b48c,teal:008080,thistle:d8bfd8,tomato:ff6347,turquoise:40e0d0,violet:ee82ee,wheat:f5deb3,white:ffffff,whitesmoke:f5f5f5,yellow:ffff00,yellowgreen:9acd32';

export const NAMED_COLORS: ReadonlyMap<string, string> = new Map(
  NAMED.split(',').map((pair) => {
    const [name = '', hex = ''] = pair.split(':');
    return [name, `#${hex}`];
  }),
);

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?`;
const FUNCTION_RE = /^(rgba?|hsla?)\(([^()]*)\)$/i;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function parseComponent(token: string, percentScale: number): number | undefined {
  const match = new RegExp(`^(${NUMBER})(%?)$`, 'i').exec(token.trim());
  if (!match) return undefined;
  const value = Number(match[1]);
  return match[2] === '%' ? (value / 100) * percentScale : value;
}

function parseAlpha(token: string | undefined): number | undefined {
  if (token === undefined) return 1;
  const value = parseComponent(token, 1);
  return value === undefined ? undefined : clamp(value, 0, 1);
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const hue = ((h % 360) + 360) % 360;
  const k = (n: number) => (n + hue / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1));
  return [f(0) * 255, f(8) * 255, f(4) * 255];
}

/** Parses a CSS colour (hex, rgb[a](), hsl[a](), named, transparent); undefined if not one. */
export function parseColor(input: string): Rgba | undefined {
  const text = input.trim().toLowerCase();
  if (text === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const named = NAMED_COLORS.get(text);
  if (named) return parseColor(named);
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(text);
  if (hex) {
    let digits = hex[1] ?? '';
    if (digits.length <= 4) digits = [...digits].map((d) => d + d).join('');
    const n = (i: number) => parseInt(digits.slice(i, i + 2), 16);
    return { r: n(0), g: n(2), b: n(4), a: digits.length === 8 ? n(6) / 255 : 1 };
  }
  const fn = FUNCTION_RE.exec(text);
  if (!fn) return undefined;
  const kind = (fn[1] ?? '').slice(0, 3);
  const body = fn[2] ?? '';
  // Legacy comma syntax or modern space syntax with an optional "/ alpha".
  let parts: string[];
  let alphaToken: string | undefined;
  if (body.includes(',')) {
    parts = body.split(',').map((p) => p.trim());
    if (parts.length === 4) alphaToken = parts.pop();
  } else {
    const [main = '', alpha] = body.split('/');
    parts = main.trim().split(/\s+/);
    alphaToken = alpha?.trim();
  }
  if (parts.length !== 3) return undefined;
  const a = parseAlpha(alphaToken);
  if (a === undefined) return undefined;
  if (kind === 'rgb') {
    const [r, g, b] = parts.map((p) => parseComponent(p, 255));
    if (r === undefined || g === undefined || b === undefined) return undefined;
    return { r: clamp(r, 0, 255), g: clamp(g, 0, 255), b: clamp(b, 0, 255), a };
  }
  const h = parseComponent((parts[0] ?? '').replace(/deg$/, ''), 360);
  const s = parseComponent(parts[1] ?? '', 1);
  const l = parseComponent(parts[2] ?? '', 1);
  if (h === undefined || s === undefined || l === undefined) return undefined;
  const [r, g, b] = hslToRgb(h, clamp(s, 0, 1), clamp(l, 0, 1));
  return { r, g, b, a };
}

function hex2(value: number): string {
  return Math.round(clamp(value, 0, 255)).toString(16).padStart(2, '0');
}

/** '#rrggbb', or '#rrggbbaa' when not opaque. */
export function formatHex(color: Rgba): string {
  const base = `#${hex2(color.r)}${hex2(color.g)}${hex2(color.b)}`;
  return color.a >= 1 ? base : `${base}${hex2(color.a * 255)}`;
}

/** The colour without alpha, as '#rrggbb' (used to look colours up in the palette). */
export function opaqueHex(color: Rgba): string {
  return formatHex({ ...color, a: 1 });
}

/** Source-over compositing of `top` on an opaque `bottom`. */
export function composite(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a;
  return {
    r: top.r * a + bottom.r * (1 - a),
    g: top.g * a + bottom.g * (1 - a),
    b: top.b * a + bottom.b * (1 - a),
    a: 1,
  };
}

function linear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function gamma(value: number): number {
  const v = clamp(value, 0, 1);
  return (v <= 0.0031308 ? v * 12.92 : 1.055 * v ** (1 / 2.4) - 0.055) * 255;
}

/** WCAG 2 relative luminance of an opaque colour. */
export function relativeLuminance(color: Rgba): number {
  return 0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b);
}

/** WCAG 2 contrast ratio; a translucent foreground is composited on the background first. */
export function contrastRatio(foreground: Rgba, background: Rgba): number {
  const bg = background.a < 1 ? composite(background, { r: 255, g: 255, b: 255, a: 1 }) : background;
  const fg = foreground.a < 1 ? composite(foreground, bg) : foreground;
  const [hi, lo] = [relativeLuminance(fg), relativeLuminance(bg)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Contrast of two CSS colour strings; throws on an unparsable colour. */
export function contrast(foreground: string, background: string): number {
  const fg = parseColor(foreground);
  const bg = parseColor(background);
  if (!fg || !bg) throw new Error(`not a colour: ${fg ? background : foreground}`);
  return contrastRatio(fg, bg);
}

interface Oklab {
  L: number;
  a: number;
  b: number;
}

export function toOklab(color: Rgba): Oklab {
  const r = linear(color.r);
  const g = linear(color.g);
  const b = linear(color.b);
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return {
    L: 0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
    a: 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
    b: 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
  };
}

function oklabToLinear({ L, a, b }: Oklab): [number, number, number] {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  return [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
}

/** OKLab → sRGB, reducing chroma until the colour fits the sRGB gamut. */
export function fromOklab(lab: Oklab, alpha = 1): Rgba {
  let { a, b } = lab;
  for (let i = 0; i < 40; i++) {
    const rgb = oklabToLinear({ L: lab.L, a, b });
    if (rgb.every((c) => c >= -1e-4 && c <= 1 + 1e-4)) {
      return { r: gamma(rgb[0]), g: gamma(rgb[1]), b: gamma(rgb[2]), a: alpha };
    }
    a *= 0.9;
    b *= 0.9;
  }
  const rgb = oklabToLinear({ L: lab.L, a: 0, b: 0 });
  return { r: gamma(rgb[0]), g: gamma(rgb[1]), b: gamma(rgb[2]), a: alpha };
}

export interface DarkMapping {
  /** OKLab lightness of the light page background (white: 1). */
  lightBackgroundL: number;
  /** OKLab lightness of the dark page background. */
  darkBackgroundL: number;
  /** How much lightness differences shrink (<1) or grow when flipped. */
  scale: number;
  /** Chroma kept in the dark variant (dark surfaces look garish at full chroma). */
  chroma: number;
}

/**
 * Maps a colour drawn for a light background to one for a dark background: lightness is
 * mirrored around the two page backgrounds (the light background lands on the dark one, dark
 * text becomes light text), hue is kept and chroma reduced. Monotonic in lightness, so a
 * colour pair keeps its order and roughly its contrast.
 */
export function darkVariant(color: Rgba, mapping: DarkMapping): Rgba {
  const lab = toOklab(color);
  const L = clamp(mapping.darkBackgroundL + (mapping.lightBackgroundL - lab.L) * mapping.scale, 0, 1);
  return fromOklab({ L, a: lab.a * mapping.chroma, b: lab.b * mapping.chroma }, color.a);
}

export interface ColorToken {
  start: number;
  end: number;
  text: string;
  color: Rgba;
}

const TOKEN_RE = /url\([^)]*\)|#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\([^()]*\)|\b[a-z]+\b/gi;

/** The colours written in a CSS value (skipping url(...) and non-colour words). */
export function findColors(value: string): ColorToken[] {
  const tokens: ColorToken[] = [];
  for (const match of value.matchAll(TOKEN_RE)) {
    const text = match[0];
    if (/^url\(/i.test(text)) continue;
    // Words only count as named colours; 'transparent', 'none', 'currentColor' stay as they are.
    if (/^[a-z]+$/i.test(text) && !NAMED_COLORS.has(text.toLowerCase())) continue;
    const color = parseColor(text);
    if (!color) continue;
    const start = match.index;
    tokens.push({ start, end: start + text.length, text, color });
  }
  return tokens;
}
