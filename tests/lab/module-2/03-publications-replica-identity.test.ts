// Lesson module-2/03: what `before` holds under REPLICA IDENTITY DEFAULT and FULL, on the real
// connector. Every step as the lesson writes it; then the events themselves: DEFAULT gives a
// null `before` on update and a key-only `before` on delete, FULL gives the whole old row.
import { expect, test } from 'vitest';
import { useLessonLab } from '../../support/lab/use-lesson-lab.ts';
import { payloadOf, readTopic, sql } from '../../support/lab/lesson-config.ts';
import { deleteConnector, rest, waitForFailure } from '../../support/lab/connect-rest.ts';
import { probeConnectorConfig, probeNames } from '../../support/lab/endpoints.ts';

const { lab, ledger, lesson: LESSON, runSteps, observeError } = useLessonLab('src/content/course/02-module-2/03-publications-replica-identity.mdx');

test('the lesson\'s lab runs step by step and prints what the lesson shows', async () => {
  const run = await runSteps({ rereadTimeoutMs: 60_000 });
  expect(run.steps).toBe(5);
  expect(run.compared).toEqual(['connector-running', 'default-changes', 'full-changes', 'before-default-vs-full']);
});

test('DEFAULT: update before is null, delete before has the key only; FULL: the whole old row', async () => {
  const records = await readTopic(lab, 'ri.public.customers', 6);
  const events = records.map((r) => (r.value === null ? null : payloadOf(r.value)));
  expect(events.map((e) => e?.op ?? null)).toEqual(['u', 'd', null, 'u', 'd', null]);
  const [defUpdate, defDelete, , fullUpdate, fullDelete] = events as Record<string, Record<string, unknown> | null>[];
  expect(defUpdate!.before).toBeNull();
  expect(defDelete!.before).toMatchObject({ id: 3, phone: null });
  expect(fullUpdate!.before).toMatchObject({ id: 2, full_name: 'Игорь Петров', phone: '+7 903 111-22-33' });
  expect(fullDelete!.before).toMatchObject({ id: 2, full_name: 'Игорь Петров', phone: '+7 903 999-88-77' });
});

test('filtered mode does not alter a FOR ALL TABLES publication it finds: the task fails with Debezium\'s own error', async () => {
  await sql(lab, 'DROP PUBLICATION IF EXISTS all_tables_probe; CREATE PUBLICATION all_tables_probe FOR ALL TABLES');
  const config = probeConnectorConfig(lab, {
    ...probeNames('all_tables_probe'),
    'publication.autocreate.mode': 'filtered',
    'table.include.list': 'public\\.customers',
  });
  await rest('PUT', `${lab.connectUrl}/connectors/all-tables-probe/config`, config);
  const trace = await waitForFailure(lab.connectUrl, 'all-tables-probe', 30_000);
  observeError("A logical publication for all tables named '…' for plugin '…' and database '…' is already active on the server and can not be altered.", trace);
  // the publication is left as it was: still FOR ALL TABLES
  expect(await sql(lab, "SELECT puballtables FROM pg_publication WHERE pubname = 'all_tables_probe'")).toEqual([{ puballtables: true }]);
  await deleteConnector(lab.connectUrl, 'all-tables-probe');
  await sql(lab, 'DROP PUBLICATION all_tables_probe');
});
