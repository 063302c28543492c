// The outbox pattern at the WAL level: what Debezium's PostgreSQL connector
// would receive from a pgoutput slot when the application writes the outbox.
import type pg from 'pg';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { testServer, withDatabase } from '../../support/postgres/database.ts';
import { createPgoutputSlot, groupTransactions, plain, readSlot, type DecodedRow } from '../../support/postgres/pgoutput.ts';

const PUBLICATION = 'outbox_pub';
// Fixed ids from labs/schemas/shop.sql.
const ORDER_ANNA = '8c1f7a52-3d5e-4b8a-9f61-2a7d0c4e9b13';
const ORDER_IGOR = 'b7e2d9c4-6a1f-4e3b-8d25-5f9a0b1c7e46';

const db = withDatabase('outbox_wal');
let slot: string;
const opened: pg.Client[] = [];

async function client(): Promise<pg.Client> {
  const c = await db.connect();
  opened.push(c);
  return c;
}

async function currentXid(c: pg.Client): Promise<number> {
  const { rows } = await c.query<{ xid: string }>('SELECT pg_current_xact_id()::xid::text AS xid');
  return Number(rows[0]?.xid);
}

async function insertEvent(c: pg.Client, orderId: string, type: string) {
  const { rows } = await c.query(
    `INSERT INTO public.outbox (aggregatetype, aggregateid, type, payload)
     VALUES ('order', $1, $2, $3) RETURNING *`,
    // Spaces and key order on purpose: jsonb normalises both.
    [orderId, type, `{"status": "APPROVED",   "orderId": "${orderId}"}`],
  );
  const event = rows[0];
  if (!event) throw new Error('INSERT ... RETURNING returned no row');
  return event as { id: string; aggregateid: string; payload: unknown; created_at: Date };
}

const peek = (): Promise<DecodedRow[]> => readSlot(db, slot, PUBLICATION);
const lsnValue = (lsn: string | null): bigint => {
  const [hi = '0', lo = '0'] = (lsn ?? '0/0').split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
};

beforeAll(async () => {
  await db.apply('labs/schemas/shop.sql');
  await db.apply('labs/schemas/outbox-table.sql');
  await db.query(`CREATE PUBLICATION ${PUBLICATION} FOR TABLE public.outbox`);
  // Slot names are cluster-wide; the database name keeps parallel files apart.
  // withDatabase's drop() removes the slot with the database.
  slot = `slot_${db.name}`;
  await createPgoutputSlot(await client(), slot);
});

beforeEach(async () => {
  // Each test reads only what it wrote.
  await readSlot(db, slot, PUBLICATION, { consume: true });
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((c) => c.end()));
});

describe('outbox through a pgoutput slot', () => {
  test('insert + delete in the business transaction: table empty, stream holds INSERT (full row) then DELETE (key only)', async () => {
    const app = await client();
    await app.query('BEGIN');
    await app.query(`UPDATE public.orders SET status = 'APPROVED' WHERE id = $1`, [ORDER_ANNA]);
    const event = await insertEvent(app, ORDER_ANNA, 'OrderApproved');
    const xid = await currentXid(app);
    await app.query('DELETE FROM public.outbox WHERE id = $1', [event.id]);
    await app.query('COMMIT');

    expect((await db.query('SELECT count(*)::int AS n FROM public.outbox')).rows[0]).toEqual({ n: 0 });
    expect((await db.query('SELECT status FROM public.orders WHERE id = $1', [ORDER_ANNA])).rows[0]).toEqual({ status: 'APPROVED' });

    const transactions = groupTransactions((await peek()).map((row) => row.message));
    expect(transactions).toHaveLength(1);
    const [tx] = transactions;
    expect(tx?.xid).toBe(xid);
    // orders is not in the publication, so its UPDATE is not in the stream.
    expect(tx?.messages.map((m) => m.tag)).toEqual(['begin', 'relation', 'insert', 'delete', 'commit']);

    const [insert, del] = tx?.changes ?? [];
    if (insert?.tag !== 'insert' || del?.tag !== 'delete') throw new Error('expected an insert, then a delete');
    expect(`${insert.relation.schema}.${insert.relation.name}`).toBe('public.outbox');
    expect(insert.relation.keyColumns).toEqual(['id']);
    expect(plain(insert.new)).toEqual({
      id: event.id,
      aggregatetype: 'order',
      aggregateid: ORDER_ANNA,
      type: 'OrderApproved',
      payload: { orderId: ORDER_ANNA, status: 'APPROVED' },
      created_at: event.created_at,
    });
    expect(plain(del.key)).toEqual({ id: event.id });
    expect(del.old).toBeNull();
  });

  test('a rolled-back transaction decodes to nothing', async () => {
    const app = await client();
    await app.query('BEGIN');
    await app.query(`UPDATE public.orders SET status = 'REJECTED' WHERE id = $1`, [ORDER_IGOR]);
    await insertEvent(app, ORDER_IGOR, 'OrderRejected');
    const xid = await currentXid(app);
    await app.query('ROLLBACK');

    const rows = await peek();
    expect(rows.filter((row) => Number(row.xid) === xid)).toEqual([]);
    expect(groupTransactions(rows.map((row) => row.message))).toEqual([]);
    // Our servers run without autovacuum, so nothing else commits in this database.
    if (testServer().mode !== 'external') expect(rows).toEqual([]);
  });

  test('transactions come out in commit order, not start order', async () => {
    const first = await client();
    const second = await client();

    await first.query('BEGIN');
    const firstEvent = await insertEvent(first, ORDER_ANNA, 'OrderShipped');
    const firstXid = await currentXid(first);

    await second.query('BEGIN');
    const secondEvent = await insertEvent(second, ORDER_IGOR, 'OrderShipped');
    const secondXid = await currentXid(second);
    await second.query('DELETE FROM public.outbox WHERE id = $1', [secondEvent.id]);
    await second.query('COMMIT');

    await first.query('DELETE FROM public.outbox WHERE id = $1', [firstEvent.id]);
    await first.query('COMMIT');

    expect(firstXid).toBeLessThan(secondXid); // the first one started first
    const transactions = groupTransactions((await peek()).map((row) => row.message));
    expect(transactions.map((tx) => tx.xid)).toEqual([secondXid, firstXid]);
    expect(transactions.map((tx) => tx.changes.map((c) => c.tag))).toEqual([
      ['insert', 'delete'],
      ['insert', 'delete'],
    ]);
    const aggregateIds = transactions.map((tx) => {
      const insert = tx.changes[0];
      return insert?.tag === 'insert' ? insert.new.aggregateid : undefined;
    });
    expect(aggregateIds).toEqual([ORDER_IGOR, ORDER_ANNA]);
    const [a, b] = transactions;
    expect(lsnValue(a?.commitLsn ?? null)).toBeLessThan(lsnValue(b?.commitLsn ?? null));
  });
});
