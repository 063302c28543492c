// Rehype plugin for lessons: the first use of each glossary term in a lesson's prose links to
// its entry on the glossary page (/glossary/#id). Uses are found by src/lint/term-uses.ts, the
// matcher the glossary page lists lessons by. Only running text gets links: never code, headings,
// existing links, quotations, summaries of <details>, diagrams or other non-prose markup; one link
// per term per lesson.
import { readFileSync } from 'node:fs';
import type { Element, ElementContent, Root, RootContent, Text } from 'hast';
import type { VFile } from 'vfile';
import { glossaryTermSchema, type GlossaryTerm } from '../../course/glossary.ts';
import { parseGlossary } from '../../course/fs/load-glossary.ts';
import { findTermUses, termMatcher, type TermMatcher } from '../../lint/term-uses.ts';
import { lessonSitePath, type CourseLinksOptions } from '../links/rehype-course-links.ts';

export interface GlossaryLinksOptions extends CourseLinksOptions {
  /** Absolute path of the glossary YAML (src/content/glossary/terms.yaml). */
  glossaryFile: string;
}

const SKIP_TAGS = new Set(['a', 'code', 'pre', 'kbd', 'samp', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'q', 'blockquote', 'summary', 'svg', 'script', 'style', 'figure', 'button', 'label', 'dfn', 'abbr']);
const SKIP_CLASSES = ['expressive-code', 'not-content', 'mermaid', 'error-note'];

export const GLOSSARY_LINK_CLASS = 'glossary-link';
export const GLOSSARY_LINK_TITLE = 'Термин из глоссария курса';

/** The valid terms of the glossary file (check:content reports the invalid ones). */
export function readGlossaryTerms(path: string): GlossaryTerm[] {
  return parseGlossary(readFileSync(path, 'utf8'), path).items.flatMap((item) => {
    const parsed = glossaryTermSchema.safeParse(item.data);
    return parsed.success ? [parsed.data] : [];
  });
}

function skipped(node: Element): boolean {
  if (SKIP_TAGS.has(node.tagName)) return true;
  const classes: unknown = node.properties['className'];
  const list: string[] = Array.isArray(classes) ? classes.map(String) : typeof classes === 'string' ? classes.split(' ') : [];
  return list.some((name) => SKIP_CLASSES.some((skip) => name.startsWith(skip)));
}

/** Links the first use of each term in `tree` to `${glossaryPath}#id`; returns the linked ids. */
export function linkFirstUses(tree: Root, matcher: TermMatcher, glossaryPath: string): string[] {
  const linked = new Set<string>();
  const walk = (parent: { children: (RootContent | ElementContent)[] }) => {
    for (let index = 0; index < parent.children.length; index++) {
      const child = parent.children[index]!;
      if (child.type === 'element') {
        if (!skipped(child)) walk(child);
        continue;
      }
      if (child.type !== 'text') {
        // MDX components (Aside, Steps…) keep their children as hast
        const nested = child as { type: string; name?: string; children?: (RootContent | ElementContent)[] };
        // (in MDX, <details>, <summary>, <q> written as tags are JSX too: the same tags are skipped)
        if (nested.children && nested.type.startsWith('mdxJsx') && nested.name !== 'ErrorNote' && !SKIP_TAGS.has(nested.name ?? '')) {
          walk(nested as { children: (RootContent | ElementContent)[] });
        }
        continue;
      }
      const uses = findTermUses(child.value, matcher).filter((use) => !linked.has(use.id));
      if (uses.length === 0) continue;
      const pieces: ElementContent[] = [];
      let at = 0;
      for (const use of uses) {
        if (linked.has(use.id)) continue;
        linked.add(use.id);
        if (use.start > at) pieces.push({ type: 'text', value: child.value.slice(at, use.start) });
        pieces.push({
          type: 'element',
          tagName: 'a',
          properties: { href: `${glossaryPath}#${use.id}`, className: [GLOSSARY_LINK_CLASS], title: GLOSSARY_LINK_TITLE },
          children: [{ type: 'text', value: use.text } satisfies Text],
        });
        at = use.end;
      }
      if (at < child.value.length) pieces.push({ type: 'text', value: child.value.slice(at) });
      parent.children.splice(index, 1, ...pieces);
      index += pieces.length - 1;
    }
  };
  walk(tree);
  return [...linked];
}

export function rehypeGlossaryLinks(options: GlossaryLinksOptions) {
  const matcher = termMatcher(readGlossaryTerms(options.glossaryFile));
  const glossaryPath = `${options.base.replace(/\/?$/, '/')}glossary/`;
  return (tree: Root, file: VFile) => {
    const path = file.history[0];
    if (!path || !lessonSitePath(path, options)) return;
    linkFirstUses(tree, matcher, glossaryPath);
  };
}
