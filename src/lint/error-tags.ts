// Errors a lesson explains, tagged where it explains them with <ErrorNote> (an MDX component,
// src/site/components/ErrorNote.astro):
//
//   <ErrorNote component="postgresql" sqlstate="55000"
//     text='cannot delete from table "…" because it does not have a replica identity and publishes deletes'
//     meaning="Таблица без replica identity входит в публикацию, которая публикует удаления." />
//
// The troubleshooting page collects them; a PostgreSQL tag must be what the server really
// raises: some `sql expect-error` block of the same lesson fails with exactly this SQLSTATE
// and message (checkPostgresTags, run by tests/integration/error-tags.test.ts). `…` in the text
// stands for a part that changes (a name, a number) within the message. Pure: no I/O, no Astro.
import type { MdxJsxAttribute, MdxJsxExpressionAttribute } from 'mdast-util-mdx-jsx';
import { visit } from 'unist-util-visit';
import type { Problem } from '../course/problems.ts';
import { parseMdx } from './prose.ts';

export const ERROR_COMPONENTS = {
  postgresql: 'PostgreSQL',
  'kafka-connect': 'Kafka Connect',
  debezium: 'Debezium',
  kafka: 'Kafka',
  consumer: 'Потребитель',
} as const;
export type ErrorComponent = keyof typeof ERROR_COMPONENTS;

export const ERROR_TAG_NAME = 'ErrorNote';
const SQLSTATE = /^[0-9A-Z]{5}$/;
const KNOWN = new Set(['component', 'text', 'sqlstate', 'meaning']);

export interface ErrorTag {
  file: string;
  line: number;
  component: ErrorComponent;
  /** the exact error text; `…` marks a part that changes */
  text: string;
  sqlstate?: string;
  /** one line: what the error means */
  meaning: string;
  /** the id of the tag on the lesson page */
  anchor: string;
}

/** The tag's id on its lesson page: `error-` and the text in Latin letters and digits. */
export function errorAnchor(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  return `error-${slug || 'text'}`;
}

function textPattern(text: string): string {
  return text
    .split('…')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^\\n]*');
}

/** Whether a message is the tag's text, `…` standing for any text within the line. */
export function errorTextMatches(text: string, message: string): boolean {
  return new RegExp(`^${textPattern(text)}$`).test(message.trim());
}

/** Whether the tag's text occurs within one line of `output` (a status JSON, a log line). */
export function errorTextOccursIn(text: string, output: string): boolean {
  return new RegExp(textPattern(text)).test(output);
}

function attributeValue(attributes: readonly (MdxJsxAttribute | MdxJsxExpressionAttribute)[], name: string): string | undefined | null {
  const attribute = attributes.find((item): item is MdxJsxAttribute => item.type === 'mdxJsxAttribute' && item.name === name);
  if (!attribute) return undefined;
  return typeof attribute.value === 'string' ? attribute.value : null;
}

/** Every <ErrorNote> of a lesson, and what is wrong with the ones that cannot be used. */
export function readErrorTags(source: string, file: string): { tags: ErrorTag[]; problems: Problem[] } {
  const tags: ErrorTag[] = [];
  const problems: Problem[] = [];
  const anchors = new Map<string, number>();
  visit(parseMdx(source), (node) => {
    if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || node.name !== ERROR_TAG_NAME) return;
    const line = node.position?.start.line ?? 1;
    const fail = (field: string, value: unknown, message: string, fix: string) => problems.push({ file, line, field: `<${ERROR_TAG_NAME} ${field}>`, value, message, fix });
    let ok = true;
    for (const attribute of node.attributes) {
      if (attribute.type === 'mdxJsxAttribute' && !KNOWN.has(attribute.name)) {
        ok = false;
        fail(attribute.name, attribute.value, 'unknown attribute', `use only ${[...KNOWN].join(', ')}`);
      }
    }
    const component = attributeValue(node.attributes, 'component');
    const text = attributeValue(node.attributes, 'text');
    const sqlstate = attributeValue(node.attributes, 'sqlstate');
    const meaning = attributeValue(node.attributes, 'meaning');
    if (typeof component !== 'string' || !(component in ERROR_COMPONENTS)) {
      ok = false;
      fail('component', component, 'is not one of the components the troubleshooting page groups by', `use one of: ${Object.keys(ERROR_COMPONENTS).join(', ')}`);
    }
    if (typeof text !== 'string' || text.trim() === '' || text.includes('\n')) {
      ok = false;
      fail('text', text, 'the exact error text is required, on one line, as a plain string', `write it as the program prints it, in single quotes if it has double quotes: text='replication slot "…" does not exist'`);
    }
    if (typeof meaning !== 'string' || meaning.trim() === '') {
      ok = false;
      fail('meaning', meaning, 'a one-line meaning is required', 'say in one Russian sentence what the error means, e.g. meaning="Слота с таким именем нет."');
    }
    if (sqlstate !== undefined && (typeof sqlstate !== 'string' || !SQLSTATE.test(sqlstate))) {
      ok = false;
      fail('sqlstate', sqlstate, 'a SQLSTATE is five digits or capital letters', 'write it as PostgreSQL reports it, e.g. sqlstate="55000"');
    } else if (sqlstate !== undefined && component !== 'postgresql') {
      ok = false;
      fail('sqlstate', sqlstate, 'only PostgreSQL errors have a SQLSTATE', 'remove sqlstate, or set component="postgresql"');
    } else if (sqlstate === undefined && component === 'postgresql') {
      ok = false;
      fail('sqlstate', undefined, 'a PostgreSQL error needs its SQLSTATE: it is how the check finds the block that raises it', 'add sqlstate="…" (the code psql shows with \\set VERBOSITY verbose)');
    }
    if (!ok) return;
    const anchor = errorAnchor(text!);
    const previous = anchors.get(anchor);
    if (previous !== undefined) {
      fail('text', text, `the lesson tags the same error at line ${previous}`, 'tag each error once, where the lesson explains it');
      return;
    }
    anchors.set(anchor, line);
    tags.push({ file, line, component: component as ErrorComponent, text: text!, ...(sqlstate ? { sqlstate } : {}), meaning: meaning!, anchor });
  });
  return { tags, problems };
}

