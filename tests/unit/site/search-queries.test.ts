import { expect, test } from 'vitest';
import { searchQueries } from '../../../src/site/search/queries.ts';

test('a pasted error falls back to its words without the student’s names and numbers', () => {
  expect(searchQueries('replication slot "orders_slot" does not exist')).toEqual(['replication slot "orders_slot" does not exist', 'replication slot does not exist', 'replication slot does not']);
  expect(searchQueries('ERROR:  cannot update table "payments"')).toEqual(['ERROR:  cannot update table "payments"', 'cannot update table']);
  expect(searchQueries('InvalidTimestampException: Timestamp 1732895123000 of message with offset 0 is out of range.')).toEqual([
    'InvalidTimestampException: Timestamp 1732895123000 of message with offset 0 is out of range.',
    'InvalidTimestampException Timestamp of message with offset is out of range',
    'InvalidTimestampException Timestamp of message',
  ]);
});

test('a plain word or a SQLSTATE is searched as typed', () => {
  expect(searchQueries('маршрутизации')).toEqual(['маршрутизации']);
  expect(searchQueries('55000')).toEqual(['55000']);
  expect(searchQueries('42P10')).toEqual(['42P10']);
});
