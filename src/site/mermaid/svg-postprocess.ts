// Pure post-processing of one SVG rendered by mermaid (as a hast tree): makes every colour
// follow the page theme through CSS custom properties, removes what a static page does not
// need, and reads the accessible title/description mermaid wrote. No IO.
import type { Element, ElementContent, Root, Text } from 'hast';
import { select } from 'hast-util-select';
import { findColors, formatHex, type Rgba } from './color.ts';
import { darkColor, paletteName } from './theme.ts';

/** Presentation attributes that hold a colour (hast property names). */
const COLOR_PROPERTIES: Record<string, string> = {
  fill: 'fill',
  stroke: 'stroke',
  stopColor: 'stop-color',
  floodColor: 'flood-color',
  lightingColor: 'lighting-color',
  color: 'color',
};

export interface ProcessedSvg {
  svg: Element;
  width: number;
  height: number;
  title: string | undefined;
  description: string | undefined;
  /** the diagram kind mermaid reported (aria-roledescription), e.g. 'flowchart-v2' */
  kind: string | undefined;
  /** colours that are not in the palette and were mapped to a dark variant algorithmically */
  derivedColors: number;
}

export function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as { type?: unknown }).type === 'element';
}

export function textOf(node: Element | Root | ElementContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => textOf(child as ElementContent)).join('');
  return '';
}

function* walk(node: Element | Root): Generator<Element> {
  for (const child of node.children) {
    if (!isElement(child)) continue;
    yield child;
    yield* walk(child);
  }
}

/** Finds the first <svg> element in a parsed fragment. */
export function findSvg(tree: Root | Element): Element | undefined {
  if (isElement(tree) && tree.tagName === 'svg') return tree;
  for (const element of walk(tree)) if (element.tagName === 'svg') return element;
  return undefined;
}

/** Tracks the colours of one diagram and the CSS variable each one is written as. */
class ColorTable {
  private readonly locals = new Map<string, { name: string; color: Rgba }>();

  reference(color: Rgba): string {
    const name = color.a >= 1 ? paletteName(color) : undefined;
    if (name) return `var(--mmd-${name})`;
    const key = formatHex(color);
    let local = this.locals.get(key);
    if (!local) {
      local = { name: `--mc${this.locals.size}`, color };
      this.locals.set(key, local);
    }
    return `var(${local.name})`;
  }

  get derivedCount(): number {
    let count = 0;
    for (const { color } of this.locals.values()) if (!paletteName(color)) count += 1;
    return count;
  }

  /** Light values on the diagram, dark values unless the page is in the light theme. */
  css(selector: string): string {
    if (this.locals.size === 0) return '';
    const entries = [...this.locals.values()];
    const light = entries.map(({ name, color }) => `${name}:${formatHex(color)}`).join(';');
    const dark = entries.map(({ name, color }) => `${name}:${formatHex(darkColor(color))}`).join(';');
    return `${selector}{${light}}:root:not([data-theme='light']) ${selector}{${dark}}`;
  }
}

function replaceColors(value: string, table: ColorTable): string {
  const tokens = findColors(value);
  let out = value;
  for (const token of tokens.reverse()) {
    out = out.slice(0, token.start) + table.reference(token.color) + out.slice(token.end);
  }
  return out;
}

/** Rewrites colours inside the declaration values of a style sheet or a style attribute. */
export function themeCss(css: string, table: ColorTable): string {
  return css.replace(/(^|[{;])(\s*)(-{0,2}[a-z][-a-z]*)(\s*:\s*)([^;{}]*)/gi, (_all, lead: string, space: string, prop: string, colon: string, value: string) => {
    return `${lead}${space}${prop}${colon}${replaceColors(value, table)}`;
  });
}

/** Drops empty and malformed declarations ("normal", ";;;") mermaid leaves in style attributes. */
export function cleanStyleAttribute(style: string): string {
  return style
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => /^-{0,2}[a-z][-a-z]*\s*:\s*\S/i.test(declaration))
    .join(';');
}

function viewBoxSize(svg: Element): { width: number; height: number } {
  const raw = svg.properties['viewBox'];
  const parts = String(raw ?? '').trim().split(/[\s,]+/).map(Number);
  const [, , width = 0, height = 0] = parts;
  return { width: Number.isFinite(width) ? width : 0, height: Number.isFinite(height) ? height : 0 };
}

