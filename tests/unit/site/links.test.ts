// Build-time link checks: lesson links made absolute under the base path for
// starlight-links-validator, and the check of every link of the built site.
import type { Root } from 'hast';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { checkBuiltLinks, readBuiltPage } from '../../../src/site/links/built-links.ts';
import { absoluteHref, isCustomPageLink, lessonSitePath, rehypeCourseLinks } from '../../../src/site/links/rehype-course-links.ts';

const options = { base: '/debezium-course/', courseDir: '/site/src/content/course' };

describe('rehypeCourseLinks', () => {
  test('knows the site path of a lesson file under the base', () => {
    expect(lessonSitePath('/site/src/content/course/04-module-4/05-outbox-pattern-theory.mdx', options)).toBe('/debezium-course/module-4/05-outbox-pattern-theory/');
    expect(lessonSitePath('/site/src/pages/index.astro', options)).toBeUndefined();
  });

  test.each([
    ['../06-outbox-implementation/', '/debezium-course/module-4/06-outbox-implementation/'],
    ['../06-outbox-implementation/#лаба', '/debezium-course/module-4/06-outbox-implementation/#лаба'],
    ['../', '/debezium-course/module-4/'],
    ['../../module-5/01-x/', '/debezium-course/module-5/01-x/'],
    ['#раздел', '#раздел'],
    ['?x=1#a', '/debezium-course/module-4/05-outbox-pattern-theory/?x=1#a'],
    ['https://debezium.io/', 'https://debezium.io/'],
    ['/already/absolute/', '/already/absolute/'],
  ])('%s → %s', (href, expected) => {
    expect(absoluteHref(href, '/debezium-course/module-4/05-outbox-pattern-theory/')).toBe(expected);
  });

  test('rewrites links of a lesson and gives the validator its slug', () => {
    const tree: Root = { type: 'root', children: [{ type: 'element', tagName: 'a', properties: { href: '../06-x/' }, children: [] }] };
    const file = new VFile({ path: '/site/src/content/course/04-module-4/05-y.mdx', data: { astro: { frontmatter: { title: 'Y' } } } });
    rehypeCourseLinks(options)(tree, file);
    expect(tree.children[0]).toMatchObject({ properties: { href: '/debezium-course/module-4/06-x/' } });
    expect(file.data).toEqual({ astro: { frontmatter: { title: 'Y', slug: 'module-4/05-y' } } });
  });

  test('home and module pages are custom pages, lessons are not', () => {
    expect(isCustomPageLink('/debezium-course/', '/debezium-course/')).toBe(true);
    expect(isCustomPageLink('/debezium-course/module-4/#lessons', '/debezium-course/')).toBe(true);
    expect(isCustomPageLink('/debezium-course/module-4/05-y/', '/debezium-course/')).toBe(false);
  });
});

describe('checkBuiltLinks', () => {
  const page = (path: string, body: string) => readBuiltPage(path, `<!doctype html><html><body>${body}</body></html>`);
  const pages = [
    page('/base/', '<h2 id="modules">Модули</h2><a href="/base/module-1/">Модуль 1</a>'),
    page('/base/module-1/', '<a href="/base/module-1/01-a/">Урок A</a><a href="/base/">О курсе</a>'),
    page('/base/module-1/01-a/', '<h2 id="раздел">Раздел</h2><a href="#раздел">здесь</a><a href="/base/_astro/a.css">css</a>'),
    page('/base/module-1/02-b/', [
      '<a href="/base/module-1/01-a/#%D1%80%D0%B0%D0%B7%D0%B4%D0%B5%D0%BB">пререквизит</a>',
      '<a href="/base/module-1/01-a/#нет">битый якорь</a>',
      '<a href="/base/module-1/03-c/">нет урока</a>',
      '<a href="/module-1/01-a/">без base</a>',
      '<a href="/base/module-1/01-a">без слеша</a>',
      '<a href="../01-a/">относительная</a>',
      '<a href="https://debezium.io/">внешняя</a>',
    ].join('')),
  ];
  const broken = checkBuiltLinks(pages, '/base/', (path) => path === '/base/_astro/a.css');

  test('lists every broken internal link with its page, text and reason', () => {
    expect(broken).toEqual([
      { page: '/base/module-1/02-b/', href: '/base/module-1/01-a/#нет', text: 'битый якорь', reason: 'no element with id "нет" on /base/module-1/01-a/' },
      { page: '/base/module-1/02-b/', href: '/base/module-1/03-c/', text: 'нет урока', reason: 'no such page' },
      { page: '/base/module-1/02-b/', href: '/module-1/01-a/', text: 'без base', reason: 'outside the base path /base/' },
      { page: '/base/module-1/02-b/', href: '/base/module-1/01-a', text: 'без слеша', reason: 'missing trailing slash' },
    ]);
  });
});
