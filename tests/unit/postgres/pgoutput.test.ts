import { describe, expect, test } from 'vitest';
import type { Pgoutput } from 'pg-logical-replication';
import { groupTransactions, type Message } from '../../support/postgres/pgoutput.ts';

const relation: Pgoutput.MessageRelation = {
  tag: 'relation', relationOid: 1, schema: 'public', name: 'outbox', replicaIdentity: 'default', columns: [], keyColumns: ['id'],
};
const begin = (xid: number): Message => ({ tag: 'begin', commitLsn: `0/${xid}`, commitTime: 0n, xid });
const commit = (xid: number): Message => ({ tag: 'commit', flags: 0, commitLsn: `0/${xid}`, commitEndLsn: null, commitTime: 0n });
const insert: Message = { tag: 'insert', relation, new: { id: 'a' } };

describe('groupTransactions', () => {
  test('keeps stream order and drops transactions without published changes (PostgreSQL 14 sends them)', () => {
    const stream = [begin(9), commit(9), begin(8), relation, insert, commit(8)];
    const transactions = groupTransactions(stream);
    expect(transactions.map((tx) => [tx.xid, tx.messages.map((m) => m.tag)])).toEqual([[8, ['begin', 'relation', 'insert', 'commit']]]);
    expect(groupTransactions(stream, { keepEmpty: true }).map((tx) => tx.xid)).toEqual([9, 8]);
  });

  test('a truncated stream is an error, not a silent partial result', () => {
    expect(() => groupTransactions([begin(1), insert])).toThrow('transaction 1 has no COMMIT in the stream');
    expect(() => groupTransactions([insert])).toThrow('insert message outside a transaction');
  });
});
