import type { SearchDocument } from '../search-index.js';
import { tokenise } from '../text/normalise.js';
import { yearOf } from '../text/year.js';

/** What one document becomes in the embedded index. */
export interface DocRow {
  docs: [
    id: string,
    organisationId: string,
    platform: string,
    kind: string,
    status: string,
    accountId: string | null,
    authorKind: 'own' | 'other',
    createdAt: number,
    year: number,
    conversationId: string | null,
    language: string | null,
    hasMedia: number,
  ];
  /** Every version as JSON, for highlighting and telling which version matched. */
  versions: string;
  /** FTS columns: current text, earlier versions' text, author handle and name. */
  fts: [text: string, history: string, author: string];
}

export function toDocRow(doc: SearchDocument): DocRow {
  const versions = doc.versions.map((v) => ({ versionNo: v.versionNo, text: v.text }));
  const text = versions.at(-1)?.text ?? '';
  const history = versions
    .slice(0, -1)
    .map((v) => v.text)
    .join('\n');
  const author = [doc.authorHandle, doc.authorName].filter((s): s is string => !!s).join(' ');
  return {
    docs: [
      doc.id,
      doc.organisationId,
      doc.platform,
      doc.kind,
      doc.status,
      doc.accountId,
      doc.accountId === null ? 'other' : 'own',
      doc.createdAt,
      yearOf(doc.createdAt),
      doc.conversationId,
      doc.language,
      doc.hasMedia ? 1 : 0,
    ],
    versions: JSON.stringify(versions),
    fts: [text, history, author],
  };
}

/** The distinct terms a row puts into the FTS index (for the typo vocabulary). */
export function rowTerms(row: DocRow, into: Set<string>): void {
  for (const column of row.fts) for (const t of tokenise(column)) into.add(t);
}
