// What the search box asks Pagefind, in order, until something is found. Pagefind finds pages
// that contain every word of a query, and a pasted error carries the student's own names and
// numbers (`replication slot "orders_slot" does not exist`, `Timestamp 1732895123000 …`) that
// no page has; the index writes them as «…». So after the query as typed comes the query
// without quoted names and numbers, then its first four words. Pure: no DOM.
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
