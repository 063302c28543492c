// Reading a pgoutput slot through the SQL interface: the same protocol messages
// Debezium's PostgreSQL connector receives (plugin.name=pgoutput), parsed by
// pg-logical-replication's PgoutputPlugin, without a walsender connection.
import type pg from 'pg';
import { PgoutputPlugin, type Pgoutput } from 'pg-logical-replication';

export type Message = Pgoutput.Message;
export type ChangeMessage = Pgoutput.MessageInsert | Pgoutput.MessageUpdate | Pgoutput.MessageDelete | Pgoutput.MessageTruncate;

/** pg.Client, or a TestDatabase handle. */
export interface Queryable {
  query<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

export interface DecodedRow {
  lsn: string;
  xid: string;
  message: Message;
}

export interface DecodedTransaction {
  xid: number;
  commitLsn: string | null;
  /** Every message from BEGIN to COMMIT inclusive, in stream order. */
  messages: Message[];
  changes: ChangeMessage[];
}

export async function createPgoutputSlot(client: Queryable, slot: string): Promise<void> {
  await client.query(`SELECT pg_create_logical_replication_slot($1, 'pgoutput')`, [slot]);
}

/**
 * Decodes what the slot holds. `consume: true` advances the slot
 * (pg_logical_slot_get_binary_changes), otherwise it only peeks.
 */
export async function readSlot(
  client: Queryable,
  slot: string,
  publication: string,
  { consume = false }: { consume?: boolean } = {},
): Promise<DecodedRow[]> {
  const fn = consume ? 'pg_logical_slot_get_binary_changes' : 'pg_logical_slot_peek_binary_changes';
  const { rows } = await client.query<{ lsn: string; xid: string; data: Buffer }>(
    `SELECT lsn::text, xid::text, data FROM ${fn}($1, NULL, NULL, 'proto_version', '1', 'publication_names', $2)`,
    [slot, publication],
  );
  // A new parser per call: every SQL call is a new decoding session, which
  // sends its RELATION messages again.
  const plugin = new PgoutputPlugin({ protoVersion: 1, publicationNames: [publication] });
  return rows.map((row) => ({ lsn: row.lsn, xid: row.xid, message: plugin.parse(row.data) }));
}

function isChange(message: Message): message is ChangeMessage {
  return message.tag === 'insert' || message.tag === 'update' || message.tag === 'delete' || message.tag === 'truncate';
}

/**
 * Groups messages into transactions in stream (= commit) order. Transactions
 * without a change to a published table are dropped unless `keepEmpty`:
 * PostgreSQL 14's pgoutput sends BEGIN/COMMIT for them, 15+ skips them.
 */
export function groupTransactions(messages: readonly Message[], { keepEmpty = false } = {}): DecodedTransaction[] {
  const transactions: DecodedTransaction[] = [];
  let open: DecodedTransaction | undefined;
  for (const message of messages) {
    if (message.tag === 'begin') {
      if (open) throw new Error(`BEGIN of xid ${message.xid} inside open transaction ${open.xid}`);
      open = { xid: message.xid, commitLsn: message.commitLsn, messages: [message], changes: [] };
      continue;
    }
    if (!open) throw new Error(`${message.tag} message outside a transaction`);
    open.messages.push(message);
    if (isChange(message)) open.changes.push(message);
    if (message.tag === 'commit') {
      if (keepEmpty || open.changes.length > 0) transactions.push(open);
      open = undefined;
    }
  }
  if (open) throw new Error(`transaction ${open.xid} has no COMMIT in the stream`);
  return transactions;
}

/** A decoded row as a plain object: pgoutput rows have a null prototype. */
export function plain(row: Record<string, unknown> | null | undefined): Record<string, unknown> | null {
  return row ? { ...row } : null;
}
