// The static half of `check:snippets`: decides what happens to each code block of a file
// and checks everything that needs no database (opt-outs, placeholders, JSON, connector
// configs, stated routes). SQL blocks come back as a plan for the runner.
import { blockAction, findPlaceholders, type PgClaim } from './block-policy.ts';
import type { Catalogue } from './catalogue.ts';
import type { CodeBlock } from './code-blocks.ts';
import { checkConnectorConfig, connectorConfigOf, declaredAliases, optionPrefixes, POSTGRES_CONNECTOR } from './config-check.ts';
import { parseRoutes, routeTopic } from './routing.ts';

export interface SnippetProblem {
  file: string;
  line: number;
  lang: string;
  message: string;
  /** what to do about it, when the message does not say */
  fix?: string;
}

export interface SqlStep {
  line: number;
  sql: string;
  expectError?: string;
  /** `pg="…"`: the majors the block holds on; on the others it must fail */
  pg?: PgClaim;
}

export interface FileCounts {
  run: number;
  checked: number;
  optedOut: number;
  notChecked: number;
}

export interface FilePlan {
  file: string;
  sql: SqlStep[];
  counts: FileCounts;
  problems: SnippetProblem[];
}

export function planFile(file: string, blocks: readonly CodeBlock[], catalogue: Catalogue): FilePlan {
  const problems: SnippetProblem[] = [];
  const sql: SqlStep[] = [];
  const counts: FileCounts = { run: 0, checked: 0, optedOut: 0, notChecked: 0 };
  const report = (block: CodeBlock, message: string, fix?: string) =>
    problems.push({ file, line: block.line, lang: block.lang || 'text', message, ...(fix ? { fix } : {}) });
  const prefixes = optionPrefixes(catalogue);
  const configOf = (block: CodeBlock, value: unknown) => connectorConfigOf(value, { prefixes, marked: block.attributes.config !== undefined });

  // Fragments may name an SMT alias whose type another block of the same file declares.
  const knownAliases = new Map<string, string>();
  for (const block of blocks) {
    if (block.lang !== 'json') continue;
    try {
      const config = configOf(block, JSON.parse(block.value));
      if (config) for (const [alias, type] of declaredAliases(config.config)) knownAliases.set(alias, type);
    } catch {
      // reported below
    }
  }

  for (const block of blocks) {
    const action = blockAction(block);
    switch (action.kind) {
      case 'invalid':
        report(block, action.reason);
        break;
      case 'opted-out':
        counts.optedOut++;
        break;
      case 'not-checked':
        counts.notChecked++;
        break;
      case 'run-sql': {
        const placeholders = findPlaceholders(block.value);
        if (placeholders.length > 0) {
          report(block, `placeholder ${placeholders.map((p) => `"${p}"`).join(', ')} in a runnable block: write a real value, or opt out with nocheck="reason"`);
          break;
        }
        counts.run++;
        sql.push({
          line: block.line,
          sql: block.value,
          ...(action.expectError === undefined ? {} : { expectError: action.expectError }),
          ...(action.pg ? { pg: action.pg } : {}),
        });
        break;
      }
      case 'check-json': {
        counts.checked++;
        let value: unknown;
        try {
          value = JSON.parse(block.value);
        } catch (error) {
          report(block, `invalid JSON: ${(error as Error).message}`, invalidJsonFix(block.value));
          break;
        }
        const config = configOf(block, value);
        const routes = block.attributes.routes;
        if (!config) {
          if (routes !== undefined) report(block, 'routes="…" is set, but the block is not a connector config', 'mark it as one: ```json config routes="…"');
          break;
        }
        const context = { defaultConnector: POSTGRES_CONNECTOR, knownAliases };
        for (const problem of checkConnectorConfig(catalogue, config.config, { fragment: config.fragment, context })) {
          report(block, `"${problem.key}" ${problem.message}`, problem.fix);
        }
        if (routes === true) report(block, 'routes needs pairs: routes="Order=outbox.event.Order"');
        else if (routes !== undefined) checkRoutes(block, config.config, routes, report);
        break;
      }
    }
  }
  return { file, sql, counts, problems };
}

/** JSON with comments or `...` is an illustration, not data: say how to show it. */
export function invalidJsonFix(text: string): string {
  const illustrative = /^\s*\/\/|\/\*|(^|[^.])\.\.\.([^.]|$)|…/m.test(text);
  return illustrative
    ? 'this looks like illustrative JSON (comments or "..."): tag the block jsonc (highlighted, not checked), or write it as complete valid JSON'
    : 'write valid JSON (no comments, no trailing commas, keys in double quotes), tag it jsonc if it is an illustration, or opt out with nocheck="reason"';
}

function checkRoutes(block: CodeBlock, config: Record<string, unknown>, routes: string, report: (block: CodeBlock, message: string) => void): void {
  let pairs: { input: string; topic: string }[];
  try {
    pairs = parseRoutes(routes);
  } catch (error) {
    report(block, (error as Error).message);
    return;
  }
  for (const { input, topic } of pairs) {
    try {
      const actual = routeTopic(config, input);
      if (actual !== topic) report(block, `routes states "${input}" lands in "${topic}", but this config sends it to "${actual}"`);
    } catch (error) {
      report(block, `cannot compute the topic for "${input}": ${(error as Error).message}`);
    }
  }
}
