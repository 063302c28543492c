// The prose of a lesson, read from its mdast (remark + GFM + MDX + frontmatter), never with
// regexes over raw MDX: what the student reads as text, each character mapped back to its
// offset in the source file. Code, inline code, MDX import/export and expressions, Mermaid
// (a code block), URLs and non-prose JSX attributes are left out. Also collects the links,
// the anchors (heading slugs and JSX ids) and the prose fields of the YAML frontmatter.
import { diffChars } from 'diff';
import GithubSlugger from 'github-slugger';
import type { Heading, Nodes, Parents, PhrasingContent, Root, Text } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';

/** A run of prose text; `map[i]` is the source offset of `text[i]`, or -1 when the character has
 *  no single source character (an entity such as `&quot;` or an escape decoded by the parser). */
export interface ProsePiece {
  text: string;
  map: number[];
}

/** Replaces non-prose inline content (inline code, expressions) inside a segment. */
export const OPAQUE = '\uE000';

/** One block of running text (a paragraph, heading, table cell, prose attribute or frontmatter
 *  field): typography rules see it whole, so quotes around `inline code` pair up. */
export interface ProseSegment {
  /** Text of the block with OPAQUE in place of inline code and other non-prose inline nodes. */
  text: string;
  map: number[];
  /** Where the text comes from, for messages: body, an attribute (`<Aside title>`) or a field. */
  origin: string;
  /** Ranges `[start, end)` of `text` that quote someone else's words: `<q>…</q>`, or the whole
   *  segment inside a blockquote. Set only when there are some. */
  quotes?: [number, number][];
}

export interface LinkRef {
  url: string;
  offset: number;
  /** `link`, `definition`, `image` or `<Tag href>`. */
  kind: string;
}

export interface ProseDocument {
  segments: ProseSegment[];
  links: LinkRef[];
  /** Ids a link's #hash may name: heading slugs as Astro makes them, JSX `id`s and `_top`. */
  anchors: Set<string>;
}

/** Frontmatter fields that are prose; everything else (ids, topics, paths) is not. */
export const PROSE_FIELDS = ['title', 'description', 'covers'] as const;
/** JSX attributes whose string value is prose shown to the student. */
export const PROSE_ATTRIBUTES = new Set(['title', 'label', 'alt', 'caption', 'description', 'meaning']);
/** JSX attributes holding a link, as starlight-links-validator reads them. */
const LINK_ATTRIBUTES = new Set(['href']);

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).use(remarkMdx);

export function parseMdx(source: string): Root {
  return parser.parse(source);
}

/** Maps each character of `value` to the source offset it was parsed from (-1 when none). */
export function mapValue(value: string, source: string, start: number, end: number): number[] {
  const slice = source.slice(start, end);
  if (slice === value) return Array.from({ length: value.length }, (_, i) => start + i);
  const map: number[] = [];
  let inSource = start;
  for (const change of diffChars(value, slice)) {
    if (change.added) inSource += change.value.length;
    else if (change.removed) for (let i = 0; i < change.value.length; i++) map.push(-1);
    else for (let i = 0; i < change.value.length; i++) map.push(inSource++);
  }
  return map;
}

