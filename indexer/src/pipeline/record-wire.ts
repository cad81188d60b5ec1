import { isPreparedItem, type ItemKind, type Platform, type PreparedItem, type StoredMedia } from '@bewaard/schema';
import type { PipelineRecord } from './pipeline-record.js';

/**
 * How records cross from the reader worker to the importing thread. A prepared item travels as a
 * flat array: the structured clone of a nested object costs the receiving thread per property,
 * and at a million items that thread is the import's bottleneck (an array decodes in less than
 * half the time). Everything else travels as it is.
 */
type PackedItem = [
  fileIndex: number,
  line: number | null,
  offset: number | null,
  platform: Platform,
  platformItemId: string,
  kind: ItemKind,
  authorId: string,
  authorHandle: string | null,
  authorName: string | null,
  createdAt: number,
  url: string | null,
  conversationPlatformId: string | null,
  inReplyToPlatformId: string | null,
  quotedPlatformId: string | null,
  repostOfPlatformId: string | null,
  edit: [platformVersionId: string | null, editedAt: number | null, position: number | null] | null,
  text: string,
  language: string | null,
  contentHash: string,
  contentJson: string,
  rawJson: string,
  media: StoredMedia[],
];

export interface WireChunk {
  files: string[];
  records: Array<PackedItem | PipelineRecord>;
}

export function encodeChunk(records: readonly PipelineRecord[]): WireChunk {
  const files: string[] = [];
  const fileIndex = (file: string) => {
    const at = files.indexOf(file);
    return at >= 0 ? at : files.push(file) - 1;
  };
  return {
    files,
    records: records.map((r) => {
      if (r.kind !== 'item' || !isPreparedItem(r.item)) return r;
      const { item, location } = r;
      const { author, edit, version: v } = item;
      return [
        fileIndex(location.file), location.line, location.offset, item.platform, item.platformItemId, item.kind,
        author.platformActorId, author.handle, author.displayName, item.createdAt.getTime(), item.url,
        item.conversationPlatformId, item.inReplyToPlatformId, item.quotedPlatformId, item.repostOfPlatformId,
        edit ? [edit.platformVersionId, edit.editedAt ? edit.editedAt.getTime() : null, edit.position] : null,
        v.text, v.language, v.contentHash, v.contentJson, v.rawJson, v.media,
      ] satisfies PackedItem;
    }),
  };
}

export function decodeChunk(chunk: WireChunk): PipelineRecord[] {
  return chunk.records.map((r) => (Array.isArray(r) ? unpack(r, chunk.files) : r));
}

function unpack(p: PackedItem, files: string[]): PipelineRecord {
  const item: PreparedItem = {
    platform: p[3],
    platformItemId: p[4],
    kind: p[5],
    author: { platformActorId: p[6], handle: p[7], displayName: p[8] },
    createdAt: new Date(p[9]),
    url: p[10],
    conversationPlatformId: p[11],
    inReplyToPlatformId: p[12],
    quotedPlatformId: p[13],
    repostOfPlatformId: p[14],
    edit: p[15] ? { platformVersionId: p[15][0], editedAt: p[15][1] === null ? null : new Date(p[15][1]), position: p[15][2] } : null,
    version: { text: p[16], language: p[17], contentHash: p[18], contentJson: p[19], rawJson: p[20], media: p[21] },
  };
  return { kind: 'item', item, location: { file: files[p[0]]!, line: p[1], offset: p[2] } };
}
