import { defineCollection } from 'astro:content';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';
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
};