export function readProse(source: string, tree: Root = parseMdx(source)): ProseDocument {
  const segments: ProseSegment[] = [];
  const links: LinkRef[] = [];
  const anchors = new Set<string>(['_top']);
  const slugger = new GithubSlugger();

  // Inside a blockquote every segment is a quotation.
  let blockquotes = 0;
  const addSegment = (pieces: ProsePiece[], origin: string, quotes: [number, number][] = []) => {
    const text = pieces.map((piece) => piece.text).join('');
    if (text.replaceAll(OPAQUE, '').trim() === '') return;
    const quoted: [number, number][] = blockquotes > 0 ? [[0, text.length]] : quotes;
    segments.push({ text, map: pieces.flatMap((piece) => piece.map), origin, ...(quoted.length > 0 ? { quotes: quoted } : {}) });
  };
  const lengthOf = (pieces: readonly ProsePiece[]) => pieces.reduce((sum, piece) => sum + piece.text.length, 0);

  const attributeValueRange = (attribute: MdxJsxAttribute): [number, number] | undefined => {
    const start = attribute.position?.start.offset;
    const end = attribute.position?.end.offset;
    if (start === undefined || end === undefined) return undefined;
    // `name="value"` (or `name = 'value'`): the value sits between the quotes after the `=`.
    let quote = source.indexOf('=', start) + 1;
    if (quote === 0 || quote >= end) return undefined;
    while (/\s/.test(source[quote] ?? '')) quote++;
    const mark = source[quote];
    if ((mark !== '"' && mark !== "'") || source[end - 1] !== mark) return undefined;
    return [quote + 1, end - 1];
  };

  const jsxAttributes = (node: { name: string | null; attributes: (MdxJsxAttribute | MdxJsxExpressionAttribute)[] }) => {
    for (const attribute of node.attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
      const range = attributeValueRange(attribute);
      if (attribute.name === 'id') anchors.add(attribute.value);
      if (LINK_ATTRIBUTES.has(attribute.name)) links.push({ url: attribute.value, offset: range?.[0] ?? attribute.position?.start.offset ?? 0, kind: `<${node.name ?? ''} ${attribute.name}>` });
      if (PROSE_ATTRIBUTES.has(attribute.name) && range) {
        addSegment([{ text: attribute.value, map: mapValue(attribute.value, source, range[0], range[1]) }], `<${node.name ?? ''} ${attribute.name}>`);
      }
    }
  };

  // Inline content of one block, flattened: text is prose, links and emphasis are looked into,
  // everything else (inline code, expressions, breaks, images) becomes one opaque character.
  const phrasing = (nodes: PhrasingContent[], pieces: ProsePiece[], quotes: [number, number][] = []) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          pieces.push(textPiece(node));
          break;
        case 'link':
          links.push({ url: node.url, offset: node.position?.start.offset ?? 0, kind: 'link' });
          // An autolink shows its URL as text: that is not prose.
          if (toString(node) === node.url || `mailto:${toString(node)}` === node.url) pieces.push(opaque(node));
          else phrasing(node.children, pieces, quotes);
          break;
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'linkReference':
          phrasing(node.children, pieces, quotes);
          break;
        case 'mdxJsxTextElement': {
          jsxAttributes(node);
          const start = lengthOf(pieces);
          phrasing(node.children, pieces, quotes);
          if (node.name === 'q') quotes.push([start, lengthOf(pieces)]);
          break;
        }
        case 'textDirective':
          phrasing(node.children, pieces, quotes);
          break;
        case 'image':
          links.push({ url: node.url, offset: node.position?.start.offset ?? 0, kind: 'image' });
          if (node.alt) pieces.push({ text: node.alt, map: unmapped(node.alt) });
          break;
        default:
          pieces.push(opaque(node));
      }
    }
  };

  const textPiece = (node: Text): ProsePiece => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return { text: node.value, map: unmapped(node.value) };
    return { text: node.value, map: mapValue(node.value, source, start, end) };
  };

  const opaque = (node: Nodes): ProsePiece => ({ text: OPAQUE, map: [node.position?.start.offset ?? -1] });

  const block = (node: Parents & { children: PhrasingContent[] }, origin: string) => {
    const pieces: ProsePiece[] = [];
    const quotes: [number, number][] = [];
    phrasing(node.children, pieces, quotes);
    addSegment(pieces, origin, quotes);
  };

  const flow = (node: Nodes) => {
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
      case 'html':
      case 'yaml':
        return;
      case 'heading':
        anchors.add(slugger.slug(toString(node as Heading)));
        block(node, 'heading');
        return;
      case 'paragraph':
      case 'tableCell':
        block(node, 'body');
        return;
      case 'definition':
        links.push({ url: node.url, offset: node.position?.start.offset ?? 0, kind: 'definition' });
        return;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        jsxAttributes(node);
        break;
      case 'containerDirective':
      case 'leafDirective':
        break;
      case 'blockquote':
        blockquotes++;
        for (const child of node.children) flow(child);
        blockquotes--;
        return;
    }
    if ('children' in node) {
      // A phrasing-only JSX element at block level (`<summary>…</summary>` on one line).
      const children = node.children as Nodes[];
      if (node.type === 'mdxJsxFlowElement' && children.length > 0 && children.every(isPhrasing)) {
        block(node as Parents & { children: PhrasingContent[] }, 'body');
        return;
      }
      for (const child of children) flow(child);
    }
  };

  flow(tree);
  const frontmatter = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  if (frontmatter?.position) {
    // The YAML text starts after the opening `---` line.
    const yamlStart = source.indexOf('\n', frontmatter.position.start.offset ?? 0) + 1;
    segments.push(...readYamlProse(source.slice(yamlStart, yamlStart + frontmatter.value.length), yamlStart, source));
  }
  return { segments, links, anchors };
}

