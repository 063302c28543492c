// Validates a whole course at once: file layout, frontmatter, module metadata and the
// prerequisite graph. Pure: it gets parsed sources and a file-existence check, and
// returns every problem found, so one run reports them all.
import type { z } from 'zod/v4';
import { compareCourseOrder } from './course-order.ts';
import { findCycles } from './graph.ts';
import { parseLessonPath, parseModuleFolder, type LessonPath } from './ids.ts';
import { nearest } from './nearest.ts';
import type { Problem } from './problems.ts';
import {
  FIELD_FIXES,
  lessonFields,
  lessonSchema,
  moduleSchema,
  STARLIGHT_KEYS,
  type LessonFrontmatter,
  type ModuleMetadata,
} from './schema.ts';

export interface SourceFile {
  /** Path shown in messages, relative to the project root. */
  file: string;
  /** Path relative to the course root, e.g. `04-module-4/05-outbox.mdx`. */
  relativePath: string;
  /** Parsed frontmatter or YAML; undefined when it could not be parsed. */
  data: unknown;
  /** Line of each top-level key in the file (1-based). */
  lines: Record<string, number>;
  /** Set when the YAML itself is broken. */
  parseError?: { line?: number; message: string };
}

export interface CourseSources {
  lessons: readonly SourceFile[];
  modules: readonly SourceFile[];
}

export interface Lesson extends LessonFrontmatter {
  id: string;
  file: string;
  slug: string;
  moduleId: string;
  moduleNumber: number;
}

export interface CourseModule extends ModuleMetadata {
  id: string;
  folder: string;
  file: string;
}

export interface Course {
  modules: CourseModule[];
  /** In course order. */
  lessons: Lesson[];
}

export interface ValidateOptions {
  /** Whether a project-relative path exists (for `sqlSetup`). */
  fileExists: (path: string) => boolean;
}

/** What the order and prerequisite checks need of a lesson. */
type GraphNode = Pick<Lesson, 'id' | 'file' | 'moduleId' | 'moduleNumber' | 'order' | 'prerequisites'>;
const graphSchema = lessonSchema.pick({ order: true, prerequisites: true });

const LESSON_KEYS = new Set<string>([...STARLIGHT_KEYS, ...Object.keys(lessonSchema.shape)]);
const MODULE_KEYS = new Set<string>(Object.keys(moduleSchema.shape));

export function validateCourse(sources: CourseSources, options: ValidateOptions): { course: Course; problems: Problem[] } {
  const problems: Problem[] = [];
  const modules = validateModules(sources.modules, problems);
  const moduleIds = new Set(modules.map((m) => m.id));
  const lessons: Lesson[] = [];
  const nodes: GraphNode[] = [];
  const byId = new Map<string, SourceFile>();
  const foldersWithoutModule = new Set<string>();

  for (const source of sources.lessons) {
    const path = parseLessonPath(source.relativePath);
    if (!path.ok) {
      problems.push({ file: source.file, message: path.reason, fix: path.fix });
      continue;
    }
    const previous = byId.get(path.value.id);
    if (previous) {
      problems.push({
        file: source.file,
        message: `lesson id "${path.value.id}" is also used by ${previous.file}`,
        fix: 'keep one file per lesson: rename or remove one of them',
      });
      continue;
    }
    byId.set(path.value.id, source);
    const folder = path.value.module.folder;
    const hasModuleFile = moduleIds.has(path.value.module.id) || sources.modules.some((m) => m.relativePath.startsWith(`${folder}/`));
    if (!hasModuleFile && !foldersWithoutModule.has(folder)) {
      foldersWithoutModule.add(folder);
      problems.push({
        file: source.file,
        message: `module folder ${path.value.module.folder} has no module.yaml`,
        fix: `create src/content/course/${path.value.module.folder}/module.yaml with number, title, description and covers`,
      });
    }
    const frontmatter = parseFields(source, lessonSchema, LESSON_KEYS, problems);
    if (frontmatter) {
      const lesson = toLesson(source, path.value, frontmatter);
      lessons.push(lesson);
      nodes.push(lesson);
    } else {
      // Other fields are broken, but the graph checks still run when order and
      // prerequisites are readable, so one run reports everything.
      const graphFields = graphSchema.safeParse(source.data);
      if (graphFields.success) nodes.push({ id: path.value.id, file: source.file, moduleId: path.value.module.id, moduleNumber: path.value.module.number, ...graphFields.data });
    }
  }

  lessons.sort(compareCourseOrder);
  nodes.sort(compareCourseOrder);
  checkOrders(nodes, byId, problems);
  checkPrerequisites(nodes, byId, problems);
  checkSqlSetup(sources.lessons, options, problems);
  return { course: { modules: modules.sort((a, b) => a.number - b.number), lessons }, problems };
}

