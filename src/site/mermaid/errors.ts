// Pure: turning mermaid's messages and bad output into build errors that name the file and line.
import type { Element } from 'hast';
import { isElement } from './svg-postprocess.ts';

/** A diagram mermaid could not render (syntax error, unknown type, empty output). */
export class DiagramError extends Error {
  override name = 'DiagramError';
}

/** The 1-based line inside the diagram a mermaid message points at ("Parse error on line 3"). */
export function diagramLineFromMessage(message: string): number | undefined {
  const match = /\bline\s+(\d+)\b/i.exec(message) ?? /\bline:\s*(\d+)\b/i.exec(message);
  return match ? Number(match[1]) : undefined;
}

export interface ErrorPlace {
  /** path of the lesson, relative to the project */
  file: string;
  /** line of the opening ``` fence, if known */
  fenceLine: number | undefined;
}

/** "Invalid Mermaid diagram at <file>:<line> ...", then mermaid's own message. */
export function formatDiagramError(place: ErrorPlace, message: string): string {
  const inner = diagramLineFromMessage(message);
  const fence = place.fenceLine;
  let where: string;
  if (fence === undefined) where = `${place.file}`;
  else if (inner === undefined) where = `${place.file}:${fence} (the mermaid block starting here)`;
  else where = `${place.file}:${fence + inner} (line ${inner} of the mermaid block that starts at line ${fence})`;
  return `Invalid Mermaid diagram at ${where}:\n${message.trim()}`;
}

const DRAWN = new Set(['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'foreignObject', 'image', 'use']);

function countDrawn(node: Element): number {
  let count = 0;
  for (const child of node.children) {
    if (!isElement(child)) continue;
    if (child.tagName !== 'marker' && child.tagName !== 'defs') {
      if (DRAWN.has(child.tagName)) count += 1;
      count += countDrawn(child);
    }
  }
  return count;
}

/** Why a rendered SVG must not be shipped (mermaid's error picture, nothing drawn), or undefined. */
export function svgProblem(svg: Element | undefined): string | undefined {
  if (!svg || svg.tagName !== 'svg') return 'mermaid returned no SVG';
  const raw = svg.properties['ariaRoleDescription'];
  const role = Array.isArray(raw) ? raw.join(' ') : String(raw ?? '');
  if (role === 'error') return 'mermaid rendered its error diagram instead of the diagram';
  const [, , width = 0, height = 0] = String(svg.properties['viewBox'] ?? '').trim().split(/[\s,]+/).map(Number);
  if (!(width > 0 && height > 0)) return `the rendered SVG is empty (viewBox "${String(svg.properties['viewBox'] ?? '')}")`;
  if (countDrawn(svg) === 0) return 'the rendered SVG draws nothing';
  return undefined;
}
