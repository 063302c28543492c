// The glossary: the validator reports every problem with file:line, and the real glossary is
// valid, large enough, and holds the term choices the course decided on.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { courseLessonIds, GLOSSARY_FILE, parseGlossary } from '../../../src/course/fs/load-glossary.ts';
import { validateGlossary, type CompiledTerm } from '../../../src/course/glossary.ts';
import { findAvoided } from '../../../src/course/avoid-pattern.ts';
import { formatProblems } from '../../../src/course/problems.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;
const LESSONS = new Set(['module-1/01-intro', 'module-1/02-wal']);

function validate(yaml: string) {
  return validateGlossary(parseGlossary(yaml, 'glossary.yaml'), { lessonIds: LESSONS });
}

const TERM = `- id: snapshot
  ru: снимок
  en: snapshot
  definition: 'Чтение текущего содержимого таблиц.'
  avoid: [снапшот*]
  introducedIn: module-1/01-intro
`;

describe('validateGlossary', () => {
  test('a valid term compiles its avoid patterns', () => {
    const { terms, problems } = validate(TERM);
    expect(problems).toEqual([]);
    expect(terms.map((t) => [t.term.id, t.term.line, t.patterns.map((p) => p.pattern)])).toEqual([['snapshot', 1, ['снапшот*']]]);
  });

  test('reports every problem at once, each with its line, field and fix', () => {
    const yaml = `${TERM}
- id: Snapshot
  ru: снимок
  en: snapshot
  definition: 'Снимок. Второе предложение.'
  avoid:
    - снимок
    - снап(шот
  introducedIn: module-1/03-slots
  plannedIn: module-1
  color: red

- id: offset
  ru: offset
  en: offset
  definition: 'Позиция чтения, иначе снапшот.'
`;
    const { terms, problems } = validate(yaml);
    const shown = formatProblems(problems);
    // The second item fails its schema (the id), so its other fields wait for the next run.
    expect(terms.map((t) => t.term.id)).toEqual(['snapshot']);
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [17, 'color'],
      [8, 'id'],
      [19, 'introducedIn'],
      [22, 'definition'],
    ]);
    expect(shown).toContain('glossary.yaml:17 color = "red"\n    term "Snapshot": unknown field\n    fix: remove it; known fields: id, ru, en, definition, avoid, introducedIn, plannedIn');
    expect(shown).toContain('glossary.yaml:8 id = "Snapshot"\n    term "Snapshot": "Snapshot" has the wrong form\n    fix: give a unique kebab-case id');
    expect(shown).toContain('glossary.yaml:19 introducedIn = (missing)\n    term "offset": says neither where the term is introduced nor where it will be');
    expect(shown).toContain('glossary.yaml:22 definition = "снапшот"\n    term "offset": the definition uses «снапшот», a variant to avoid (снапшот*, term "snapshot")');
  });

  test('term checks: duplicate ids and Russian terms, bad lesson, both places, sentences, patterns', () => {
    const yaml = `${TERM}
- id: snapshot
  ru: Снимок
  en: snapshot
  definition: 'Снимок. Второе предложение.'
  avoid:
    - снимок*
    - снап(шот
  introducedIn: module-1/03-wal
`;
    const shown = formatProblems(validate(yaml).problems);
    expect(shown).toContain('glossary.yaml:8 id = "snapshot"\n    term "snapshot": the id is also used at line 1');
    expect(shown).toContain('glossary.yaml:9 ru = "Снимок"\n    term "snapshot": term "snapshot" has the same Russian term');
    expect(shown).toContain('glossary.yaml:11 definition = "Снимок. Второе предложение."\n    term "snapshot": the definition must be one sentence ending with a full stop');
    expect(shown).toContain('glossary.yaml:13 avoid[0] = "снимок*"\n    term "snapshot": the pattern matches the term itself («Снимок»)');
    expect(shown).toContain('glossary.yaml:14 avoid[1] = "снап(шот"\n    term "snapshot": the pattern does not compile: "(" is not closed');
    expect(shown).toContain('glossary.yaml:15 introducedIn = "module-1/03-wal"\n    term "snapshot": no lesson has this id\n    fix: did you mean "module-1/02-wal"?');
  });

  test('introducedIn and plannedIn exclude each other; plannedIn names a module', () => {
    const both = formatProblems(validate(TERM.replace('introducedIn: module-1/01-intro', 'introducedIn: module-1/01-intro\n  plannedIn: module-1')).problems);
    expect(both).toContain('plannedIn = "module-1"\n    term "snapshot": introducedIn and plannedIn exclude each other');
    const badModule = formatProblems(validate(TERM.replace('introducedIn: module-1/01-intro', 'plannedIn: 1')).problems);
    expect(badModule).toContain('plannedIn = 1');
  });

  test('broken YAML and a file that is not a list are problems, not crashes', () => {
    expect(validate('- id: [a\n').problems[0]).toMatchObject({ file: 'glossary.yaml', message: expect.stringContaining('the glossary cannot be read') });
    expect(validate('id: a\n').problems[0]!.message).toContain('not a YAML list of terms');
  });
});

