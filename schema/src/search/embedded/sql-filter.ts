import type { SearchRequest } from '../search-index.js';

/** A WHERE clause over `search_docs d` and its bound parameters. */
export interface SqlFilter {
  where: string;
  params: (string | number)[];
}

/**
 * Every value is a bound parameter; only column names and placeholders are written into the SQL.
 * The organisation condition is always present, so no code path can search across tenants.
 */
export function buildSqlFilter(request: SearchRequest): SqlFilter {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const inList = (column: string, values: readonly string[]): void => {
    clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  const equals = (column: string, value: string | number): void => {
    clauses.push(`${column} = ?`);
    params.push(value);
  };

  inList('d.organisation_id', request.organisationIds);
  const f = request.filter ?? {};
  if (f.platforms) inList('d.platform', f.platforms);
  if (f.accountIds) inList('d.account_id', f.accountIds);
  if (f.kinds) inList('d.kind', f.kinds);
  if (f.statuses) inList('d.status', f.statuses);
  if (f.authorKind) equals('d.author_kind', f.authorKind);
  if (f.conversationId !== undefined) equals('d.conversation_id', f.conversationId);
  if (f.language !== undefined) equals('d.language', f.language);
  if (f.hasMedia !== undefined) equals('d.has_media', f.hasMedia ? 1 : 0);
  if (f.from !== undefined) {
    clauses.push('d.created_at >= ?');
    params.push(f.from);
  }
  if (f.to !== undefined) {
    clauses.push('d.created_at < ?');
    params.push(f.to);
  }
  return { where: clauses.join(' AND '), params };
}
