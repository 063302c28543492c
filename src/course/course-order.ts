// Course order: module number, then lesson order. Every list of lessons a student sees
// (sidebar, module page, previous/next) follows it.

export interface Ordered {
  moduleNumber: number;
  order: number;
}

export function compareCourseOrder(a: Ordered, b: Ordered): number {
  return a.moduleNumber - b.moduleNumber || a.order - b.order;
}

export function neighbours<T extends { id: string }>(sorted: readonly T[], id: string): { prev?: T; next?: T } {
  const index = sorted.findIndex((item) => item.id === id);
  if (index === -1) return {};
  return { prev: sorted[index - 1], next: sorted[index + 1] };
}
