// The diagram theme: one designed palette with a light and a dark value per colour, the
// mermaid configuration built from its light values, and the mapping that turns every colour
// of a rendered diagram into its dark counterpart. Diagrams are rendered once (light); the page
// switches colours with CSS custom properties keyed on Starlight's `data-theme`.
import { darkVariant, formatHex, opaqueHex, parseColor, toOklab, type DarkMapping, type Rgba } from './color.ts';

export interface PaletteColor {
  light: string;
  dark: string;
}

/** Starlight's page backgrounds (props.css: white, and --sl-color-black hsl(224 10% 10%)). */
export const PAGE_BACKGROUND = { light: '#ffffff', dark: '#17181c' } as const;

/**
 * Semantic colours. Each light value is unique, so a colour found in a rendered diagram maps to
 * exactly one dark value. Names become CSS custom properties `--mmd-<name>` (diagrams.css).
 */
export const PALETTE = {
  /** the page background, also behind edge labels */
  surface: { light: PAGE_BACKGROUND.light, dark: PAGE_BACKGROUND.dark },
  /** all text */
  text: { light: '#1b1f2a', dark: '#e6e8ef' },
  /** node / actor / state fill */
  node: { light: '#e8ecfd', dark: '#252b4a' },
  /** node / actor / state border */
  'node-border': { light: '#4954c8', dark: '#939ff7' },
  /** edges, arrowheads, lifelines, transitions */
  line: { light: '#4a5163', dark: '#a9afbf' },
  /** second fill: activations, alternative blocks, subgraph titles */
  'fill-2': { light: '#eef0f4', dark: '#262a33' },
  'border-2': { light: '#69707f', dark: '#8d94a3' },
  /** third fill: subgraphs (clusters), composite states */
  'fill-3': { light: '#f6f7f9', dark: '#1e2026' },
  'border-3': { light: '#7b8291', dark: '#7c8393' },
  /** notes */
  note: { light: '#fff5d4', dark: '#3a3120' },
  'note-border': { light: '#9a6700', dark: '#d4a64a' },
  /** text drawn on a line-coloured shape (sequence numbers) */
  'on-line': { light: '#fdfdfe', dark: '#16171b' },
  /** ER attribute rows */
  'row-odd': { light: '#fbfbfd', dark: '#1c1e25' },
  'row-even': { light: '#f1f3f8', dark: '#22252e' },
} as const satisfies Record<string, PaletteColor>;

export type PaletteName = keyof typeof PALETTE;

const p = (name: PaletteName): string => PALETTE[name].light;

/** Mermaid theme variables (theme 'base'), all taken from the palette's light values. */
export const THEME_VARIABLES: Record<string, string | boolean> = {
  darkMode: false,
  background: p('surface'),
  fontFamily: 'arial, "Liberation Sans", Helvetica, sans-serif',
  fontSize: '16px',
  primaryColor: p('node'),
  primaryTextColor: p('text'),
  primaryBorderColor: p('node-border'),
  secondaryColor: p('fill-2'),
  secondaryTextColor: p('text'),
  secondaryBorderColor: p('border-2'),
  tertiaryColor: p('fill-3'),
  tertiaryTextColor: p('text'),
  tertiaryBorderColor: p('border-3'),
  lineColor: p('line'),
  arrowheadColor: p('line'),
  textColor: p('text'),
  titleColor: p('text'),
  mainBkg: p('node'),
  nodeBkg: p('node'),
  nodeBorder: p('node-border'),
  nodeTextColor: p('text'),
  clusterBkg: p('fill-3'),
  clusterBorder: p('border-3'),
  defaultLinkColor: p('line'),
  edgeLabelBackground: p('surface'),
  noteBkgColor: p('note'),
  noteBorderColor: p('note-border'),
  noteTextColor: p('text'),
  // sequence diagrams
  actorBkg: p('node'),
  actorBorder: p('node-border'),
  actorTextColor: p('text'),
  actorLineColor: p('line'),
  signalColor: p('line'),
  signalTextColor: p('text'),
  labelBoxBkgColor: p('fill-2'),
  labelBoxBorderColor: p('border-2'),
  labelTextColor: p('text'),
  loopTextColor: p('text'),
  activationBkgColor: p('fill-2'),
  activationBorderColor: p('border-2'),
  sequenceNumberColor: p('on-line'),
  // state diagrams
  stateBkg: p('node'),
  stateLabelColor: p('text'),
  labelBackgroundColor: p('surface'),
  compositeBackground: p('fill-3'),
  compositeTitleBackground: p('node'),
  compositeBorder: p('border-3'),
  altBackground: p('fill-2'),
  transitionColor: p('line'),
  transitionLabelColor: p('text'),
  // class, ER and requirement diagrams
  classText: p('text'),
  attributeBackgroundColorOdd: p('row-odd'),
  attributeBackgroundColorEven: p('row-even'),
  rowOdd: p('row-odd'),
  rowEven: p('row-even'),
  relationColor: p('line'),
  relationLabelBackground: p('surface'),
  relationLabelColor: p('text'),
  requirementBackground: p('node'),
  requirementBorderColor: p('node-border'),
  requirementTextColor: p('text'),
  // gantt and timeline text
  taskTextColor: p('text'),
  taskTextOutsideColor: p('text'),
  taskTextDarkColor: p('text'),
  taskTextLightColor: p('text'),
  sectionBkgColor: p('fill-2'),
  altSectionBkgColor: p('surface'),
  sectionBkgColor2: p('node'),
  gridColor: p('border-3'),
  pieTitleTextColor: p('text'),
  pieSectionTextColor: p('text'),
  pieLegendTextColor: p('text'),
  pieStrokeColor: p('line'),
  pieOuterStrokeColor: p('line'),
  scaleLabelColor: p('text'),
};

