import { describe, expect, test } from 'vitest';
import { parseMajor, SERVER_SETTINGS, settingsToFlags } from '../../support/postgres/config.ts';
import { testDatabaseName } from '../../support/postgres/database.ts';
import { describeCause, formatStartupError, LogTail, redactUrl } from '../../support/postgres/errors.ts';
import { lineAt } from '../../support/postgres/schemas.ts';
import { parseServerVersionNum } from '../../support/postgres/version.ts';

describe('server version', () => {
  test('parses server_version_num', () => {
    expect(parseServerVersionNum('180004')).toEqual({ major: 18, minor: 4, text: '18.4' });
    expect(parseServerVersionNum(140023)).toEqual({ major: 14, minor: 23, text: '14.23' });
    expect(() => parseServerVersionNum('90624')).toThrow(/PostgreSQL 10 or newer/);
    expect(() => parseServerVersionNum('18.4')).toThrow();
  });
});

describe('config', () => {
  test('PG_TEST_MAJOR defaults to 18', () => {
    expect(parseMajor({})).toEqual({ major: 18, explicit: false });
    expect(parseMajor({ PG_TEST_MAJOR: ' 16 ' })).toEqual({ major: 16, explicit: true });
    expect(() => parseMajor({ PG_TEST_MAJOR: '16.2' })).toThrow(/not supported/);
  });

  test('every server gets logical decoding and fsync=off', () => {
    expect(settingsToFlags(SERVER_SETTINGS)).toEqual(expect.arrayContaining(['-c', 'wal_level=logical', 'fsync=off']));
    expect(settingsToFlags({ a: '1', b: '' })).toEqual(['-c', 'a=1', '-c', 'b=']);
  });
});

describe('startup errors', () => {
  test('an undefined rejection never reads "undefined"', () => {
    const error = formatStartupError({
      what: 'start embedded PostgreSQL 18 on 127.0.0.1:5555',
      cause: undefined,
      exit: { code: 1, signal: null },
      logTail: ['FATAL:  data directory "/x" has invalid permissions'],
    });
    expect(error.message).not.toMatch(/undefined/);
    expect(error.message).toBe(
      [
        'Could not start embedded PostgreSQL 18 on 127.0.0.1:5555: the server process exited with code 1 before accepting connections',
        '--- last 1 server log lines ---',
        'FATAL:  data directory "/x" has invalid permissions',
        '--- end of server log ---',
      ].join('\n'),
    );
  });

  test('without an exit status or log it still says why', () => {
    const message = formatStartupError({ what: 'start X', cause: undefined }).message;
    expect(message).toBe('Could not start X: it was rejected without an error object\n(the server wrote no log output)');
    expect(describeCause(Object.assign(new Error('spawn /x/initdb EACCES'), { code: 'EACCES' }))).toBe('spawn /x/initdb EACCES');
    expect(describeCause(Object.assign(new Error('connect refused'), { code: 'ECONNREFUSED' }))).toBe('connect refused (ECONNREFUSED)');
  });

  test('the log tail keeps the last lines only', () => {
    const tail = new LogTail(2);
    tail.push('one\ntwo\n');
    tail.push(new Error('three'));
    expect(tail.lines()).toEqual(['two', 'three']);
    expect(tail.includes('thr')).toBe(true);
  });

  test('passwords are masked in URLs', () => {
    expect(redactUrl('postgresql://postgres:s3cret@db:5432/postgres')).toBe('postgresql://postgres:***@db:5432/postgres');
  });
});

describe('names and positions', () => {
  test('test database names are valid, prefixed and short', () => {
    const name = testDatabaseName('abc123', 'Outbox WAL / pgoutput test file with a long name', 'ffffff');
    expect(name).toBe('t_abc123_outbox_wal_pgoutput_test_file_ffffff');
    expect(name.length).toBeLessThanOrEqual(63);
  });

  test('lineAt turns an error position into a line number', () => {
    expect(lineAt('SELECT 1;\nSELEC 2;', 11)).toBe(2);
    expect(lineAt('SELECT 1;', 1)).toBe(1);
  });
});