function validateModules(sources: readonly SourceFile[], problems: Problem[]): CourseModule[] {
  const modules: CourseModule[] = [];
  for (const source of sources) {
    const folderName = source.relativePath.split('/')[0]!;
    const folder = parseModuleFolder(folderName);
    if (!folder.ok) {
      problems.push({ file: source.file, message: folder.reason, fix: folder.fix });
      continue;
    }
    const data = parseFields(source, moduleSchema, MODULE_KEYS, problems);
    if (!data) continue;
    if (data.number !== folder.value.number) {
      problems.push({
        file: source.file,
        line: source.lines.number,
        field: 'number',
        value: data.number,
        message: `number does not match the folder ${folderName}`,
        fix: `set number: ${folder.value.number}`,
      });
      continue;
    }
    modules.push({ ...data, id: folder.value.id, folder: folderName, file: source.file });
  }
  return modules;
}

function parseFields<S extends z.ZodObject>(
  source: SourceFile,
  schema: S,
  knownKeys: ReadonlySet<string>,
  problems: Problem[],
): z.infer<S> | undefined {
  if (source.parseError) {
    problems.push({
      file: source.file,
      line: source.parseError.line,
      message: `the YAML cannot be read: ${source.parseError.message}`,
      fix: 'correct the YAML syntax (quote values that contain a colon)',
    });
    return undefined;
  }
  const data = source.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.push({
      file: source.file,
      message: 'there is no frontmatter (or it is not a key: value map)',
      fix: 'start the file with a --- block holding the required fields (see docs/authoring.md)',
    });
    return undefined;
  }
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (knownKeys.has(key)) continue;
    const suggestion = nearest(key, knownKeys);
    problems.push({
      file: source.file,
      line: source.lines[key],
      field: key,
      value: record[key],
      message: 'unknown field',
      fix: suggestion ? `did you mean "${suggestion}"?` : `remove it; known fields: ${[...knownKeys].join(', ')}`,
    });
  }
  const result = schema.safeParse(record);
  if (result.success) return result.data;
  for (const issue of result.error.issues) problems.push(issueToProblem(source, record, issue));
  return undefined;
}

