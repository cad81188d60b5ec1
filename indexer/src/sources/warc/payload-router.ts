import { describeKeys, isJsonObject } from '../json.js';
import { excerptOf, type RecordLocation, type Source, type SourceRecord } from '../source.js';

/**
 * Hands one decoded HTTP body to the source that knows its format. The sources are the same ones
 * that read files: their detect() looks at the body's start, their readContent() reads it.
 */

export interface Payload {
  /** `<warc file>#<record offset> <target URI>`; becomes RecordLocation.file of what is read. */
  label: string;
  /** Byte offset of the WARC record, so an archivist can seek back to it. */
  offset: number;
  uri: string;
  /** "response body" (HTTP) or "resource record" (a payload stored without HTTP framing). */
  what: string;
  contentType: string | null;
  text: string;
  /** Decoding steps taken or oddities met (e.g. "gzip (no Content-Encoding header says so)"). */
  notes: string[];
}

/** As much of a body as detection sees (the same 64 KiB a file's detection sees). */
const HEAD_CHARS = 64 * 1024;

export async function* routePayload(
  payload: Payload,
  sources: readonly Source[],
): AsyncGenerator<SourceRecord> {
  const location: RecordLocation = { file: payload.label, line: null, offset: payload.offset };
  const readers = sources.filter((source) => source.readContent !== undefined);
  const source = pickSource(payload, readers);
  if (source?.readContent === undefined) {
    yield {
      kind: 'quarantine',
      location,
      reason: unknownFormatReason(payload, readers),
      excerpt: excerptOf(payload.text),
    };
    return;
  }
  for await (const record of source.readContent(payload.label, payload.text)) {
    // The content reader's offset counts within the body; the record's offset is what can be
    // sought in the WARC file. Its line (within the body) is kept.
    yield {
      ...record,
      location: { file: payload.label, line: record.location.line, offset: payload.offset },
    };
  }
}

/**
 * First source whose detect() accepts the body's start. Detectors are written for files with one
 * JSON document a line; an API body is often one document pretty-printed over many lines, so when
 * none accepts it as stored, they are asked again with the document re-serialised on one line.
 */
function pickSource(payload: Payload, readers: readonly Source[]): Source | undefined {
  const head = payload.text.slice(0, HEAD_CHARS);
  const asStored = readers.find((source) => source.detect(payload.label, head));
  if (asStored !== undefined) return asStored;
  const oneLine = oneLineJson(payload.text);
  if (oneLine === null) return undefined;
  const compactHead = oneLine.slice(0, HEAD_CHARS);
  return readers.find((source) => source.detect(payload.label, compactHead));
}

function oneLineJson(text: string): string | null {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed) || !trimmed.includes('\n')) return null;
  try {
    return JSON.stringify(JSON.parse(trimmed));
  } catch {
    return null;
  }
}

/** "response body from <URI> (content-type …; N characters) matches no known format: <what it is>; …". */
function unknownFormatReason(payload: Payload, readers: readonly Source[]): string {
  const details = [
    `content-type ${payload.contentType ?? 'not given'}`,
    `${payload.text.length} characters`,
    ...payload.notes,
  ];
  const tried =
    readers.length === 0
      ? 'no formats are registered for HTTP bodies'
      : `formats tried: ${readers.map((r) => r.format).join(', ')}`;
  return `${payload.what} from ${payload.uri} (${details.join('; ')}) matches no known format: ${describeBody(payload)}; ${tried}`;
}

/** A hint at what the body is, so the reader of the quarantine knows whether anything was lost. */
function describeBody(payload: Payload): string {
  const start = payload.text.trimStart().slice(0, 200).toLowerCase();
  const type = (payload.contentType ?? '').toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || type.includes('html'))
    return 'it is an HTML page (a web capture, not a platform API response)';
  if (/^(image|video|audio|font)\//.test(type))
    return `it is ${type.split(';')[0] ?? type} media, not a platform API response`;
  if (/^[[{]/.test(start)) return describeJson(payload.text);
  if (start === '') return 'it is empty';
  return `it starts with ${JSON.stringify(payload.text.trimStart().slice(0, 60))}`;
}

/** "a JSON list of 200 objects with keys created_at, id, id_str, …": enough to recognise an API. */
function describeJson(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'it looks like JSON but is not valid JSON (cut off or damaged?)';
  }
  if (isJsonObject(parsed)) return `it is a JSON object with keys ${describeKeys(parsed)}`;
  if (!Array.isArray(parsed)) return `it is a JSON ${typeof parsed}`;
  if (parsed.length === 0) return 'it is an empty JSON list (a page without results)';
  const first: unknown = parsed[0];
  return isJsonObject(first)
    ? `it is a JSON list of ${parsed.length} items, the first with keys ${describeKeys(first)}`
    : `it is a JSON list of ${parsed.length} items`;
}
