// Frontmatter of lessons and metadata of modules. Plain zod (the same zod/v4 that
// `astro/zod` re-exports) so the schema is shared by Astro's collections and the fast
// `check:content` script.
import { z } from 'zod/v4';
import { LESSON_ID_PATTERN as LESSON_ID } from './ids.ts';

export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const lessonFields = {
  title: z.string().trim().min(1),
  description: z.string().trim().min(1),
  order: z.number().int().min(1),
  difficulty: z.enum(DIFFICULTIES),
  estimatedTime: z.number().int().min(1).max(240),
  topics: z
    .array(z.string().regex(KEBAB_CASE))
    .min(1)
    .refine((topics) => new Set(topics).size === topics.length, { message: 'topics repeat' }),
  prerequisites: z.array(z.string().regex(LESSON_ID)).default([]),
  /** Lab SQL files (relative to the project root) that the lesson's SQL examples assume. */
  sqlSetup: z.array(z.string().regex(/^labs\/.+\.sql$/)).default([]),
};

export const lessonSchema = z.object(lessonFields);
export type LessonFrontmatter = z.infer<typeof lessonSchema>;

export const moduleSchema = z.object({
  number: z.number().int().min(1),
  title: z.string().trim().min(1),
  description: z.string().trim().min(1),
  /** What a student learns in the module, one outcome per item. */
  covers: z.array(z.string().trim().min(1)).min(1),
});
export type ModuleMetadata = z.infer<typeof moduleSchema>;

/** Frontmatter keys Starlight itself understands; anything else is probably a typo. */
export const STARLIGHT_KEYS = [
  'title', 'description', 'slug', 'editUrl', 'head', 'tableOfContents', 'template', 'hero',
  'lastUpdated', 'prev', 'next', 'sidebar', 'banner', 'pagefind', 'draft',
] as const;

/** How to fix each field, shown next to the validator's message. */
export const FIELD_FIXES: Record<string, string> = {
  title: 'give the lesson a non-empty title (Russian; English pattern names may stay)',
  description: 'write a one-sentence, non-empty description',
  order: 'set order to the number in the file name (05-… → 5)',
  difficulty: `use one of: ${DIFFICULTIES.join(', ')}`,
  estimatedTime: 'give whole minutes from 1 to 240, e.g. estimatedTime: 30',
  topics: 'list at least one unique kebab-case topic, e.g. topics: [outbox, kafka-connect]',
  prerequisites: 'list lesson ids like module-4/04-content-based-routing (module folder without its number prefix, file name without .mdx)',
  sqlSetup: 'list lab SQL files relative to the project root, e.g. sqlSetup: [labs/schemas/shop.sql]',
  number: 'set number to the module number in the folder name (04-module-4 → 4)',
  covers: 'list at least one learning outcome as a non-empty string',
};