function collectUrlReferences(svg: Element, styleText: string): Set<string> {
  const refs = new Set<string>();
  const scan = (value: string) => {
    for (const match of value.matchAll(/url\(\s*['"]?#([^'")\s]+)['"]?\s*\)/g)) refs.add(match[1] ?? '');
    for (const match of value.matchAll(/^#(.+)$/g)) refs.add(match[1] ?? '');
  };
  scan(styleText);
  for (const element of walk(svg)) {
    for (const [key, value] of Object.entries(element.properties)) {
      if (typeof value === 'string' && (value.includes('url(') || (key.toLowerCase().endsWith('href') && value.startsWith('#')))) scan(value);
    }
  }
  return refs;
}

function removeChildren(parent: Element | Root, drop: (child: Element) => boolean): void {
  parent.children = parent.children.filter((child) => !(isElement(child) && drop(child))) as typeof parent.children;
  for (const child of parent.children) if (isElement(child)) removeChildren(child, drop);
}

/**
 * Post-processes mermaid's SVG in place: theme colours become `var(--mmd-*)` (palette) or
 * per-diagram variables with a computed dark value; presentation-attribute colours get
 * zero-specificity overrides; title/desc/ARIA move to the page wrapper; unused markers and
 * mermaid's data-points go.
 */
export function processSvg(svg: Element): ProcessedSvg {
  const id = String(svg.properties['id'] ?? '');
  if (!id) throw new Error('rendered SVG has no id');
  const table = new ColorTable();

  // Title and description (accTitle / accDescr) as mermaid wrote them.
  const direct = svg.children.filter(isElement);
  const titleElement = direct.find((child) => child.tagName === 'title');
  const descElement = direct.find((child) => child.tagName === 'desc');
  const title = titleElement ? textOf(titleElement).trim() || undefined : undefined;
  const description = descElement ? textOf(descElement).trim() || undefined : undefined;
  const role = svg.properties['ariaRoleDescription'];
  const kind = (Array.isArray(role) ? role.join(' ') : typeof role === 'string' ? role : '') || undefined;
  svg.children = svg.children.filter((child) => !(isElement(child) && (child.tagName === 'title' || child.tagName === 'desc')));

  scopeIds(svg, id);

  // Style sheets: drop the rules that style nothing in this diagram, then theme the rest.
  let styleText = '';
  for (const element of walk(svg)) {
    if (element.tagName !== 'style') continue;
    const css = pruneCss(textOf(element), svg);
    const themed = themeCss(css, table);
    styleText += themed;
    element.children = [{ type: 'text', value: themed } satisfies Text];
  }

  // Markers, filters and gradients nobody points at (mermaid defines a dozen per flowchart).
  const refs = collectUrlReferences(svg, styleText);
  removeChildren(svg, (child) => REFERENCED_ONLY.has(child.tagName) && !refs.has(String(child.properties['id'] ?? '')));
  removeChildren(svg, (child) => child.tagName === 'defs' && child.children.every((c) => c.type === 'text' && !c.value.trim()));

  // Attributes.
  const attributeOverrides = new Map<string, string>();
  for (const element of walk(svg)) {
    const props = element.properties;
    delete props['dataPoints'];
    for (const key of GEOMETRY_PROPERTIES) {
      const value = props[key];
      if (typeof value === 'string') props[key] = roundNumbers(value);
    }
    if (typeof props['style'] === 'string') {
      const cleaned = cleanStyleAttribute(themeCss(props['style'], table));
      if (cleaned) props['style'] = cleaned;
      else delete props['style'];
    }
    for (const [property, attribute] of Object.entries(COLOR_PROPERTIES)) {
      const value = props[property];
      if (typeof value !== 'string' || findColors(value).length === 0) continue;
      const selector = `[${attribute}="${value.replaceAll('"', '\\"')}"]`;
      attributeOverrides.set(`${attribute}|${value}`, `:where(#${id} ${selector}){${attribute}:${replaceColors(value, table)}}`);
    }
  }

  // The theme variables go first in the diagram's own style sheet.
  const themeCssText = table.css(`#${id}`) + [...attributeOverrides.values()].join('');
  if (themeCssText) {
    const style = [...walk(svg)].find((element) => element.tagName === 'style');
    if (style) {
      style.children = [{ type: 'text', value: themeCssText + textOf(style) } satisfies Text];
    } else {
      svg.children.unshift({ type: 'element', tagName: 'style', properties: {}, children: [{ type: 'text', value: themeCssText }] });
    }
  }

  // Root attributes: sized by its viewBox; the accessible name lives on the page wrapper.
  const { width, height } = viewBoxSize(svg);
  const props = svg.properties;
  for (const key of ['style', 'role', 'ariaRoleDescription', 'ariaLabelledBy', 'ariaDescribedBy', 'ariaLabel']) delete props[key];
  props['width'] = String(round(width));
  props['height'] = String(round(height));
  props['ariaHidden'] = 'true';
  return { svg, width, height, title, description, kind, derivedColors: table.derivedCount };
}

/** Elements that only draw when referenced by id. */
const REFERENCED_ONLY = new Set(['marker', 'filter', 'linearGradient', 'radialGradient', 'clipPath', 'mask', 'pattern']);

/** Attributes whose numbers mermaid writes with 16 digits; 2 decimals are 1/100 px. */
const GEOMETRY_PROPERTIES = ['d', 'points', 'transform', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'dx', 'dy', 'refX', 'refY', 'style'];

/** Rounds numbers with more than two decimals. Numbers are read as SVG reads them, so compact
 * path data keeps its meaning: `12.258.001` is two numbers and becomes `12.26 0`, not `12.260`. */
export function roundNumbers(value: string): string {
  let out = '';
  let last = -1;
  for (const match of value.matchAll(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi)) {
    const number = match[0];
    const adjacent = match.index === last; // `.001` right after `12.258`
    out += value.slice(Math.max(last, 0), match.index);
    last = match.index + number.length;
    let text = number;
    if (!/e/i.test(number) && /\.\d{3,}$/.test(number)) {
      const rounded = Number(Number(number).toFixed(2));
      text = String(Object.is(rounded, -0) ? 0 : rounded);
    }
    // a number that followed another one directly must not run into it
    out += adjacent && /[\d.]$/.test(out) && /^[\d.]/.test(text) ? ` ${text}` : text;
  }
  return out + value.slice(Math.max(last, 0));
}

interface CssBlock {
  prelude: string;
  body: string;
}

/** Splits a style sheet into its top-level blocks (rules and at-rules, with nested bodies). */
export function splitCss(css: string): CssBlock[] {
  const blocks: CssBlock[] = [];
  let depth = 0;
  let start = 0;
  let open = -1;
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (c === '{') {
      if (depth === 0) open = i;
      depth += 1;
    } else if (c === '}') {
      depth -= 1;
      if (depth === 0) {
        blocks.push({ prelude: css.slice(start, open).trim(), body: css.slice(open + 1, i) });
        start = i + 1;
      }
    }
  }
  return blocks;
}

/**
 * Drops the rules whose selectors match nothing in the diagram (mermaid ships the style sheet
 * for every feature of the diagram type) and keyframes nothing animates. Rules with selectors
 * the matcher cannot evaluate are kept.
 */
export function pruneCss(css: string, svg: Element): string {
  const tree: Root = { type: 'root', children: [svg] };
  const used = (selector: string): boolean => {
    try {
      return select(selector.trim(), tree, 'svg') !== undefined;
    } catch {
      return true;
    }
  };
  const blocks = splitCss(css);
  const kept = blocks.filter((block) => block.prelude.startsWith('@') || block.prelude.split(',').some(used));
  const animated = kept.some((block) => !block.prelude.startsWith('@') && /animation/.test(block.body));
  return kept
    .filter((block) => !/^@(-webkit-)?keyframes\b/.test(block.prelude) || animated)
    .map((block) => `${block.prelude}{${block.body}}`)
    .join('');
}

const ID_REFERENCE_PROPERTIES = ['ariaLabelledBy', 'ariaDescribedBy', 'ariaControls', 'ariaOwns', 'ariaFlowTo', 'ariaActiveDescendant', 'ariaDetails', 'ariaErrorMessage'];

/**
 * Prefixes every element id that does not already start with the diagram's id (mermaid uses
 * page-global counters for some, e.g. `actor3` in sequence diagrams), and the references to
 * them, so that several diagrams rendered in different builds can share a page.
 */
export function scopeIds(svg: Element, id: string): void {
  const renames = new Map<string, string>();
  for (const element of walk(svg)) {
    const own = element.properties['id'];
    if (typeof own === 'string' && own !== id && !own.startsWith(`${id}-`) && !own.startsWith(`${id}_`)) {
      renames.set(own, `${id}-${own}`);
    }
  }
  if (renames.size === 0) return;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`#(${[...renames.keys()].map(escape).join('|')})(?![-\\w])`, 'g');
  const rewrite = (value: string) => value.replace(pattern, (_all, old: string) => `#${renames.get(old) ?? old}`);
  for (const element of walk(svg)) {
    const props = element.properties;
    const own = props['id'];
    if (typeof own === 'string' && renames.has(own)) props['id'] = renames.get(own);
    for (const [key, value] of Object.entries(props)) {
      if (typeof value === 'string' && value.includes('#')) props[key] = rewrite(value);
      else if (ID_REFERENCE_PROPERTIES.includes(key)) {
        const list = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
        props[key] = list.map((ref) => renames.get(ref) ?? ref).join(' ');
      }
    }
    if (element.tagName === 'style') {
      element.children = [{ type: 'text', value: rewrite(textOf(element)) } satisfies Text];
    }
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export { ColorTable };
