// Splits a lesson's bash block into commands and words the way bash would for the simple
// commands lessons use: backslash-newline continuations, single and double quotes, `#`
// comments, and `&&` between commands. Anything fancier (pipes, redirections, $(...)) is
// reported, so a lesson never runs differently from what the student types.

export interface ShellCommand {
  words: string[];
  /** 1-based line of the command inside the block. */
  line: number;
}

export class ShellSyntaxError extends Error {}

export function splitCommands(script: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  const physical = script.replace(/\r\n?/g, '\n').split('\n');
  let buffer = '';
  let startLine = 0;
  physical.forEach((raw, index) => {
    if (buffer === '') startLine = index + 1;
    if (raw.endsWith('\\')) {
      buffer += `${raw.slice(0, -1)} `;
      return;
    }
    buffer += raw;
    const text = buffer.trim();
    buffer = '';
    if (text === '' || text.startsWith('#')) return;
    for (const words of splitWords(text)) commands.push({ words, line: startLine });
  });
  return commands;
}

/** Words of one logical line; `&&` separates commands. */
export function splitWords(line: string): string[][] {
  const commands: string[][] = [[]];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && '"\\$`'.includes(line[i + 1] ?? '')) word += line[++i];
      else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\') {
      word += line[++i] ?? '';
      inWord = true;
    } else if (c === ' ' || c === '\t') {
      if (inWord) commands[commands.length - 1]!.push(word);
      word = '';
      inWord = false;
    } else if (c === '#' && !inWord) {
      break;
    } else if (c === '&' && line[i + 1] === '&') {
      if (inWord) commands[commands.length - 1]!.push(word);
      word = '';
      inWord = false;
      commands.push([]);
      i++;
    } else if ('|<>;`$'.includes(c) && !(c === '$' && line[i + 1] === undefined)) {
      throw new ShellSyntaxError(`"${c}" in \`${line}\`: the lab runner runs simple commands only (no pipes, redirections or substitutions)`);
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw new ShellSyntaxError(`unclosed ${quote} in \`${line}\``);
  if (inWord) commands[commands.length - 1]!.push(word);
  return commands.filter((words) => words.length > 0);
}
