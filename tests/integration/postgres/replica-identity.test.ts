// Why the outbox needs its primary key: a table without a replica identity in a
// publication that publishes deletes cannot be deleted from at all.
import { beforeAll, describe, expect, test } from 'vitest';
import { withDatabase } from '../../support/postgres/database.ts';
import { sqlState } from '../../support/postgres/sql-error.ts';

const db = withDatabase('replica_identity');

const insertEvent = (table: string) =>
  db.query(
    `INSERT INTO ${table} (aggregatetype, aggregateid, type, payload) VALUES ('order', '1', 'OrderApproved', '{}') RETURNING id`,
  );

beforeAll(async () => {
  await db.apply('labs/schemas/outbox-table.sql');
  await db.query('CREATE SCHEMA nopk');
  // Same columns, NOT NULLs and defaults; LIKE copies no primary key.
  await db.query('CREATE TABLE nopk.outbox (LIKE public.outbox INCLUDING DEFAULTS)');
  await db.query('CREATE PUBLICATION nopk_pub FOR TABLE nopk.outbox');
  await db.query('CREATE PUBLICATION outbox_pub FOR TABLE public.outbox');
});

describe('replica identity', () => {
  test('an outbox without a primary key in a publication that publishes deletes rejects DELETE (55000)', async () => {
    const { rows } = await db.query(`SELECT relreplident, relhasindex FROM pg_class WHERE oid = 'nopk.outbox'::regclass`);
    expect(rows[0]).toEqual({ relreplident: 'd', relhasindex: false });
    await insertEvent('nopk.outbox'); // inserts need no identity

    const error = await db.query('DELETE FROM nopk.outbox').catch((e: unknown) => e);
    expect(sqlState(error)).toBe('55000'); // object_not_in_prerequisite_state
    expect((error as Error).message).toBe(
      'cannot delete from table "outbox" because it does not have a replica identity and publishes deletes',
    );
    expect(error).toMatchObject({ hint: 'To enable deleting from the table, set REPLICA IDENTITY using ALTER TABLE.' });
  });

  test('the same table deletes fine once the publication stops publishing deletes', async () => {
    await db.query(`ALTER PUBLICATION nopk_pub SET (publish = 'insert')`);
    await expect(db.query('DELETE FROM nopk.outbox')).resolves.toMatchObject({ rowCount: 1 });
  });

  test('the outbox as specified (primary key on id) deletes fine while published', async () => {
    const { rows } = await insertEvent('public.outbox');
    await expect(db.query('DELETE FROM public.outbox WHERE id = $1', [rows[0]?.id])).resolves.toMatchObject({ rowCount: 1 });
  });
});
