// fix:typography: applies the safe typography fixes (quotes, dashes, non-breaking spaces before
// units) to the prose of every lesson and module.yaml, never to code, inline code, URLs or
// frontmatter ids; then lists what is left to fix by hand.
//   node scripts/fix-typography.ts [project-root]
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContentFiles } from '../src/lint/fs/read-content.ts';
import { fixTypography, readDocument } from '../src/lint/lint-content.ts';
import { lineColumn, sourceOffset } from '../src/lint/prose.ts';
import { checkSegment } from '../src/lint/typography.ts';
import { orExitOnContentProblems } from './lib/or-exit.ts';
import { mdxSyntaxProblem } from '../src/lint/mdx-syntax.ts';
import { formatProblem } from '../src/course/problems.ts';

const root = resolve(process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url)));
const files = orExitOnContentProblems(() => readContentFiles(root));

let total = 0;
const left: string[] = [];
for (const file of files) {
  // A lesson whose MDX does not parse is reported and left untouched; the others are fixed.
  const broken = mdxSyntaxProblem(file.file, file.source);
  if (broken) {
    left.push(formatProblem(broken));
    continue;
  }
  const { text, applied } = fixTypography(file);
  if (applied > 0) {
    writeFileSync(file.absolute, text);
    console.log(`${file.file}: ${applied} fix(es) applied`);
  }
  total += applied;
  for (const segment of readDocument({ ...file, source: text }).segments) {
    for (const issue of checkSegment(segment)) {
      const { line, column } = lineColumn(text, sourceOffset(segment, issue.start));
      left.push(`${file.file}:${line}:${column} ${issue.message}: "${issue.before}" → "${issue.after}"`);
    }
  }
}
console.log(`fix:typography: ${total} fix(es) applied in ${files.length} files`);
if (left.length > 0) {
  console.error(`\n${left.length} problem(s) need a fix by hand (they touch inline code or an HTML entity, or the MDX does not parse):`);
  for (const line of left) console.error(`  ${line}`);
  process.exit(1);
}
