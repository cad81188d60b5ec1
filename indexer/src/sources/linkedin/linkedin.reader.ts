import type { NormalisedItem } from '@bewaard/schema';
import { readFile, stat } from 'node:fs/promises';
import { InvalidRecordError } from '../meta/json-fields.js';
import { excerptOf, type RecordLocation, type Source, type SourceRecord } from '../source.js';
import { chooseEscape, readCsv } from './linkedin.csv.js';
import {
  dateOf,
  LINKEDIN_FORMAT,
  linkedinFileOfHeader,
  normaliseComment,
  normaliseShare,
  urnOfLink,
  type LinkedinFile,
  type Row,
} from './linkedin.normaliser.js';

/**
 * LinkedIn member export CSVs: Shares.csv and Comments.csv, recognised by their header line (the
 * file name is not needed). Files on disk only, so there is no readContent.
 */
export const linkedinExportSource: Source = {
  format: LINKEDIN_FORMAT,
  detect: (_file, head) => detectLinkedin(head),
  read: readLinkedinFile,
};

const MAX_CSV_BYTES = 256 * 1024 * 1024;

function detectLinkedin(head: string): boolean {
  const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  if (firstLine.includes('{') || firstLine.length > 500) return false;
  return linkedinFileOfHeader(firstLine.split(',').map((name) => name.replace(/^"|"$/g, ''))) !== null;
}

/** Rows of one post waiting for the next row, which may belong to the same post. */
interface PendingShare {
  rows: Row[];
  csv: string[];
  location: RecordLocation;
}

async function* readLinkedinFile(file: string): AsyncGenerator<SourceRecord> {
  const whole: RecordLocation = { file, line: null, offset: null };
  const { size } = await stat(file);
  if (size > MAX_CSV_BYTES) {
    yield { kind: 'quarantine', reason: `file is ${size} bytes, more than a LinkedIn export CSV can be (${MAX_CSV_BYTES}); not read`, excerpt: '', location: whole };
    return;
  }
  const bytes = await readFile(file);
  let header: string[] | null = null;
  let kind: LinkedinFile | null = null;
  let pending: PendingShare | null = null;
  const seen = new Map<string, number>(); // synthetic comment ids handed out in this file

  const flush = function* (): Generator<SourceRecord> {
    if (pending === null) return;
    const { rows, csv, location } = pending;
    pending = null;
    yield attempt(() => normaliseShare(rows, JSON.stringify({ export: kind, rows, csv })), csv.join('\n'), location);
  };

  for await (const event of readCsv(bytes, await chooseEscape(bytes))) {
    if (event.kind === 'problem') {
      yield* flush();
      yield { kind: 'quarantine', reason: event.reason, excerpt: excerptOf(event.excerpt), location: { file, line: event.line, offset: null } };
      continue;
    }
    const location = { file, line: event.line, offset: event.offset };
    if (header === null) {
      header = event.fields.map((name) => name.trim());
      kind = linkedinFileOfHeader(header);
      if (kind === null) {
        yield { kind: 'quarantine', reason: `header ${JSON.stringify(event.raw)} is not that of a LinkedIn Shares.csv or Comments.csv; file not read`, excerpt: excerptOf(event.raw), location };
        return;
      }
      continue;
    }
    if (event.fields.length !== header.length) {
      yield* flush();
      yield { kind: 'quarantine', reason: `row has ${event.fields.length} fields where the header has ${header.length}`, excerpt: excerptOf(event.raw), location };
      continue;
    }
    const row: Row = {};
    header.forEach((name, index) => (row[name] = event.fields[index] ?? ''));

    if (kind === 'Shares.csv') {
      const previous: PendingShare | null = pending;
      if (previous !== null && previous.rows[0]?.ShareLink === row.ShareLink) {
        previous.rows.push(row);
        previous.csv.push(event.raw);
        continue;
      }
      yield* flush();
      pending = { rows: [row], csv: [event.raw], location };
      continue;
    }
    yield attempt(() => normaliseComment(row, commentId(row, seen), JSON.stringify({ export: kind, rows: [row], csv: [event.raw] })), event.raw, location);
  }
  yield* flush();
  if (header === null) yield { kind: 'quarantine', reason: 'the file holds no CSV rows, not even a header', excerpt: '', location: whole };
}

/**
 * Comments have no id in the export: `export-comment:<post urn>@<UTC time>`, with `#2`, `#3` for
 * comments on the same post in the same second (file order). Stable across re-imports.
 */
function commentId(row: Row, seen: Map<string, number>): string {
  const base = `export-comment:${urnOfLink(row.Link ?? '') ?? 'unknown'}@${dateOf(row).toISOString().replace('.000Z', 'Z')}`;
  const count = (seen.get(base) ?? 0) + 1;
  seen.set(base, count);
  return count === 1 ? base : `${base}#${count}`;
}

function attempt(normalise: () => NormalisedItem, excerpt: string, location: RecordLocation): SourceRecord {
  try {
    return { kind: 'item', item: normalise(), location };
  } catch (error) {
    if (!(error instanceof InvalidRecordError)) throw error;
    return { kind: 'quarantine', reason: error.message, excerpt: excerptOf(excerpt), location };
  }
}
