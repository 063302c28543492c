// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import { mermaidDiagrams, rehypeMermaidDiagrams } from './src/site/mermaid/index.ts';
import { siteOptions } from './src/site/deploy-options.ts';
import starlightLinksValidator from 'starlight-links-validator';
import { builtLinkCheck } from './src/site/links/integration.ts';
import { isCustomPageLink, rehypeCourseLinks } from './src/site/links/rehype-course-links.ts';
import { isLabLink, rehypeLabLinks } from './src/site/links/rehype-lab-links.ts';
import { rehypeAccessibleTables } from './src/site/markdown/rehype-accessible-tables.ts';
import { rehypeGlossaryLinks } from './src/site/markdown/rehype-glossary-links.ts';

const { site, base } = siteOptions(process.env);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Mermaid blocks become SVG at build time. The default (Satteri) processor runs no rehype
  // plugins, so Markdown/MDX go through unified; Starlight adds its own plugins to it.
  markdown: {
    // rehypeCourseLinks makes lesson links absolute under `base` for starlight-links-validator.
    processor: unified({
      rehypePlugins: [
        rehypeMermaidDiagrams,
        rehypeAccessibleTables,
        rehypeLabLinks,
        [
          rehypeGlossaryLinks,
          {
            base,
            courseDir: fileURLToPath(new URL('./src/content/course', import.meta.url)),
            glossaryFile: fileURLToPath(new URL('./src/content/glossary/terms.yaml', import.meta.url)),
          },
        ],
        [rehypeCourseLinks, { base, courseDir: fileURLToPath(new URL('./src/content/course', import.meta.url)) }],
      ],
    }),
  },
  integrations: [
    starlight({
      title: 'Debezium: change data capture',
      description: 'Курс по change data capture с Debezium 3.7, Kafka 4 и PostgreSQL 14–18',
      defaultLocale: 'root',
      locales: { root: { label: 'Русский', lang: 'ru' } },
      markdown: { processedDirs: ['./src/content/course'] },
      routeMiddleware: './src/site/route-middleware.ts',
      components: {
        PageTitle: './src/site/components/LessonPageTitle.astro',
        Pagination: './src/site/components/LessonPagination.astro',
        Search: './src/site/components/CourseSearch.astro',
      },
      customCss: ['./src/site/styles/course.css', './src/site/mermaid/diagrams.css'],
      pagination: true,
      lastUpdated: false,
      // Lesson links and anchors are checked at build; external links are never fetched
      // (lint:content checks they are https). Home and module pages are custom routes the
      // validator cannot read: builtLinkCheck checks every link of the built site.
      plugins: [
        starlightLinksValidator({
          sameSitePolicy: 'error',
          // Lab links (http://localhost:8083…) point at the student's machine, not at the site.
          exclude: ({ link }) => isCustomPageLink(link, base) || isLabLink(link),
        }),
      ],
    }),
    mermaidDiagrams(),
    builtLinkCheck(),
  ],
});
