import { describe, expect, test } from 'vitest';
import { extractCodeBlocks } from '../../../src/snippets/code-blocks.ts';
import { extractLabSteps } from '../../../src/snippets/lab-steps.ts';
import { collectShownOutputs, describeMismatch, linePattern, outputMatches } from '../../../src/snippets/shown-output.ts';
import { splitCommands, splitWords, ShellSyntaxError } from '../../support/lab/shell-words.ts';

describe('wildcards', () => {
  test.each([
    ['<uuid>', '5f0c6b1e-2a9d-4c7e-8b3a-1d4e6f8a9c20', 'not-a-uuid'],
    ['<lsn>', '0/1A2B3C8', '0/xyz'],
    ['<int>', '-42', '4.2'],
    ['<ts>', '1795965427354', '17:00'],
    ['<ts>', '2026-11-29 15:22:21,243', '2026-11-29'],
    ['<host:port>', '172.18.0.4:8083', '172.18.0.4'],
    ['a … b', 'a anything at all b', 'a b c'],
  ])('%s matches %s and not %s', (shown, good, bad) => {
    expect(linePattern(shown).test(good)).toBe(true);
    expect(linePattern(shown).test(bad)).toBe(false);
  });

  test('everything else is literal, including regex characters', () => {
    expect(linePattern('a.b (c) [d] $e').test('a.b (c) [d] $e')).toBe(true);
    expect(linePattern('a.b').test('axb')).toBe(false);
  });
});

describe('match modes', () => {
  const actual = 'header\nline 1\nline 2\nline 3\n\n';
  test('exact: whole output; runs of blanks count as one space; trailing blank lines ignored', () => {
    expect(outputMatches({ text: 'header\nline  1\nline\t2\nline 3', match: 'exact' }, actual)).toBe(true);
    expect(outputMatches({ text: 'header\nline 1\nline 2', match: 'exact' }, actual)).toBe(false);
  });
  test('lines: an ordered subsequence', () => {
    expect(outputMatches({ text: 'line 1\nline 3', match: 'lines' }, actual)).toBe(true);
    expect(outputMatches({ text: 'line 3\nline 1', match: 'lines' }, actual)).toBe(false);
  });
  test('unordered: the same lines in any order', () => {
    expect(outputMatches({ text: 'line 3\nheader\nline 2\nline 1', match: 'unordered' }, actual)).toBe(true);
    expect(outputMatches({ text: 'line 3\nheader\nline 2', match: 'unordered' }, actual)).toBe(false);
  });
});

describe('marking', () => {
  const lesson = [
    '```text output="a"',
    'x',
    '```',
    '```text output="a"',
    'y',
    '```',
    '```text output="b" match="sorted"',
    'z',
    '```',
    '```json output',
    '{}',
    '```',
  ].join('\n');
  test('duplicate ids, unknown match modes and missing ids are problems with their line', () => {
    const { outputs, problems } = collectShownOutputs(extractCodeBlocks(lesson, 'l.mdx'));
    expect(outputs.map((o) => o.id)).toEqual(['a']);
    expect(problems.map((p) => `${p.file}:${p.line}`)).toEqual(['l.mdx:4', 'l.mdx:7', 'l.mdx:10']);
    expect(problems[0]!.message).toContain('used twice (also at line 1)');
  });

  test('a mismatch names file:line and shows a diff', () => {
    const [shown] = collectShownOutputs(extractCodeBlocks('\n```text output="n"\nanswer 41\n```\n', 'lesson.mdx')).outputs;
    const report = describeMismatch(shown!, 'answer 42', 'step 1');
    expect(report).toContain('lesson.mdx:2 output="n" (match=exact)');
    expect(report).toMatch(/^\s+-answer 41$/m);
    expect(report).toMatch(/^\s+\+answer 42$/m);
  });
});

describe('lab steps', () => {
  const lesson = [
    "import { Steps } from '@astrojs/starlight/components';",
    '',
    '<Steps>',
    '',
    '1. **First.**',
    '',
    '   ```bash',
    '   echo 1',
    '   ```',
    '',
    '   ```text',
    '   1',
    '   ```',
    '',
    '2. **Second.**',
    '',
    '   ```json output="two"',
    '   {}',
    '   ```',
    '',
    '</Steps>',
  ].join('\n');
  test('steps keep their blocks in order; an unmarked output block in a step is a problem', () => {
    const { steps, problems } = extractLabSteps(lesson, 'l.mdx');
    expect(steps.map((s) => [s.number, s.title, s.blocks.map((b) => b.lang)])).toEqual([
      [1, 'First.', ['bash', 'text']],
      [2, 'Second.', ['json']],
    ]);
    expect(problems.map((p) => p.line)).toEqual([11]);
  });
});

describe('shell words', () => {
  test('continuations, quotes and && split as bash would', () => {
    expect(splitCommands('curl -sS -X POST \\\n  --data @a.json "http://x/y"\n# comment\ncd a && ls -l')).toEqual([
      { words: ['curl', '-sS', '-X', 'POST', '--data', '@a.json', 'http://x/y'], line: 1 },
      { words: ['cd', 'a'], line: 4 },
      { words: ['ls', '-l'], line: 4 },
    ]);
    expect(splitWords(`psql -c "SELECT 'a b'" -c 'x "y"'`)).toEqual([['psql', '-c', "SELECT 'a b'", '-c', 'x "y"']]);
  });
  test('pipes, redirections and substitutions are refused, not run differently', () => {
    expect(() => splitWords('cat a | grep b')).toThrow(ShellSyntaxError);
    expect(() => splitWords('echo $(date)')).toThrow(ShellSyntaxError);
    expect(() => splitWords('echo "unclosed')).toThrow(/unclosed/);
  });
});

describe('check:snippets and shown outputs', async () => {
  const { blockAction } = await import('../../../src/snippets/block-policy.ts');
  test('a json block marked output="…" is compared by test:lab, not checked as a config or as JSON', () => {
    const [shown, plain] = extractCodeBlocks('```json output="plugins"\n[…{"class":"x"}]\n```\n\n```json\n{}\n```\n', 'l.mdx');
    expect(blockAction(shown!)).toEqual({ kind: 'not-checked' });
    expect(blockAction(plain!)).toEqual({ kind: 'check-json' });
  });
});
