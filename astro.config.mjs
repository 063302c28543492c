// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import { mermaidDiagrams, rehypeMermaidDiagrams } from './src/site/mermaid/index.ts';
import { siteOptions } from './src/site/deploy-options.ts';

const { site, base } = siteOptions(process.env);

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Mermaid blocks become SVG at build time. The default (Satteri) processor runs no rehype
  // plugins, so Markdown/MDX go through unified; Starlight adds its own plugins to it.
  markdown: {
    processor: unified({ rehypePlugins: [rehypeMermaidDiagrams] }),
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
      },
      customCss: ['./src/site/styles/course.css', './src/site/mermaid/diagrams.css'],
      pagination: true,
      lastUpdated: false,
    }),
    mermaidDiagrams(),
  ],
});