const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'link', 'linkReference', 'break', 'image', 'imageReference', 'mdxJsxTextElement', 'mdxTextExpression', 'textDirective', 'footnoteReference']);
function isPhrasing(node: Nodes): boolean {
  return PHRASING.has(node.type);
}

/** Prose fields of a YAML document (frontmatter or module.yaml); `base` is where `yaml` starts
 *  in `source`. Only scalars whose text maps back to the source can be fixed later. */
export function readYamlProse(yaml: string, base = 0, source = yaml): ProseSegment[] {
  const document = parseDocument(yaml, { keepSourceTokens: true });
  if (document.errors.length > 0 || !isMap(document.contents)) return [];
  const segments: ProseSegment[] = [];
  const scalar = (node: YamlNode | null | undefined, origin: string) => {
    const segment = yamlScalarSegment(node, origin, base, source);
    if (segment) segments.push(segment);
  };
  for (const pair of document.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!(PROSE_FIELDS as readonly string[]).includes(key)) continue;
    if (isSeq(pair.value)) pair.value.items.forEach((item, index) => scalar(item as YamlNode, `${key}[${index}]`));
    else scalar(pair.value as YamlNode, key);
  }
  return segments;
}

const WORD = /\p{L}[\p{L}\p{M}]*/gu;

/** Words of a text: runs of letters (so «offset-ами» is two words). */
export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** A YAML string scalar as a prose segment mapped to `source` (`base`: where the YAML starts). */
function yamlScalarSegment(node: YamlNode | null | undefined, origin: string, base: number, source: string): ProseSegment | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const [start, valueEnd] = node.range;
  // Quoted scalars: the value lies inside the quotes.
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
  const from = base + start + (quoted ? 1 : 0);
  const to = base + valueEnd - (quoted ? 1 : 0);
  const plainOrQuoted = node.type === 'PLAIN' || quoted;
  const map = plainOrQuoted ? mapValue(node.value, source, from, to) : unmapped(node.value);
  return { text: node.value, map, origin };
}

/** Fields of a glossary term that are prose (the glossary page shows them). */
export const GLOSSARY_PROSE_FIELDS = ['ru', 'definition'] as const;

/** Prose of the glossary, a YAML list of terms: `ru` and `definition` of each; the origin names
 *  the term (`snapshot definition`). */
export function readGlossaryProse(yaml: string): ProseSegment[] {
  const document = parseDocument(yaml, { keepSourceTokens: true });
  if (document.errors.length > 0 || !isSeq(document.contents)) return [];
  const segments: ProseSegment[] = [];
  for (const item of document.contents.items) {
    if (!isMap(item)) continue;
    const id = String(item.get('id') ?? '?');
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!(GLOSSARY_PROSE_FIELDS as readonly string[]).includes(key)) continue;
      const segment = yamlScalarSegment(pair.value as YamlNode, `${id} ${key}`, 0, yaml);
      if (segment) segments.push(segment);
    }
  }
  return segments;
}

function unmapped(text: string): number[] {
  return new Array<number>(text.length).fill(-1);
}

/** Line (1-based) and column (1-based) of a source offset. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** The nearest mapped source offset at or around `index` of a segment. */
export function sourceOffset(segment: Pick<ProseSegment, 'map'>, index: number): number {
  for (let distance = 0; distance < segment.map.length; distance++) {
    const after = segment.map[index + distance];
    if (after !== undefined && after >= 0) return after;
    const before = segment.map[index - distance];
    if (before !== undefined && before >= 0) return before;
  }
  return 0;
}

/** The source with everything but prose blanked out (newlines kept), so a spell checker reports
 *  real lines and columns. Characters that do not map to the source are left out. */
export function maskedSource(source: string, segments: readonly ProseSegment[]): string {
  // Offsets are UTF-16 code units, so work on units, not code points.
  const units: string[] = source.split('').map((unit) => (unit === '\n' || unit === '\r' ? unit : ' '));
  for (const segment of segments) {
    for (let i = 0; i < segment.text.length; i++) {
      const at = segment.map[i];
      const char = segment.text[i]!;
      if (at === undefined || at < 0 || char === OPAQUE) continue;
      units[at] = char;
    }
  }
  return units.join('');
}
