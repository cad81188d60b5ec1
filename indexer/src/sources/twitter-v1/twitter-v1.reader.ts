import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { isJsonObject } from '../json.js';
import { readLines, type TextLine } from '../line-reader.js';
import { parseJsonLine } from '../json-line.js';
import { excerptOf, type RecordBody, type RecordLocation, type Source, type SourceRecord } from '../source.js';
import { firstNonBlankLine } from '../twarc2/twarc2.classify.js';
import { EditChains } from '../twarc2/twarc2.edit-chains.js';
import { scanJsonValues } from './json-value-scanner.js';
import { parseScanEvent, pathOf } from './scanned-json.js';
import { isV1DateString, V1_DATE_IN_JSON } from './twitter-v1.dates.js';
import { collectEditChains, collectEditChainsFromChunks } from './twitter-v1.edit-info.js';
import { V1_FORMAT, V1PayloadReader } from './twitter-v1.payload.js';

/**
 * X API v1.1 tweets as saved by harvesters and scripts: a JSON array (pretty-printed or not), a
 * single tweet, JSON lines (one tweet, or one API response such as a user_timeline page, per
 * line), and HTTP response bodies handed over from WARC records (`readContent`).
 */
export const twitterV1Source: Source = {
  format: V1_FORMAT,
  detect: (_file, head) => detectTwitterV1(head),
  read: readTwitterV1File,
  readContent: readTwitterV1Content,
};

const HEAD_BYTES = 64 * 1024;

/**
 * A file is v1.1 when its first JSON value is a v1.1 tweet (an `id_str`, a v1.1 `created_at`
 * "Wed Oct 10 20:19:24 +0000 2018", a text), a list or search response of those, a users/lookup
 * user with a `status`, or a streaming delete message. When the first line is not a complete
 * JSON value (pretty-printed, or a page longer than the head), the same markers are matched in
 * the text. API v2 (twarc2) uses ISO dates and `data`, so the two never both match.
 */
export function detectTwitterV1(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').trimStart();
  if (!text.startsWith('{') && !text.startsWith('[')) return false;
  const first = firstNonBlankLine(text);
  const parsed = first === null ? undefined : tryParse(first.text);
  if (parsed !== undefined) return looksLikeV1(parsed, 0);
  if (/^\{\s*"(?:data|errors|includes)"\s*:/.test(text)) return false;
  return V1_DATE_IN_JSON.test(text) && /"id_str"\s*:\s*"\d+"/.test(text) && /"(?:user|statuses|screen_name)"\s*:/.test(text);
}

function looksLikeV1(value: unknown, depth: number): boolean {
  if (Array.isArray(value)) return depth < 2 && value.length > 0 && looksLikeV1(value[0], depth + 1);
  if (!isJsonObject(value)) return false;
  if (Array.isArray(value.statuses)) return value.statuses.length > 0 ? looksLikeV1(value.statuses[0], depth + 1) : 'search_metadata' in value;
  if (isJsonObject(value.delete) && isJsonObject(value.delete.status)) return true;
  const hasBody = 'text' in value || 'full_text' in value || 'extended_tweet' in value || isJsonObject(value.status);
  return 'id_str' in value && isV1DateString(value.created_at) && hasBody;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

async function* readTwitterV1File(file: string): AsyncGenerator<SourceRecord> {
  // JSON lines when the first line is a JSON value of its own: then a broken line costs only
  // itself. Otherwise the file is one document (pretty-printed), split into its elements.
  if (tryParse(firstNonBlankLine(await readHead(file))?.text ?? '') !== undefined) {
    // Pre-pass: edit chains on any line, so references to later versions resolve across lines.
    const chains = new EditChains();
    for await (const line of readLines(file)) {
      if (!line.overLong && line.text.includes('edit_tweet_ids')) collectEditChains(line.text, chains);
    }
    for await (const line of readLines(file)) {
      const location = { file, line: line.line, offset: line.offset };
      for (const body of recordsOfLine(line, chains)) yield withLocation(body, location);
    }
    return;
  }
  yield* recordsOfDocument(() => createReadStream(file) as AsyncIterable<Buffer>, file);
}

/** A response body: `label` (e.g. `harvest.warc.gz#record-12 https://api…`) is the location's file. */
async function* readTwitterV1Content(label: string, content: string): AsyncGenerator<SourceRecord> {
  const bytes = Buffer.from(content, 'utf8');
  yield* recordsOfDocument(() => [bytes], label);
}

/** @param open gives the document's bytes; called twice (edit-chain pre-pass, then the read). */
async function* recordsOfDocument(open: () => AsyncIterable<Buffer> | Iterable<Buffer>, label: string): AsyncGenerator<SourceRecord> {
  const chains = new EditChains();
  await collectEditChainsFromChunks(open(), chains);
  const reader = new V1PayloadReader(chains);
  for await (const event of scanJsonValues(open())) {
    const parsed = parseScanEvent(event, label);
    if (!parsed.ok) {
      yield parsed.record;
      continue;
    }
    const where = event.kind === 'value' ? pathOf(event) : '$';
    for (const body of reader.records(parsed.value, where)) yield withLocation(body, parsed.location);
  }
}

/** Each line is one capture unit (a response): duplicates are dropped within it. */
function recordsOfLine(line: TextLine, chains: EditChains): RecordBody[] {
  const problem = (reason: string): RecordBody[] => [{ kind: 'quarantine', reason, excerpt: excerptOf(line.text) }];
  const parsedLine = parseJsonLine(line, 'one line');
  if (parsedLine.kind === 'blank') return [];
  if (parsedLine.kind === 'problem') return problem(parsedLine.reason);
  const parsed = parsedLine.value;
  return new V1PayloadReader(chains).records(parsed);
}

function withLocation(body: RecordBody, location: RecordLocation): SourceRecord {
  return { ...body, location };
}

async function readHead(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return new TextDecoder('utf-8').decode(buffer.subarray(0, bytesRead), { stream: true });
  } finally {
    await handle.close();
  }
}
