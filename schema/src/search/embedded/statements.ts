import type Database from 'better-sqlite3';

/** The write and lookup statements, prepared once per connection. */
export interface Statements {
  upsertDoc: Database.Statement<unknown[], { rid: number }>;
  selectRid: Database.Statement<[string], number>;
  upsertText: Database.Statement<[number, string]>;
  deleteText: Database.Statement<[number]>;
  selectText: Database.Statement<[number], string>;
  deleteDoc: Database.Statement<[string], { rid: number }>;
  insertFts: Database.Statement<[number, string, string, string]>;
  deleteFts: Database.Statement<[number]>;
}

export function prepareStatements(db: Database.Database): Statements {
  return {
    upsertDoc: db.prepare(
      `INSERT INTO search_docs (id, organisation_id, platform, kind, status, account_id, author_kind, created_at,
         year, conversation_id, language, has_media)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET organisation_id = excluded.organisation_id, platform = excluded.platform,
         kind = excluded.kind, status = excluded.status, account_id = excluded.account_id,
         author_kind = excluded.author_kind, created_at = excluded.created_at, year = excluded.year,
         conversation_id = excluded.conversation_id, language = excluded.language,
         has_media = excluded.has_media
       RETURNING rid`,
    ),
    upsertText: db.prepare('INSERT OR REPLACE INTO search_texts (rid, versions) VALUES (?, ?)'),
    deleteText: db.prepare('DELETE FROM search_texts WHERE rid = ?'),
    selectText: db.prepare<[number], string>('SELECT versions FROM search_texts WHERE rid = ?').pluck(),
    selectRid: db.prepare<[string], number>('SELECT rid FROM search_docs WHERE id = ?').pluck(),
    deleteDoc: db.prepare('DELETE FROM search_docs WHERE id = ? RETURNING rid'),
    insertFts: db.prepare('INSERT INTO search_fts (rowid, text, history, author) VALUES (?, ?, ?, ?)'),
    deleteFts: db.prepare('DELETE FROM search_fts WHERE rowid = ?'),
  };
}