/** The mermaid configuration every diagram is rendered with (part of the cache key). */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  theme: 'base',
  look: 'classic',
  securityLevel: 'strict',
  deterministicIds: true,
  // SVG <text> labels: no HTML inside the SVG, so the page's CSS cannot reflow a label that
  // was measured in the renderer's bare page.
  htmlLabels: false,
  // Mermaid wraps SVG labels to wrappingWidth and cuts a word that alone is wider than about
  // two thirds of it (at the default 200 px, «outbox_publicati|on», «PostgresConnec|tor»).
  // 260 px keeps every identifier of the course whole; label-splits.ts fails the build on a
  // cut word, and authors break long labels with <br/> between words.
  flowchart: { htmlLabels: false, wrappingWidth: 260 },
  fontFamily: THEME_VARIABLES.fontFamily,
  themeVariables: THEME_VARIABLES,
  // Edge labels sit on an opaque plate in the page colour, so a line never runs through text.
  themeCSS: '.edgeLabel rect { opacity: 1; }',
} as const;

const LIGHT_TO_NAME = new Map<string, PaletteName>(
  (Object.keys(PALETTE) as PaletteName[]).map((name) => [opaqueHex(mustParse(PALETTE[name].light)), name]),
);

function mustParse(text: string): Rgba {
  const color = parseColor(text);
  if (!color) throw new Error(`palette colour ${text} does not parse`);
  return color;
}

export const DARK_MAPPING: DarkMapping = {
  lightBackgroundL: toOklab(mustParse(PAGE_BACKGROUND.light)).L,
  darkBackgroundL: toOklab(mustParse(PAGE_BACKGROUND.dark)).L,
  scale: 0.94,
  chroma: 0.75,
};

/** The palette colour a rendered colour is, ignoring alpha; undefined if it is not one. */
export function paletteName(color: Rgba): PaletteName | undefined {
  return LIGHT_TO_NAME.get(opaqueHex(color));
}

/** The dark counterpart of a colour drawn for the light theme (palette first, else mapped). */
export function darkColor(color: Rgba): Rgba {
  const name = paletteName(color);
  if (name) return { ...mustParse(PALETTE[name].dark), a: color.a };
  return darkVariant(color, DARK_MAPPING);
}

export function darkColorHex(text: string): string {
  return formatHex(darkColor(mustParse(text)));
}

export interface ContrastRequirement {
  what: string;
  foreground: PaletteName;
  background: PaletteName;
  /** WCAG AA: 4.5 for text, 3 for lines and shape borders (1.4.11). */
  min: number;
}

const text = (what: string, background: PaletteName): ContrastRequirement => ({ what, foreground: 'text', background, min: 4.5 });
const graphic = (what: string, foreground: PaletteName, background: PaletteName): ContrastRequirement => ({
  what,
  foreground,
  background,
  min: 3,
});

/** Every text/shape pairing the palette produces; checked in both themes by the unit tests. */
export const CONTRAST_REQUIREMENTS: ContrastRequirement[] = [
  text('text on the page / edge labels', 'surface'),
  text('text in nodes', 'node'),
  text('text in activations and label boxes', 'fill-2'),
  text('text in subgraphs', 'fill-3'),
  text('text in notes', 'note'),
  text('ER rows (odd)', 'row-odd'),
  text('ER rows (even)', 'row-even'),
  { what: 'sequence numbers on their circle', foreground: 'on-line', background: 'line', min: 4.5 },
  graphic('edges on the page', 'line', 'surface'),
  graphic('edges inside subgraphs', 'line', 'fill-3'),
  graphic('edges over activations', 'line', 'fill-2'),
  graphic('node border on the page', 'node-border', 'surface'),
  graphic('node border against its fill', 'node-border', 'node'),
  graphic('node border inside subgraphs', 'node-border', 'fill-3'),
  graphic('secondary border on the page', 'border-2', 'surface'),
  graphic('subgraph border on the page', 'border-3', 'surface'),
  graphic('note border on the page', 'note-border', 'surface'),
  graphic('note border against its fill', 'note-border', 'note'),
];

/** The palette as CSS custom properties, dark by default like Starlight, light on data-theme=light. */
export function paletteCss(): string {
  const names = Object.keys(PALETTE) as PaletteName[];
  const block = (theme: 'light' | 'dark') => names.map((name) => `  --mmd-${name}: ${PALETTE[name][theme]};`).join('\n');
  return `:root {\n${block('dark')}\n}\n:root[data-theme='light'] {\n${block('light')}\n}\n`;
}