/** An error an `expect-error` block of a lesson raised on the server. */
export interface ObservedError {
  /** line of the block */
  line: number;
  code?: string;
  message: string;
  /** the block claims other majors (pg="…") and did not run on this one: `code` is its expect-error */
  notOn?: string;
}

/** A PostgreSQL tag holds when some block of its lesson raised this SQLSTATE with this message;
 *  a block marked for other majors (pg="15+" on 14) with this SQLSTATE defers the tag to them. */
export function checkPostgresTags(tags: readonly ErrorTag[], observed: readonly ObservedError[], major?: number): Problem[] {
  const problems: Problem[] = [];
  const on = major === undefined ? '' : ` on PostgreSQL ${major}`;
  for (const tag of tags) {
    if (tag.component !== 'postgresql') continue;
    if (observed.some((error) => error.code === tag.sqlstate && (error.notOn !== undefined || errorTextMatches(tag.text, error.message)))) continue;
    const raised = observed.filter((error) => error.notOn === undefined).map((error) => `line ${error.line}: ${error.code ?? '?'} ${error.message}`);
    problems.push({
      file: tag.file,
      line: tag.line,
      field: `<${ERROR_TAG_NAME} text>`,
      value: `${tag.sqlstate} ${tag.text}`,
      message: raised.length
        ? `no sql expect-error block of this lesson raises this error${on}; the blocks raise: ${raised.join('; ')}`
        : `the lesson has no sql expect-error block that raises this error${on}`,
      fix: raised.length
        ? 'copy the SQLSTATE and message the server raises (… for names that change), or reproduce the error in a ```sql expect-error="SQLSTATE"``` block'
        : 'reproduce the error in a ```sql expect-error="SQLSTATE"``` block of the lesson, or tag it with the component that really raises it',
    });
  }
  return problems;
}

/** What shows that the lab stack raised an error: an output="…" block of the lesson that a lab
 *  run compared, or a lab test that saw the error and recorded it. */
export interface LabEvidence {
  /** compared shown outputs, by the lesson's repository-relative file */
  shown: readonly { file: string; id: string; line: number; text: string }[];
  /** errors lab tests observed, each with the tag text it proved */
  observed: readonly { file: string; text: string }[];
}

/** Every tag of a component other than PostgreSQL is an error the lab stack really raised:
 *  its text occurs in a compared output of its lesson, or a lab test of the lesson observed it. */
export function checkLabTags(tags: readonly ErrorTag[], evidence: LabEvidence): { problems: Problem[]; proven: { tag: ErrorTag; by: string }[] } {
  const problems: Problem[] = [];
  const proven: { tag: ErrorTag; by: string }[] = [];
  for (const tag of tags) {
    if (tag.component === 'postgresql') continue;
    const shown = evidence.shown.find((output) => output.file === tag.file && errorTextOccursIn(tag.text, output.text));
    if (shown) {
      proven.push({ tag, by: `output="${shown.id}" (line ${shown.line})` });
      continue;
    }
    if (evidence.observed.some((seen) => seen.file === tag.file && seen.text === tag.text)) {
      proven.push({ tag, by: 'a lab test' });
      continue;
    }
    problems.push({
      file: tag.file,
      line: tag.line,
      field: `<${ERROR_TAG_NAME} text>`,
      value: tag.text,
      message: `no lab run of this lesson produced this ${ERROR_COMPONENTS[tag.component]} error: no compared output="…" block of the lesson shows it and no lab test observed it`,
      fix: 'show the error in an output="…" block after the lab step that causes it (```bash expect-error for a refused request), or produce it in the lesson\'s lab test and call observeError(); copy the text as the stack prints it (… for parts that change)',
    });
  }
  return { problems, proven };
}
