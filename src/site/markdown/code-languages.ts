// Languages a code block may be tagged with: Shiki's bundled grammars (what Expressive Code
// highlights), the plain-text names, `mermaid` (our diagrams) and the aliases below, which
// ec.config.mjs hands to Expressive Code so they highlight too.
import { FOREIGN_SQL_LANGUAGES } from '../../snippets/block-policy.ts';

/** Other tags → a Shiki grammar. SQL of other systems is highlighted as SQL and never run. */
export const LANGUAGE_ALIASES: Record<string, string> = {
  ...Object.fromEntries(FOREIGN_SQL_LANGUAGES.map((lang) => [lang, 'sql'])),
};

/** Plain text in Expressive Code and Shiki; `mermaid` blocks become diagrams. */
const SPECIAL = ['text', 'txt', 'plaintext', 'plain', 'ansi', 'mermaid'];

export async function knownCodeLanguages(): Promise<Set<string>> {
  const { bundledLanguagesInfo } = await import('shiki/langs');
  const names = bundledLanguagesInfo.flatMap((info) => [info.id, ...(info.aliases ?? [])]);
  return new Set([...names, ...SPECIAL, ...Object.keys(LANGUAGE_ALIASES)].map((name) => name.toLowerCase()));
}
