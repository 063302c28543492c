// labs/schemas/outbox-table.sql is what the lessons tell students to run; these
// tests pin its shape, because the Debezium Outbox Event Router depends on it.
import { describe, expect, test } from 'vitest';
import { withDatabase } from '../../support/postgres/database.ts';
import { sqlState } from '../../support/postgres/sql-error.ts';

const OUTBOX_SQL = 'labs/schemas/outbox-table.sql';
const db = withDatabase('outbox_table');

interface ColumnRow {
  column_name: string;
  data_type: string;
  character_maximum_length: number | null;
  is_nullable: 'YES' | 'NO';
  column_default: string | null;
}

/** Everything the file defines, as one comparable value. */
async function outboxCatalog() {
  const columns = await db.query<ColumnRow>(
    `SELECT column_name, data_type, character_maximum_length, is_nullable, column_default
       FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = 'outbox'
      ORDER BY ordinal_position`,
  );
  const constraints = await db.query<{ contype: string; columns: string[] }>(
    `SELECT c.contype, array_agg(a.attname::text ORDER BY a.attnum) AS columns
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.conrelid = 'public.outbox'::regclass
      GROUP BY c.conname, c.contype ORDER BY c.conname`,
  );
  const indexes = await db.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'outbox' ORDER BY indexname`,
  );
  const comment = await db.query<{ comment: string | null }>(
    `SELECT obj_description('public.outbox'::regclass, 'pg_class') AS comment`,
  );
  return { columns: columns.rows, constraints: constraints.rows, indexes: indexes.rows, comment: comment.rows[0]?.comment };
}

describe('labs/schemas/outbox-table.sql', () => {
  test('applies on an empty database', async () => {
    const before = await db.query(`SELECT 1 FROM pg_tables WHERE schemaname = 'public'`);
    expect(before.rowCount).toBe(0);
    await db.apply(OUTBOX_SQL);
    const after = await db.query(`SELECT to_regclass('public.outbox') AS t`);
    expect(after.rows[0]).toEqual({ t: 'outbox' });
  });

  test('applies again on top of itself without error or change', async () => {
    const first = await outboxCatalog();
    await db.apply(OUTBOX_SQL);
    await db.apply(OUTBOX_SQL);
    expect(await outboxCatalog()).toEqual(first);
  });

  test('columns, types, NOT NULL and defaults are as specified', async () => {
    const { columns } = await outboxCatalog();
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'uuid', character_maximum_length: null, is_nullable: 'NO', column_default: 'gen_random_uuid()' },
      { column_name: 'aggregatetype', data_type: 'character varying', character_maximum_length: 255, is_nullable: 'NO', column_default: null },
      { column_name: 'aggregateid', data_type: 'character varying', character_maximum_length: 255, is_nullable: 'NO', column_default: null },
      { column_name: 'type', data_type: 'character varying', character_maximum_length: 255, is_nullable: 'NO', column_default: null },
      { column_name: 'payload', data_type: 'jsonb', character_maximum_length: null, is_nullable: 'NO', column_default: null },
      { column_name: 'created_at', data_type: 'timestamp without time zone', character_maximum_length: null, is_nullable: 'NO', column_default: 'now()' },
    ]);
  });

  test('id is the primary key, so deletes can be published', async () => {
    const { constraints } = await outboxCatalog();
    // PostgreSQL 18 also records NOT NULL as constraints (contype 'n'); only the key matters here.
    expect(constraints.filter((c) => c.contype === 'p')).toEqual([{ contype: 'p', columns: ['id'] }]);
    const identity = await db.query(`SELECT relreplident FROM pg_class WHERE oid = 'public.outbox'::regclass`);
    expect(identity.rows[0]).toEqual({ relreplident: 'd' });
  });

  test('created_at has its btree index and the table its comment', async () => {
    const { indexes, comment } = await outboxCatalog();
    expect(indexes).toEqual([
      { indexname: 'idx_outbox_created', indexdef: 'CREATE INDEX idx_outbox_created ON public.outbox USING btree (created_at)' },
      { indexname: 'outbox_pkey', indexdef: 'CREATE UNIQUE INDEX outbox_pkey ON public.outbox USING btree (id)' },
    ]);
    expect(comment).toBe('Transactional outbox for reliable event publishing via Debezium');
  });

  test('defaults fill id and created_at', async () => {
    const { rows } = await db.query<{ id: string; fresh: boolean }>(
      `INSERT INTO public.outbox (aggregatetype, aggregateid, type, payload)
       VALUES ('order', '42', 'OrderApproved', '{"orderId": 42}')
       RETURNING id, created_at BETWEEN now() - interval '1 minute' AND now() AS fresh`,
    );
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(rows[0]?.fresh).toBe(true);
    await db.query('DELETE FROM public.outbox');
  });

  test('a NULL payload is rejected (23502 not_null_violation)', async () => {
    const error = await db
      .query(`INSERT INTO public.outbox (aggregatetype, aggregateid, type, payload) VALUES ('order', '1', 'OrderApproved', NULL)`)
      .catch((e: unknown) => e);
    expect(sqlState(error)).toBe('23502');
    expect(error).toMatchObject({ column: 'payload' });
  });

  test('a non-JSON payload is rejected (22P02 invalid_text_representation)', async () => {
    const error = await db
      .query(`INSERT INTO public.outbox (aggregatetype, aggregateid, type, payload) VALUES ('order', '1', 'OrderApproved', $1)`, [
        'order approved',
      ])
      .catch((e: unknown) => e);
    expect(sqlState(error)).toBe('22P02');
    expect((error as Error).message).toMatch(/invalid input syntax for type json/);
  });
});
