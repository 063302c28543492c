// Pure: the accessible name of a diagram: its accTitle when given, else derived from the
// diagram type and the nearest heading before it (or the page title).

const KIND_LABELS: Record<string, string> = {
  flowchart: 'Блок-схема',
  sequence: 'Диаграмма последовательности',
  state: 'Диаграмма состояний',
  class: 'Диаграмма классов',
  er: 'ER-диаграмма',
  gantt: 'Диаграмма Ганта',
  pie: 'Круговая диаграмма',
  journey: 'Карта пути пользователя',
  timeline: 'Временная шкала',
  mindmap: 'Интеллект-карта',
  git: 'Граф веток Git',
  architecture: 'Архитектурная схема',
  block: 'Блочная схема',
};

export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? 'Диаграмма';
}

export interface NameInput {
  /** accTitle as mermaid rendered it */
  title: string | undefined;
  kind: string;
  heading: string | undefined;
  pageTitle: string | undefined;
  /** 1-based position among the page's diagrams that share this derived name */
  ordinal: number;
}

/** The name before a repeat number is added (diagrams under one heading get «(2)», «(3)»). */
export function baseName({ title, kind, heading, pageTitle }: Omit<NameInput, 'ordinal'>): string {
  const clean = (text: string | undefined) => text?.replace(/\s+/g, ' ').trim() || undefined;
  const explicit = clean(title);
  if (explicit) return explicit;
  const context = clean(heading) ?? clean(pageTitle);
  return context ? `${kindLabel(kind)}: ${context}` : kindLabel(kind);
}

/** Names for a page's diagrams, in order; repeated names get a number from the second on. */
export function accessibleNames(inputs: Omit<NameInput, 'ordinal'>[]): string[] {
  const seen = new Map<string, number>();
  return inputs.map((input) => {
    const name = baseName(input);
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
