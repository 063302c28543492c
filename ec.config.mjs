// @ts-check
// Expressive Code, which renders Starlight's code blocks.
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { focusableCodeBlocks } from './src/site/markdown/focusable-code-blocks.ts';

export default defineEcConfig({
  plugins: [focusableCodeBlocks()],
});
