// Spelling of prose with cspell (cspell-lib): the Russian and English dictionaries and the
// course word list, configured in cspell.config.yaml. cspell checks a copy of the file in
// which everything but prose is blanked out, so its offsets are the file's own.
import { readSettings, spellCheckDocument, suggestionsForWord, type CSpellSettings } from 'cspell-lib';
import { pathToFileURL } from 'node:url';
import { countWords, lineColumn, maskedSource, type ProseSegment } from './prose.ts';

export interface SpellingIssue {
  word: string;
  offset: number;
  line: number;
  column: number;
  suggestions: string[];
}

export interface SpellingResult {
  issues: SpellingIssue[];
  /** Words of prose handed to the spell checker. */
  words: number;
}

const settingsCache = new Map<string, Promise<CSpellSettings>>();

export function loadSpellingSettings(configFile: string): Promise<CSpellSettings> {
  let settings = settingsCache.get(configFile);
  if (!settings) {
    settings = readSettings(configFile);
    settingsCache.set(configFile, settings);
  }
  return settings;
}

/** Spell-checks the prose `segments` of `source`; `file` (absolute) names the document. */
export async function checkSpelling(file: string, source: string, segments: readonly ProseSegment[], settings: CSpellSettings): Promise<SpellingResult> {
  const text = maskedSource(source, segments);
  const result = await spellCheckDocument(
    { uri: pathToFileURL(file).href, text, languageId: 'plaintext', locale: 'ru,en' },
    { generateSuggestions: false, noConfigSearch: true, forceCheck: true },
    settings,
  );
  if (result.errors?.length) throw new Error(`cspell failed on ${file}: ${result.errors.map((error) => error.message).join('; ')}`);
  const issues: SpellingIssue[] = [];
  for (const issue of result.issues) {
    issues.push({ word: issue.text, offset: issue.offset, ...lineColumn(source, issue.offset), suggestions: await suggest(issue.text, settings) });
  }
  return { issues, words: countWords(text) };
}

// The document validator's own suggestions give up early on some Russian words («праверяется»
// gets none); asking for each unknown word finds «проверяется».
const suggestionCache = new Map<string, Promise<string[]>>();
function suggest(word: string, settings: CSpellSettings): Promise<string[]> {
  let suggestions = suggestionCache.get(word);
  if (!suggestions) {
    suggestions = suggestionsForWord(word, { languageId: 'plaintext', locale: 'ru,en', numSuggestions: 5 }, settings).then((result) =>
      result.suggestions.filter((suggestion) => !suggestion.forbidden && !suggestion.noSuggest).map((suggestion) => suggestion.word).slice(0, 5),
    );
    suggestionCache.set(word, suggestions);
  }
  return suggestions;
}
