// What the search box asks Pagefind: the query as typed, then, while there are fewer results than
// it shows, fallbacks whose results come after. A pasted error carries the student's own names and
// numbers (`replication slot "orders_slot" does not exist`, `Timestamp 1732895123000 …`) that the
// troubleshooting index writes as «…», so a page quoting the lesson's own example may match the
// query while the index does not. The fallbacks: the query without quoted names and words with
// digits, then its first four words. Pure: no DOM.
const QUOTED = /"[^"\n]*"|'[^'\n]*'|«[^»\n]*»/g;
const WITH_DIGIT = /\S*\d\S*/g;
const MESSAGE_PREFIX = /^(?:ERROR|FATAL|WARN|WARNING|ОШИБКА|ВАЖНО):\s+/i;

export function searchQueries(typed: string): string[] {
  const query = typed.trim();
  const queries = [query];
  // one word (a term, a SQLSTATE such as 55000) is searched as typed
  if (!/\s/.test(query)) return queries;
  const stripped = query
    .replace(MESSAGE_PREFIX, '')
    .replace(QUOTED, ' ')
    .replace(WITH_DIGIT, ' ')
    .replace(/[…:;,.()[\]{}]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (stripped !== '' && stripped !== query) queries.push(stripped);
  const words = stripped.split(' ');
  if (words.length > 4) queries.push(words.slice(0, 4).join(' '));
  return queries;
}
