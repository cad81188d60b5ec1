import type { DeletionNotice, NormalisedItem } from '@bewaard/schema';

/**
 * The contract every import source implements. A source turns one input file into a stream of
 * records; it never throws on bad input inside a file: whatever it cannot read becomes a
 * `quarantine` record that says where and why, and reading continues.
 */

/** Where a record came from, so an archivist can go back to the exact bytes. */
export interface RecordLocation {
  file: string;
  /** 1-based line number; null for formats without lines. */
  line: number | null;
  /** Byte offset of the start of the line (or record) in the file; null when unknown. */
  offset: number | null;
}

export type SourceRecord =
  | { kind: 'item'; item: NormalisedItem; location: RecordLocation }
  | { kind: 'deletion'; notice: DeletionNotice; location: RecordLocation }
  | { kind: 'quarantine'; location: RecordLocation; reason: string; excerpt: string };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A record before the reader attaches its location (what normalisers return). */
export type RecordBody = DistributiveOmit<SourceRecord, 'location'>;

export interface Source {
  /** Stable name of the format, e.g. `twarc2`; also used as `raw.format`. */
  format: string;
  /** true when this file looks like the format (by peeking at its first bytes/lines). */
  detect(file: string, head: string): boolean;
  read(file: string): AsyncIterable<SourceRecord>;
  /**
   * Reads one payload held in memory: an HTTP response body from a WARC record, or a page fetched
   * by a live harvest. `label` names where it came from and becomes `RecordLocation.file`
   * (e.g. `harvest.warc.gz#record-12 https://api…`). Formats that only exist as files on disk
   * (a zip archive, a folder export) leave it out.
   */
  readContent?(label: string, content: string): AsyncIterable<SourceRecord>;
  /** Formats recognised by their raw bytes (.warc.gz, .wacz, export zips): asked before binary files are refused. */
  detectBinary?(file: string, head: Buffer): boolean;
}

/** Longest excerpt kept in a quarantine record: enough to recognise the input, not a copy of it. */
export const EXCERPT_LENGTH = 500;

export function excerptOf(text: string): string {
  return text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH)}…`;
}

export function quarantine(reason: string, excerptSource: string): RecordBody {
  return { kind: 'quarantine', reason, excerpt: excerptOf(excerptSource) };
}
