import { excerptOf, type RecordLocation, type Source, type SourceRecord } from '../source.js';
import {
  BodyTooLargeError,
  decodeBodyText,
  MAX_BODY_BYTES,
  undoContentEncoding,
  undoTransferEncoding,
} from './http-body-decoding.js';
import { parseHttpResponse } from './http-response.js';
import { routePayload, type Payload } from './payload-router.js';
import { readWarcRecords, type WarcRecordHead } from './warc-records.js';

/**
 * Reads the payloads of a WARC: each HTTP response body (and each `resource` record, which holds a
 * payload without HTTP framing) is decoded and routed to the source that reads its format.
 *
 * Skipped on purpose, as they hold no captured content:
 * - warcinfo, request and metadata records (crawl description, what was asked, crawler notes);
 * - revisit records: "identical payload" revisits repeat a payload stored in an earlier record
 *   (read there), "not modified" revisits carry none. Limitation: when the original record is in a
 *   WARC that is not imported, the revisit is not resolved to it;
 * - continuation records: the rest of a segmented record, whose first segment is quarantined;
 * - dns: records (a name lookup), HTTP 1xx/3xx/204/205/304 responses, empty bodies and bodies that
 *   are an empty JSON list `[]` (a timeline page past the last post): no content.
 *
 * HTTP errors (status ≥ 400) are quarantined with their status. An API 404 for a status lookup may
 * mean the post was deleted, but a 404 also comes from a wrong URL or an expired endpoint, so no
 * deletion is inferred from it.
 */
export async function* readWarcStream(
  bytes: AsyncIterable<Uint8Array>,
  warcName: string,
  sources: () => readonly Source[],
): AsyncGenerator<SourceRecord> {
  for await (const event of readWarcRecords(bytes, (type) => PAYLOAD_TYPES.has(type))) {
    if (event.kind === 'problem') {
      const file = event.head === null ? warcName : labelOf(warcName, event.head);
      const location: RecordLocation = { file, line: null, offset: event.offset };
      yield { kind: 'quarantine', location, reason: event.reason, excerpt: excerptOf(event.excerpt) };
      continue;
    }
    const { head, block, blockBytes } = event;
    if (!PAYLOAD_TYPES.has(head.type) || head.targetUri?.startsWith('dns:') === true) continue;
    const payload = payloadOf(head, block, blockBytes, warcName);
    if (payload === null) continue;
    if ('reason' in payload) {
      const location: RecordLocation = { file: labelOf(warcName, head), line: null, offset: head.offset };
      yield { kind: 'quarantine', location, reason: payload.reason, excerpt: excerptOf(payload.excerpt) };
      continue;
    }
    yield* routePayload(payload, sources());
  }
}

const PAYLOAD_TYPES = new Set(['response', 'resource']);

export function labelOf(warcName: string, head: WarcRecordHead): string {
  return `${warcName}#${head.offset} ${head.targetUri ?? '(no WARC-Target-URI)'}`;
}

type Rejection = { reason: string; excerpt: string };

/** The decoded payload, a rejection to quarantine, or null for a record with no content. */
function payloadOf(
  head: WarcRecordHead,
  block: Buffer | null,
  blockBytes: number,
  warcName: string,
): Payload | Rejection | null {
  const uri = head.targetUri ?? '(no WARC-Target-URI)';
  const segment = head.header('WARC-Segment-Number');
  if (segment !== null)
    return {
      reason: `${head.type} record for ${uri} is segment ${segment} of a segmented record; segmented records are not reassembled`,
      excerpt: head.headerText,
    };
  if (block === null)
    return {
      reason: `${head.type} record for ${uri} is ${blockBytes} bytes, more than the ${MAX_BODY_BYTES / 1024 / 1024} MiB a payload may be to be read; not read`,
      excerpt: head.headerText,
    };

  let status: { code: number; text: string } | null = null;
  let contentType = head.contentType;
  let bytes = block;
  const notes: string[] = [];
  if (head.type === 'response') {
    const response = parseHttpResponse(block);
    if (typeof response === 'string')
      return { reason: `response record for ${uri}: ${response}`, excerpt: block.toString('latin1', 0, 600) };
    if (
      response.status < 200 ||
      (response.status >= 300 && response.status < 400) ||
      [204, 205].includes(response.status)
    )
      return null;
    status = { code: response.status, text: response.statusText };
    contentType = response.headers.get('content-type') ?? null;
    const unchunked = undoTransferEncoding(response.body, response.headers.get('transfer-encoding') ?? null);
    bytes = unchunked.bytes;
    notes.push(...unchunked.notes);
    try {
      const decompressed = undoContentEncoding(bytes, response.headers.get('content-encoding') ?? null);
      bytes = decompressed.bytes;
      notes.push(...decompressed.notes);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      return { reason: `response body from ${uri}: ${error.message}; not read`, excerpt: head.headerText };
    }
  }

  const decoded = decodeBodyText(bytes, contentType);
  notes.push(...decoded.notes);
  const what = head.type === 'response' ? 'response body' : `${head.type} record`;
  if (status !== null && status.code >= 400)
    return {
      reason: `HTTP ${status.code}${status.text ? ` ${status.text}` : ''} from ${uri}: the server answered with an error, not content`,
      excerpt: decoded.text,
    };
  if (decoded.charset === null)
    return {
      reason: `${what} from ${uri} (content-type ${contentType ?? 'not given'}) is not valid text in its charset${notes.length > 0 ? ` (${notes.join('; ')})` : ''}: binary data, or a wrong charset`,
      excerpt: decoded.text,
    };
  // An empty body or an empty JSON list (a timeline page past the last post) holds nothing to lose.
  if (/^\s*(\[\s*\])?\s*$/.test(decoded.text)) return null;
  return {
    label: labelOf(warcName, head),
    offset: head.offset,
    uri,
    what,
    contentType,
    text: decoded.text,
    notes,
  };
}
