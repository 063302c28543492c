// Server version parsing. server_version_num is the machine-readable form
// (180004 = 18.4); server_version may carry distribution suffixes.

export interface ServerVersion {
  major: number;
  minor: number;
  /** "18.4" */
  text: string;
}

export function parseServerVersionNum(raw: string | number): ServerVersion {
  const num = typeof raw === 'number' ? raw : Number(String(raw).trim());
  // Since PostgreSQL 10 the number is major * 10000 + minor; 9.x used three parts.
  if (!Number.isInteger(num) || num < 100000) {
    throw new Error(`Unsupported server_version_num ${JSON.stringify(raw)}: PostgreSQL 10 or newer expected`);
  }
  const major = Math.floor(num / 10000);
  const minor = num % 10000;
  return { major, minor, text: `${major}.${minor}` };
}