describe('the course glossary', () => {
  const source = parseGlossary(readFileSync(`${ROOT}/${GLOSSARY_FILE}`, 'utf8'), GLOSSARY_FILE);
  const { terms, problems } = validateGlossary(source, { lessonIds: courseLessonIds(ROOT) });
  const byId = new Map(terms.map((term) => [term.term.id, term]));
  const flagged = (text: string) =>
    terms.flatMap(({ term, patterns }: CompiledTerm) => patterns.flatMap(({ regex }) => findAvoided(regex, text).map((match) => `${match.text} → ${term.ru}`)));

  test('is valid against the course and has at least 40 terms for modules 1, 2 and 4', () => {
    expect(problems, formatProblems(problems)).toEqual([]);
    expect(terms.length).toBeGreaterThanOrEqual(40);
    const where = (t: CompiledTerm) => t.term.plannedIn ?? t.term.introducedIn!.split('/')[0];
    for (const module of ['module-1', 'module-2', 'module-4']) expect(terms.filter((t) => where(t) === module).length).toBeGreaterThanOrEqual(8);
  });

  test('holds the decided Russian terms', () => {
    const ru = (id: string) => byId.get(id)?.term.ru;
    expect([ru('change-event'), ru('snapshot'), ru('design-pattern'), ru('consumer'), ru('producer'), ru('topic'), ru('offset'), ru('tombstone'), ru('worker'), ru('production')]).toEqual([
      'событие изменения', 'снимок', 'паттерн', 'потребитель', 'продюсер', 'топик', 'offset', 'tombstone', 'воркер', 'продакшен',
    ]);
  });

  test('flags the decided variants to avoid', () => {
    const text = [
      'change events', "change event'ы", 'снапшота', 'шаблона Outbox', 'шаблон outbox', 'шаблон проектирования', 'консьюмеры',
      'темы Kafka', 'оффсета', 'смещение offset', 'надгробие', 'томбстоуны', 'рабочий процесс Connect', 'в production', 'в продакшн',
    ].join('; ');
    expect(flagged(text).sort()).toEqual([
      'change events → событие изменения', "change event → событие изменения", 'снапшота → снимок', 'шаблона Outbox → паттерн', 'шаблон outbox → паттерн',
      'шаблон проектирования → паттерн', 'консьюмеры → потребитель', 'темы Kafka → топик', 'оффсета → offset', 'смещение offset → offset',
      'надгробие → tombstone', 'томбстоуны → tombstone', 'рабочий процесс Connect → воркер', 'в production → продакшен', 'в продакшн → продакшен',
    ].sort());
  });

  test('leaves legitimate words alone', () => {
    const text = 'Шаблон строки `outbox.event.${routedByValue}`, тема урока, производитель оборудования, в продакшене, offset-ами, ' +
      'смещение по времени, снимок, события изменения, рабочий процесс команды, topic.prefix, потребитель, продюсер.';
    expect(flagged(text)).toEqual([]);
  });
});
