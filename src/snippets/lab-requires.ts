// A lab SQL file names the files it builds on in a header comment:
//   -- requires: labs/schemas/shop.sql, labs/schemas/outbox-table.sql
export function labRequires(sql: string): string[] {
  const line = /^--\s*requires:\s*(.+)$/m.exec(sql);
  return line ? line[1]!.split(',').map((path) => path.trim()).filter(Boolean) : [];
}
