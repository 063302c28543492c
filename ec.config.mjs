// @ts-check
// Expressive Code, which renders Starlight's code blocks.
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { focusableCodeBlocks } from './src/site/markdown/focusable-code-blocks.ts';
import { LANGUAGE_ALIASES } from './src/site/markdown/code-languages.ts';

export default defineEcConfig({
  plugins: [focusableCodeBlocks()],
  // Tags such as flinksql highlight as SQL (npm run check rejects tags nothing highlights).
  shiki: { langAlias: LANGUAGE_ALIASES },
});
