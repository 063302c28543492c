// Starlight route middleware: the sidebar and previous/next links come from our lesson
// metadata (module number, then lesson order), not from file names.
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { formatMinutes, moduleLabel } from '../course/labels.ts';
import { getCourseOutline, pathTo } from './course-data.ts';

type SidebarEntry = StarlightRouteData['sidebar'][number];
type SidebarLink = Extract<SidebarEntry, { type: 'link' }>;

export const onRequest = defineRouteMiddleware(async (context) => {
  const route = context.locals.starlightRoute;
  const outline = await getCourseOutline();
  const current = context.url.pathname.replace(/\/?$/, '/');
  const link = (label: string, id: string, badgeText?: string): SidebarLink => ({
    type: 'link',
    label,
    href: pathTo(id),
    isCurrent: pathTo(id) === current,
    badge: badgeText ? { text: badgeText, variant: 'default' } : undefined,
    attrs: {},
  });

  const groups: SidebarEntry[] = outline.modules.map(({ module, lessons }) => ({
    type: 'group',
    label: moduleLabel(module.number, module.title),
    collapsed: false,
    badge: undefined,
    entries: [
      link('Обзор модуля', module.id),
      ...lessons.map((lesson) => link(lesson.title, lesson.id, formatMinutes(lesson.estimatedTime))),
    ],
  }));
  route.sidebar = [link('О курсе', ''), ...groups];

  const index = outline.lessons.findIndex((lesson) => pathTo(lesson.id) === current);
  if (index !== -1) {
    const prev = outline.lessons[index - 1];
    const next = outline.lessons[index + 1];
    route.pagination = {
      prev: prev ? link(prev.title, prev.id) : undefined,
      next: next ? link(next.title, next.id) : undefined,
    };
  }
});
