import { expect, test } from 'vitest';
import { checkComponentImports, importedNames } from '../../../src/lint/component-imports.ts';

const lesson = (imports: string, body: string) => `---\ntitle: Урок\n---\n${imports}\n\n${body}\n`;

test('importedNames: default, named with as, and several on one line', () => {
  expect([...importedNames("import ErrorNote from '../x/ErrorNote.astro';\nimport { Aside, Steps as S } from '@astrojs/starlight/components';")].sort()).toEqual(['Aside', 'ErrorNote', 'S']);
});

test('a component used without an import is a problem with its line and the import to add; HTML and imported ones are not', () => {
  const source = lesson(
    "import { Steps } from '@astrojs/starlight/components';",
    '<details>\n<summary>Вопрос</summary>\n\nОтвет.\n\n</details>\n\n<Steps>\n\n1. Шаг.\n\n</Steps>\n\n<ErrorNote component="kafka" text="Boom" meaning="М." />\n\n<ErrorNote component="kafka" text="Bang" meaning="М." />',
  );
  const problems = checkComponentImports(source, 'a.mdx');
  expect(problems).toHaveLength(1); // reported once per component
  expect(problems[0]).toMatchObject({ file: 'a.mdx', line: 19, field: '<ErrorNote>' });
  expect(problems[0]!.fix).toBe("add at the top of the lesson, after the frontmatter: import ErrorNote from '../../../site/components/ErrorNote.astro';");
  expect(checkComponentImports(lesson("import ErrorNote from '../../../site/components/ErrorNote.astro';", '<ErrorNote component="kafka" text="Boom" meaning="М." />'), 'b.mdx')).toEqual([]);
});
