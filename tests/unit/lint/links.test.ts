// Link gate (lint:content): relative internal links resolve to course pages and anchors;
// external links are well-formed https and are never fetched.
import { describe, expect, test } from 'vitest';
import { checkExternal, checkLink, isLabLink, relativePath, type SitePages } from '../../../src/lint/links.ts';

const site: SitePages = {
  pages: new Set(['/', '/module-4/', '/module-4/05-outbox-pattern-theory/', '/module-4/06-outbox-implementation/', '/module-5/01-monitoring/']),
  anchors: new Map([
    ['/module-4/05-outbox-pattern-theory/', new Set(['_top', 'таблица-outbox', 'дубликаты'])],
    ['/module-4/06-outbox-implementation/', new Set(['_top', 'лабораторная'])],
  ]),
};
const from = '/module-4/06-outbox-implementation/';

describe('internal links', () => {
  test.each([
    '../05-outbox-pattern-theory/',
    '../05-outbox-pattern-theory/#таблица-outbox',
    '../05-outbox-pattern-theory/#%D0%B4%D1%83%D0%B1%D0%BB%D0%B8%D0%BA%D0%B0%D1%82%D1%8B',
    '#лабораторная',
    '../',
    '../../',
    '../../module-5/01-monitoring/',
  ])('%s resolves', (url) => {
    expect(checkLink(url, from, site)).toBeUndefined();
  });

  test('a broken anchor names the target and the nearest anchor', () => {
    expect(checkLink('../05-outbox-pattern-theory/#таблица-outbx', from, site)).toEqual({
      message: '/module-4/05-outbox-pattern-theory/ has no heading with the anchor #таблица-outbx',
      fix: 'did you mean "../05-outbox-pattern-theory/#таблица-outbox"?',
    });
    expect(checkLink('#нет-такого', from, site)?.message).toContain('no heading with the anchor #нет-такого');
  });

  test('a missing page suggests the nearest one', () => {
    expect(checkLink('../05-outbox-theory/', from, site)).toEqual({
      message: 'resolves to /module-4/05-outbox-theory/, which is not a page of the course',
      fix: 'did you mean "../05-outbox-pattern-theory/"?',
    });
  });

  test('a missing trailing slash and an absolute path are errors', () => {
    expect(checkLink('../05-outbox-pattern-theory', from, site)?.message).toBe('link without a trailing slash');
    expect(checkLink('/module-4/05-outbox-pattern-theory/', from, site)).toEqual({
      message: 'absolute link: it ignores the base path the site is published under',
      fix: 'write it relative to this lesson: "../05-outbox-pattern-theory/"',
    });
  });
});

describe('external links', () => {
  test.each(['https://debezium.io/documentation/reference/3.7/', 'https://kafka.apache.org/documentation/#connect', 'https://www.postgresql.org/docs/18/logicaldecoding.html'])('%s is fine', (url) => {
    expect(checkExternal(url)).toBeUndefined();
  });
  test.each([
    ['http://debezium.io/', 'uses http:'],
    ['https://localhost/connectors', 'not a public host name'],
    ['http://localhost/', 'not a public host name'],
    ['https://127.0.0.1/', 'not a public host name'],
    ['https://intranet/', 'not a public host name'],
    ['https://', 'not a valid URL'],
    ['ftp://example.com/file', 'uses ftp:'],
    ['//example.com/x', 'protocol-relative'],
    ['mailto:someone@example.com', 'uses mailto:'],
  ])('%s fails', (url, message) => {
    expect(checkExternal(url)?.message).toContain(message);
  });
});

describe('lab links', () => {
  test.each(['http://localhost:8083/connectors', 'http://localhost:3000', 'http://localhost:8888/lab?token=x', 'http://127.0.0.1:8083/'])('%s is the student\'s lab: allowed', (url) => {
    expect(isLabLink(url)).toBe(true);
    expect(checkExternal(url)).toBeUndefined();
  });
  test.each(['http://localhost/', 'http://localhost:8083.example.com/', 'http://example.com:8083/'])('%s is not a lab link', (url) => {
    expect(isLabLink(url)).toBe(false);
    expect(checkExternal(url)).toBeDefined();
  });
  test('a localhost link without a port says how to write a lab link', () => {
    expect(checkExternal('http://localhost/')?.fix).toContain('http://localhost:8083/');
  });
});

test('relativePath writes one site path relative to another', () => {
  expect(relativePath('/module-4/06-x/', '/module-4/05-y/')).toBe('../05-y/');
  expect(relativePath('/module-4/06-x/', '/module-5/01-z/#a')).toBe('../../module-5/01-z/#a');
  expect(relativePath('/module-4/06-x/', '/module-4/')).toBe('../');
});
