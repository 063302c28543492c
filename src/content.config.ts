import { defineCollection } from 'astro:content';
import { file } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
import { GLOSSARY_FILE } from './course/fs/load-glossary.ts';
import { glossaryTermSchema } from './course/glossary.ts';
import { lessonFields, moduleSchema } from './course/schema.ts';
import { courseLoader, moduleLoader } from './site/course-loader.ts';

export const collections = {
  docs: defineCollection({
    loader: courseLoader(),
    // Lessons carry the course fields; the home and module pages (<StarlightPage>, built
    // from module data) are validated against this schema too and mark themselves `overview`.
    schema: docsSchema({
      extend: z.union([z.object(lessonFields), z.object({ overview: z.literal(true) })]),
    }),
  }),
  modules: defineCollection({
    loader: moduleLoader(),
    schema: moduleSchema,
  }),
  // Course terms for a glossary page; check:content validates the file fully (introducedIn
  // against the lessons, the avoid syntax, one-sentence definitions).
  glossary: defineCollection({
    loader: file(GLOSSARY_FILE),
    schema: glossaryTermSchema,
  }),
};
