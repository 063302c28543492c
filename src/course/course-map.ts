// The course map's geometry, computed at build time: modules as bands from top to bottom, each
// lesson a box in a grid of up to three per row inside its module, prerequisite arrows between
// the boxes. The site draws it as inline SVG (src/site/components/CourseMap.astro); no layout
// library runs in the browser. Titles wrap by character count (no font metrics at build time),
// at most three lines, the rest cut with «…». Pure: no I/O, no Astro.

export interface MapLessonInput {
  id: string;
  title: string;
  order: number;
  prerequisites: readonly string[];
}

export interface MapModuleInput {
  id: string;
  number: number;
  title: string;
  lessons: readonly MapLessonInput[];
}

export interface MapBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface MapNode extends MapBox {
  id: string;
  /** «4.6» */
  number: string;
  title: string;
  lines: string[];
}

export interface MapBand extends MapBox {
  id: string;
  label: string;
}

export interface MapEdge {
  from: string;
  to: string;
  /** SVG path data, ending at the target box's edge (the arrowhead is a marker) */
  d: string;
}

export interface CourseMapLayout {
  width: number;
  height: number;
  bands: MapBand[];
  nodes: MapNode[];
  edges: MapEdge[];
}

export const MAP = {
  columns: 3,
  nodeWidth: 200,
  nodeHeight: 82,
  gapX: 40,
  gapY: 36,
  bandPadding: 16,
  bandTitle: 30,
  bandGap: 28,
  /** characters per line of a title at 13 px in a 200 px box */
  lineChars: 25,
  maxLines: 3,
} as const;

/** Splits a title into lines of at most `width` characters at spaces, `max` lines at most. */
export function wrapTitle(title: string, width: number = MAP.lineChars, max: number = MAP.maxLines): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of title.split(/\s+/).filter(Boolean)) {
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines.map((text) => cut(text, width));
  const kept = lines.slice(0, max);
  kept[max - 1] = cut(`${kept[max - 1]}…`, width);
  return kept.map((text) => cut(text, width));
}

function cut(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

export function layoutCourseMap(modules: readonly MapModuleInput[]): CourseMapLayout {
  const innerWidth = MAP.columns * MAP.nodeWidth + (MAP.columns - 1) * MAP.gapX;
  const width = innerWidth + 2 * MAP.bandPadding;
  const bands: MapBand[] = [];
  const nodes: MapNode[] = [];
  let y = 0;
  for (const module of modules) {
    if (module.lessons.length === 0) continue;
    const rows = Math.ceil(module.lessons.length / MAP.columns);
    const height = MAP.bandTitle + rows * MAP.nodeHeight + (rows - 1) * MAP.gapY + 2 * MAP.bandPadding;
    bands.push({ id: module.id, label: `Модуль ${module.number}. ${module.title}`, x: 0, y, width, height });
    module.lessons.forEach((lesson, index) => {
      const row = Math.floor(index / MAP.columns);
      const column = index % MAP.columns;
      nodes.push({
        id: lesson.id,
        number: `${module.number}.${lesson.order}`,
        title: lesson.title,
        lines: wrapTitle(lesson.title),
        x: MAP.bandPadding + column * (MAP.nodeWidth + MAP.gapX),
        y: y + MAP.bandPadding + MAP.bandTitle + row * (MAP.nodeHeight + MAP.gapY),
        width: MAP.nodeWidth,
        height: MAP.nodeHeight,
      });
    });
    y += height + MAP.bandGap;
  }
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const edges: MapEdge[] = [];
  for (const module of modules) {
    for (const lesson of module.lessons) {
      const to = byId.get(lesson.id);
      for (const prerequisite of lesson.prerequisites) {
        const from = byId.get(prerequisite);
        if (from && to) edges.push({ from: from.id, to: to.id, d: arrowPath(from, to) });
      }
    }
  }
  return { width, height: Math.max(0, y - MAP.bandGap), bands, nodes, edges };
}

/** Neighbours in one row: right edge to left edge; further apart in a row: an arc over the
 *  boxes between; otherwise bottom centre to top centre. */
export function arrowPath(from: MapBox, to: MapBox): string {
  const round = (value: number) => Math.round(value * 10) / 10;
  if (from.y === to.y && Math.abs(to.x - from.x) > from.width + MAP.gapX) {
    // not neighbours: over the boxes between them, top centre to top centre
    const x1 = round(from.x + from.width / 2);
    const x2 = round(to.x + to.width / 2);
    const lift = round(MAP.bandTitle * 0.8);
    return `M${x1},${from.y} C${x1},${from.y - lift} ${x2},${to.y - lift} ${x2},${to.y}`;
  }
  if (from.y === to.y) {
    const y = round(from.y + from.height / 2);
    if (to.x > from.x) return `M${from.x + from.width},${y} L${to.x},${y}`;
    return `M${from.x},${y} L${to.x + to.width},${y}`;
  }
  const down = to.y > from.y;
  const x1 = round(from.x + from.width / 2);
  const y1 = down ? from.y + from.height : from.y;
  const x2 = round(to.x + to.width / 2);
  const y2 = down ? to.y : to.y + to.height;
  const bend = round((y2 - y1) / 2);
  return `M${x1},${y1} C${x1},${round(y1 + bend)} ${x2},${round(y2 - bend)} ${x2},${y2}`;
}