function issueToProblem(source: SourceFile, record: Record<string, unknown>, issue: z.core.$ZodIssue): Problem {
  const [key, ...rest] = issue.path.map(String);
  const field = key === undefined ? undefined : key + rest.map((part) => `[${part}]`).join('');
  let value: unknown = key === undefined ? record : record[key];
  for (const part of rest) value = (value as Record<string, unknown> | undefined)?.[part];
  return {
    file: source.file,
    line: key === undefined ? undefined : source.lines[key],
    field,
    value,
    message: describeIssue(issue, value),
    fix: (key && FIELD_FIXES[key]) ?? 'see docs/authoring.md',
  };
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is required';
      if (issue.expected === 'int') return 'must be a whole number';
      return `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${Array.isArray(value) ? 'a list' : typeof value}`;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      return `must be at most ${issue.maximum}`;
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const suggestion = typeof value === 'string' ? nearest(value, allowed) : undefined;
      return `must be one of ${allowed.join(' | ')}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
    }
    case 'invalid_format':
      return `"${String(value)}" has the wrong form`;
    default:
      return issue.message;
  }
}

function toLesson(source: SourceFile, path: LessonPath, data: LessonFrontmatter): Lesson {
  return {
    ...data,
    id: path.id,
    file: source.file,
    slug: path.slug,
    moduleId: path.module.id,
    moduleNumber: path.module.number,
  };
}

function checkOrders(lessons: readonly GraphNode[], sources: ReadonlyMap<string, SourceFile>, problems: Problem[]): void {
  const taken = new Map<string, GraphNode>();
  for (const lesson of lessons) {
    const source = sources.get(lesson.id)!;
    const prefix = parseLessonPath(source.relativePath);
    if (prefix.ok && prefix.value.filePrefix !== lesson.order) {
      problems.push({
        file: lesson.file,
        line: source.lines.order,
        field: 'order',
        value: lesson.order,
        message: `order differs from the file name prefix ${String(prefix.value.filePrefix).padStart(2, '0')}`,
        fix: `set order: ${prefix.value.filePrefix}, or rename the file to match the order`,
      });
    }
    const key = `${lesson.moduleId}#${lesson.order}`;
    const other = taken.get(key);
    if (other) {
      problems.push({
        file: lesson.file,
        line: source.lines.order,
        field: 'order',
        value: lesson.order,
        message: `order ${lesson.order} is already used in ${lesson.moduleId} by ${other.file}`,
        fix: 'give each lesson of a module its own order (and file prefix)',
      });
    } else {
      taken.set(key, lesson);
    }
  }
}

function checkPrerequisites(lessons: readonly GraphNode[], sources: ReadonlyMap<string, SourceFile>, problems: Problem[]): void {
  const byId = new Map(lessons.map((lesson) => [lesson.id, lesson]));
  const edges = new Map<string, string[]>();
  for (const lesson of lessons) {
    const line = sources.get(lesson.id)!.lines.prerequisites;
    const report = (value: string, message: string, fix: string) =>
      problems.push({ file: lesson.file, line, field: 'prerequisites', value, message, fix });
    const seen = new Set<string>();
    for (const required of lesson.prerequisites) {
      if (seen.has(required)) {
        report(required, 'is listed twice', 'list each prerequisite once');
        continue;
      }
      seen.add(required);
      if (required === lesson.id) {
        report(required, 'a lesson cannot require itself', 'remove it from prerequisites');
        continue;
      }
      const target = byId.get(required) ?? (sources.has(required) ? undefined : null);
      if (target === null) {
        const suggestion = nearest(required, sources.keys());
        report(
          required,
          'no lesson has this id',
          suggestion ? `did you mean "${suggestion}"?` : 'use the id of an existing lesson: module-N/NN-slug',
        );
        continue;
      }
      if (target === undefined) continue; // it exists but is invalid itself: reported there
      if (compareCourseOrder(target, lesson) >= 0) {
        report(
          required,
          `comes after this lesson in course order (${target.moduleId}, order ${target.order})`,
          'a prerequisite must come earlier: require an earlier lesson or reorder the lessons',
        );
      }
    }
    edges.set(lesson.id, [...seen].filter((id) => id !== lesson.id));
  }
  for (const cycle of findCycles(edges)) {
    const first = byId.get(cycle[0]!)!;
    problems.push({
      file: first.file,
      line: sources.get(first.id)!.lines.prerequisites,
      field: 'prerequisites',
      value: cycle[1],
      message: `prerequisites form a cycle: ${cycle.join(' → ')}`,
      fix: 'remove one of these prerequisites so that the chain has a start',
    });
  }
}

function checkSqlSetup(sources: readonly SourceFile[], options: ValidateOptions, problems: Problem[]): void {
  for (const source of sources) {
    // Checked apart from the rest of the frontmatter so a broken lesson still gets this report.
    const files = lessonFields.sqlSetup.safeParse((source.data as Record<string, unknown> | undefined)?.sqlSetup);
    if (!files.success) continue;
    for (const file of files.data) {
      if (options.fileExists(file)) continue;
      problems.push({
        file: source.file,
        line: source.lines.sqlSetup,
        field: 'sqlSetup',
        value: file,
        message: 'this file does not exist',
        fix: 'give a path relative to the project root of an existing lab SQL file, e.g. labs/schemas/shop.sql',
      });
    }
  }
}
