/**
 * The embedded index's own database (separate from the main store: it is derived data and can be
 * deleted and rebuilt). Filter columns live in an ordinary table with B-tree indexes led by the
 * organisation, because every query is scoped by it; the text lives only in a contentless FTS5 table
 * (the `versions` JSON keeps it for highlighting), so it is stored once.
 */
export const SCHEMA_VERSION = 1;

export const CREATE_SCHEMA = `
CREATE TABLE IF NOT EXISTS search_docs (
  rid INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  organisation_id TEXT NOT NULL,
  platform TEXT NOT NULL,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  account_id TEXT,
  author_kind TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  year INTEGER NOT NULL,
  conversation_id TEXT,
  language TEXT,
  has_media INTEGER NOT NULL,
  versions TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS search_docs_org_created ON search_docs (organisation_id, created_at);
CREATE INDEX IF NOT EXISTS search_docs_created ON search_docs (created_at, id);
CREATE INDEX IF NOT EXISTS search_docs_org_platform ON search_docs (organisation_id, platform, created_at);
CREATE INDEX IF NOT EXISTS search_docs_org_kind ON search_docs (organisation_id, kind);
CREATE INDEX IF NOT EXISTS search_docs_org_status ON search_docs (organisation_id, status);
CREATE INDEX IF NOT EXISTS search_docs_org_author_kind ON search_docs (organisation_id, author_kind);
CREATE INDEX IF NOT EXISTS search_docs_org_language ON search_docs (organisation_id, language);
CREATE INDEX IF NOT EXISTS search_docs_org_media ON search_docs (organisation_id, has_media);
CREATE INDEX IF NOT EXISTS search_docs_account ON search_docs (account_id, created_at);
CREATE INDEX IF NOT EXISTS search_docs_conversation ON search_docs (conversation_id);
CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5 (
  text, history, author,
  content = '', contentless_delete = 1,
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
CREATE TABLE IF NOT EXISTS search_vocab (
  head TEXT NOT NULL,
  len INTEGER NOT NULL,
  term TEXT NOT NULL,
  PRIMARY KEY (head, len, term)
) WITHOUT ROWID;
`;

/** bm25 column weights: the current text counts most, earlier versions and the author less. */
export const BM25_WEIGHTS = '10.0, 3.0, 5.0';
