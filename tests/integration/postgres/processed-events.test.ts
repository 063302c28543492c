// Consumer idempotency in SQL: the dedupe row and the side effect commit
// together, so a redelivered event (at-least-once) changes nothing.
import type pg from 'pg';
import { beforeAll, describe, expect, test } from 'vitest';
import { withDatabase } from '../../support/postgres/database.ts';

const db = withDatabase('processed_events');

interface OrderEvent {
  id: string;
  type: 'OrderApproved';
  orderId: string;
}

class CrashBeforeCommit extends Error {}

/**
 * The handler the lesson describes: claim the event id with
 * INSERT ... ON CONFLICT DO NOTHING; only a new claim runs the side effect.
 */
async function handle(client: pg.Client, event: OrderEvent, { crashBeforeCommit = false } = {}): Promise<'applied' | 'duplicate'> {
  await client.query('BEGIN');
  try {
    const claim = await client.query(
      'INSERT INTO public.processed_events (event_id, event_type) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING',
      [event.id, event.type],
    );
    if (claim.rowCount === 0) {
      await client.query('COMMIT');
      return 'duplicate';
    }
    // The side effect counts its runs, so running twice would show.
    await client.query(`UPDATE public.orders SET status = 'APPROVED' WHERE id = $1`, [event.orderId]);
    await client.query('INSERT INTO public.approval_notifications (order_id, event_id) VALUES ($1, $2)', [event.orderId, event.id]);
    if (crashBeforeCommit) throw new CrashBeforeCommit('consumer died between side effect and commit');
    await client.query('COMMIT');
    return 'applied';
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

async function state(orderId: string, eventId: string) {
  const { rows } = await db.query<{ status: string; notifications: number; claimed: number }>(
    `SELECT (SELECT status FROM public.orders WHERE id = $1) AS status,
            (SELECT count(*)::int FROM public.approval_notifications WHERE order_id = $1) AS notifications,
            (SELECT count(*)::int FROM public.processed_events WHERE event_id = $2) AS claimed`,
    [orderId, eventId],
  );
  return rows[0];
}

beforeAll(async () => {
  await db.apply('labs/schemas/shop.sql');
  await db.apply('labs/schemas/processed-events.sql');
  await db.query(`CREATE TABLE public.approval_notifications (
    id BIGSERIAL PRIMARY KEY, order_id UUID NOT NULL REFERENCES public.orders (id), event_id UUID NOT NULL)`);
});

describe('labs/schemas/processed-events.sql', () => {
  test('event_id is the primary key', async () => {
    const { rows } = await db.query(
      `SELECT a.attname AS column FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = 'public.processed_events'::regclass AND i.indisprimary`,
    );
    expect(rows).toEqual([{ column: 'event_id' }]);
  });

  test('the same event handled twice applies its side effect once', async () => {
    const client = await db.connect();
    const event: OrderEvent = { id: crypto.randomUUID(), type: 'OrderApproved', orderId: '8c1f7a52-3d5e-4b8a-9f61-2a7d0c4e9b13' };
    expect(await handle(client, event)).toBe('applied');
    expect(await handle(client, event)).toBe('duplicate');
    expect(await state(event.orderId, event.id)).toEqual({ status: 'APPROVED', notifications: 1, claimed: 1 });
  });

  test('a failure between side effect and commit leaves neither; the redelivery then applies once', async () => {
    const client = await db.connect();
    const event: OrderEvent = { id: crypto.randomUUID(), type: 'OrderApproved', orderId: 'b7e2d9c4-6a1f-4e3b-8d25-5f9a0b1c7e46' };
    await expect(handle(client, event, { crashBeforeCommit: true })).rejects.toBeInstanceOf(CrashBeforeCommit);
    expect(await state(event.orderId, event.id)).toEqual({ status: 'NEW', notifications: 0, claimed: 0 });

    expect(await handle(client, event)).toBe('applied');
    expect(await handle(client, event)).toBe('duplicate');
    expect(await state(event.orderId, event.id)).toEqual({ status: 'APPROVED', notifications: 1, claimed: 1 });
  });

  test('two consumers racing on one event: the second waits for the first and then skips', async () => {
    const [first, second] = [await db.connect(), await db.connect()];
    const event: OrderEvent = { id: crypto.randomUUID(), type: 'OrderApproved', orderId: 'e4a93b17-0c8d-4f62-a5b9-7d1e3f2a6c58' };

    await first.query('BEGIN');
    await first.query('INSERT INTO public.processed_events (event_id, event_type) VALUES ($1, $2) ON CONFLICT DO NOTHING', [event.id, event.type]);
    // The second claim blocks on the first one's uncommitted key...
    const racing = handle(second, event);
    await expect.poll(async () => {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      return rows[0]?.n;
    }).toBe(1);
    await first.query(`UPDATE public.orders SET status = 'APPROVED' WHERE id = $1`, [event.orderId]);
    await first.query('INSERT INTO public.approval_notifications (order_id, event_id) VALUES ($1, $2)', [event.orderId, event.id]);
    await first.query('COMMIT');
    // ...and sees it as a duplicate once it commits.
    expect(await racing).toBe('duplicate');
    expect(await state(event.orderId, event.id)).toEqual({ status: 'APPROVED', notifications: 1, claimed: 1 });
  });
});
