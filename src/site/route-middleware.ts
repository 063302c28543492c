// Starlight route middleware: the sidebar and previous/next links come from our lesson
// metadata (module number, then lesson order), not from file names. A lesson that opens with a
// diagram holds its first paint until the diagram is parsed (src/site/mermaid/opening.ts).
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { render } from 'astro:content';
import { OPENING_DIAGRAM_KEY } from './mermaid/opening.ts';
import { formatMinutes, moduleLabel } from '../course/labels.ts';
import { getCourseOutline, pathTo } from './course-data.ts';

type SidebarEntry = StarlightRouteData['sidebar'][number];

/** Pages generated from the lessons that students come back to, after «О курсе». */
export const REFERENCE_PAGES = [
  ['Карта курса', 'map'],
  ['Глоссарий', 'glossary'],
  ['Ошибки и их разбор', 'troubleshooting'],
] as const;
type SidebarLink = Extract<SidebarEntry, { type: 'link' }>;

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const outline = await getCourseOutline();
  const current = context.url.pathname.replace(/\/?$/, '/');
  const link = (label: string, id: string, badgeText?: string, attrs: SidebarLink['attrs'] = {}): SidebarLink => ({
    type: 'link',
    label,
    href: pathTo(id),
    isCurrent: pathTo(id) === current,
    badge: badgeText ? { text: badgeText, variant: 'default' } : undefined,
    attrs,
  });

  const groups: SidebarEntry[] = outline.modules.map(({ module, lessons }) => ({
    type: 'group',
    label: moduleLabel(module.number, module.title),
    collapsed: false,
    badge: undefined,
    entries: [
      link('Обзор модуля', module.id),
      // the progress script marks completed lessons by this attribute (src/site/progress/client.ts)
      ...lessons.map((lesson) => link(lesson.title, lesson.id, formatMinutes(lesson.estimatedTime), { 'data-progress-lesson': lesson.id })),
    ],
  }));
  route.sidebar = [link('О курсе', ''), ...REFERENCE_PAGES.map(([label, id]) => link(label, id)), ...groups];

  const index = outline.lessons.findIndex((lesson) => pathTo(lesson.id) === current);
  if (index !== -1) {
    const { remarkPluginFrontmatter } = await render(route.entry);
    const opening: unknown = remarkPluginFrontmatter[OPENING_DIAGRAM_KEY];
    if (typeof opening === 'string') {
      route.head.push({ tag: 'link', attrs: { rel: 'expect', href: `#${opening}`, blocking: 'render' } });
    }
    const prev = outline.lessons[index - 1];
    const next = outline.lessons[index + 1];
    route.pagination = {
      prev: prev ? link(prev.title, prev.id) : undefined,
      next: next ? link(next.title, next.id) : undefined,
    };
  }
});
