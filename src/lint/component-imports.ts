// Components an MDX lesson uses without importing them (<ErrorNote>, <Steps>, <Aside>…). Astro
// only finds out while rendering the page, and its error names neither the file nor the line:
// "Expected component `ErrorNote` to be defined". Pure: parsing only, no I/O, no Astro.
import { visit } from 'unist-util-visit';
import type { Problem } from '../course/problems.ts';
import { parseMdx } from './prose.ts';

/** Where each component a lesson may use is imported from, for the fix. */
const KNOWN_IMPORTS: Readonly<Record<string, string>> = {
  ErrorNote: "import ErrorNote from '../../../site/components/ErrorNote.astro';",
  Steps: "import { Steps } from '@astrojs/starlight/components';",
  Aside: "import { Aside } from '@astrojs/starlight/components';",
  Tabs: "import { Tabs, TabItem } from '@astrojs/starlight/components';",
  TabItem: "import { Tabs, TabItem } from '@astrojs/starlight/components';",
};

/** Names an ESM block binds: default, named (with `as`) and namespace imports. */
export function importedNames(esm: string): Set<string> {
  const names = new Set<string>();
  for (const match of esm.matchAll(/import\s+([\s\S]*?)\s+from\s+['"][^'"]+['"]/g)) {
    const clause = match[1]!;
    const named = /\{([^}]*)\}/.exec(clause);
    if (named) {
      for (const part of named[1]!.split(',')) {
        const name = part.trim().split(/\s+as\s+/).pop()?.trim();
        if (name) names.add(name);
      }
    }
    const rest = clause.replace(/\{[^}]*\}/, '').replace(/\*\s+as\s+/, '');
    for (const part of rest.split(',')) if (part.trim()) names.add(part.trim());
  }
  return names;
}

export function checkComponentImports(source: string, file: string): Problem[] {
  const tree = parseMdx(source);
  const imported = new Set<string>();
  visit(tree, 'mdxjsEsm', (node) => {
    for (const name of importedNames((node as { value: string }).value)) imported.add(name);
  });
  const problems: Problem[] = [];
  const reported = new Set<string>();
  visit(tree, (node) => {
    if (node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') return;
    const name = (node as { name?: string | null }).name;
    // <details>, <summary>…: HTML; <Foo.Bar>: a member of an imported name
    if (!name || !/^[A-Z]/.test(name)) return;
    const root = name.split('.')[0]!;
    if (imported.has(root) || reported.has(root)) return;
    reported.add(root);
    problems.push({
      file,
      line: node.position?.start.line ?? 1,
      field: `<${name}>`,
      value: name,
      message: 'the lesson uses this component but does not import it: the site build stops with "Expected component … to be defined"',
      fix: `add at the top of the lesson, after the frontmatter: ${KNOWN_IMPORTS[root] ?? `import ${root} from '…';`}`,
    });
  });
  return problems;
}
