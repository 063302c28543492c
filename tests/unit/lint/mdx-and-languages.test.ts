import { expect, test } from 'vitest';
import { checkCodeLanguages } from '../../../src/lint/code-languages.ts';
import { mdxSyntaxProblem } from '../../../src/lint/mdx-syntax.ts';
import { knownCodeLanguages, LANGUAGE_ALIASES } from '../../../src/site/markdown/code-languages.ts';

test('MDX that does not parse is reported at its line with a fix', () => {
  const source = '---\ntitle: T\n---\n\n<details>\n<summary>Q</summary>\n\nA.\n\n</detals>\n';
  expect(mdxSyntaxProblem('a.mdx', source)).toMatchObject({ file: 'a.mdx', line: 10, field: 'mdx', value: '</detals>' });
  expect(mdxSyntaxProblem('a.mdx', '---\ntitle: T\n---\n\nText with a <5 sign.\n')?.fix).toContain('&lt;');
  expect(mdxSyntaxProblem('a.mdx', '# Fine\n\n<details>\n<summary>Q</summary>\n\nA.\n\n</details>\n')).toBeUndefined();
});

test('every language the course uses highlights; an unknown one lists the known ones', async () => {
  const known = await knownCodeLanguages();
  for (const lang of ['bash', 'json', 'jsonc', 'sql', 'python', 'text', 'mermaid', 'yaml', 'java', 'properties', ...Object.keys(LANGUAGE_ALIASES)]) expect(known.has(lang), lang).toBe(true);
  const problems = checkCodeLanguages('a.mdx', [{ line: 3, lang: 'promql' }, { line: 9, lang: 'sql' }, { line: 12, lang: '' }, { line: 15, lang: 'jsn' }], known);
  expect(problems.map((p) => [p.line, p.value])).toEqual([[3, 'promql'], [15, 'jsn']]);
  expect(problems[0]?.fix).toContain('use one of:');
  expect(problems[0]?.fix).toContain('sql');
  expect(problems[1]?.fix).toMatch(/^did you mean "js/);
});
