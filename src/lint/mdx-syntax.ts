// MDX syntax of a lesson, by the same parser MDX itself uses (remark-mdx on micromark): a file
// that does not parse fails the build, so it is reported with its line before anything else.
import remarkFrontmatter from 'remark-frontmatter';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Problem } from '../course/problems.ts';

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkMdx);

/** undefined when the MDX parses; else where and why it does not. */
export function mdxSyntaxProblem(file: string, source: string): Problem | undefined {
  if (!/\.mdx$/i.test(file)) return undefined;
  try {
    parser.parse(source);
    return undefined;
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message: string; ruleId?: string };
    const line = place.line ?? undefined;
    const text = line ? (source.split('\n')[line - 1] ?? '').trim() : undefined;
    return {
      file,
      ...(line ? { line } : {}),
      ...(line && place.column ? { column: place.column } : {}),
      field: 'mdx',
      value: text && text.length > 0 ? text : undefined,
      message: `MDX does not parse: ${place.reason ?? place.message}`,
      fix: mdxFix(place.reason ?? place.message),
    };
  }
}

function mdxFix(reason: string): string {
  if (/closing tag|end tag|expected a closing/i.test(reason)) return 'close every JSX tag (<details>…</details>) and keep each tag on its own line, separated from Markdown by blank lines';
  if (/character `<`|before name/i.test(reason)) return 'a literal < in prose must be written as &lt; or put in `inline code`';
  if (/expression|acorn|`\{`|`\}`/i.test(reason)) return 'a literal { or } in prose must be written as \\{ / \\} or put in `inline code`; a {…} expression must be valid JavaScript';
  return 'correct the MDX syntax at this line (docs/authoring.md, «Как оформлять урок»); the build fails on it too';
}
