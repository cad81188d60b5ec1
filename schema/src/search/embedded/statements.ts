import type Database from 'better-sqlite3';
import { BM25_WEIGHTS } from './schema-sql.js';

/** The write and lookup statements, prepared once per connection. */
export interface Statements {
  upsertDoc: Database.Statement<unknown[], { rid: number }>;
  selectDoc: Database.Statement<[string], { rid: number; removed: number }>;
  markRemoved: Database.Statement<[number, string], { rid: number }>;
  upsertText: Database.Statement<[number, string]>;
  deleteText: Database.Statement<[number]>;
  selectId: Database.Statement<[number], string>;
  /** Id and versions of a page of rids (a JSON array), in one statement. */
  pageRows: Database.Statement<[string], [number, string, string | null]>;
  conversationRids: Database.Statement<[string], number>;
  insertFts: Database.Statement<[number, string, string, string]>;
  deleteFts: Database.Statement<[number]>;
  /** rid → bm25 (lower is better) of every document a MATCH expression selects. */
  bm25: Database.Statement<[string], [number, number]>;
  readSeq: Database.Statement<[], number>;
  writeSeq: Database.Statement<[number]>;
}

export function prepareStatements(db: Database.Database): Statements {
  return {
    upsertDoc: db.prepare(
      `INSERT INTO search_docs (id, seq, removed, org, platform, kind, status, account, language, year, has_media,
         created_at, conversation_id)
       VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, removed = 0, org = excluded.org,
         platform = excluded.platform, kind = excluded.kind, status = excluded.status,
         account = excluded.account, language = excluded.language, year = excluded.year,
         has_media = excluded.has_media, created_at = excluded.created_at,
         conversation_id = excluded.conversation_id
       RETURNING rid`,
    ),
    selectDoc: db.prepare('SELECT rid, removed FROM search_docs WHERE id = ?'),
    markRemoved: db.prepare(
      'UPDATE search_docs SET removed = 1, seq = ? WHERE id = ? AND removed = 0 RETURNING rid',
    ),
    upsertText: db.prepare('INSERT OR REPLACE INTO search_texts (rid, versions) VALUES (?, ?)'),
    deleteText: db.prepare('DELETE FROM search_texts WHERE rid = ?'),
    selectId: db.prepare<[number], string>('SELECT id FROM search_docs WHERE rid = ?').pluck(),
    pageRows: db
      .prepare<[string], [number, string, string | null]>(
        `SELECT d.rid, d.id, t.versions FROM search_docs d LEFT JOIN search_texts t ON t.rid = d.rid
         WHERE d.rid IN (SELECT value FROM json_each(?))`,
      )
      .raw(),
    conversationRids: db
      .prepare<[string], number>(
        'SELECT rid FROM search_docs WHERE conversation_id = ? AND removed = 0 ORDER BY rid',
      )
      .pluck(),
    insertFts: db.prepare('INSERT INTO search_fts (rowid, text, history, author) VALUES (?, ?, ?, ?)'),
    deleteFts: db.prepare('DELETE FROM search_fts WHERE rowid = ?'),
    bm25: db
      .prepare<[string], [number, number]>(
        `SELECT rowid, bm25(search_fts, ${BM25_WEIGHTS}) FROM search_fts WHERE search_fts MATCH ?`,
      )
      .raw(),
    readSeq: db.prepare<[], number>("SELECT value FROM search_meta WHERE key = 'seq'").pluck(),
    writeSeq: db.prepare("UPDATE search_meta SET value = ? WHERE key = 'seq'"),
  };
}
