import type { SearchDocument } from '../search-index.js';
import { tokenise } from '../text/normalise.js';
import { yearOf } from '../text/year.js';
import type { Dictionaries } from './dictionary.js';

/** What one document becomes in the embedded index. */
export interface DocRow {
  /** `search_docs` values after rid-less id and seq: the coded fields, createdAt, conversation. */
  fields: [
    org: number,
    platform: number,
    kind: number,
    status: number,
    account: number,
    language: number,
    year: number,
    hasMedia: number,
    createdAt: number,
    conversationId: string | null,
  ];
  /** Every version as JSON, for highlighting and telling which version matched. */
  versions: string;
  /** FTS columns: current text, earlier versions' text, author handle and name. */
  fts: [text: string, history: string, author: string];
}

/** Call inside the writing transaction: new field values get their codes there. */
export function toDocRow(doc: SearchDocument, dictionaries: Dictionaries): DocRow {
  const versions = doc.versions.map((v) => ({ versionNo: v.versionNo, text: v.text }));
  const text = versions.at(-1)?.text ?? '';
  const history = versions
    .slice(0, -1)
    .map((v) => v.text)
    .join('\n');
  const author = [doc.authorHandle, doc.authorName].filter((s): s is string => !!s).join(' ');
  return {
    fields: [
      dictionaries.encode('org', doc.organisationId),
      dictionaries.encode('platform', doc.platform),
      dictionaries.encode('kind', doc.kind),
      dictionaries.encode('status', doc.status),
      dictionaries.encode('account', doc.accountId),
      dictionaries.encode('language', doc.language),
      yearOf(doc.createdAt),
      doc.hasMedia ? 1 : 0,
      doc.createdAt,
      doc.conversationId,
    ],
    versions: JSON.stringify(versions),
    fts: [text, history, author],
  };
}

/** The distinct terms a row puts into the FTS index (for the typo vocabulary). */
export function rowTerms(row: DocRow, into: Set<string>): void {
  for (const column of row.fts) for (const t of tokenise(column)) into.add(t);
}
