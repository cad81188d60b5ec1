import { excerptOf, type RecordLocation, type SourceRecord } from '../source.js';
import type { ScanEvent, ScannedValue } from './json-value-scanner.js';

/** Turning what the JSON value scanner found into parsed values or quarantine records. */

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossyDecoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export type ParsedScan =
  | { ok: true; value: unknown; text: string; location: RecordLocation }
  | { ok: false; record: SourceRecord };

/** @param label becomes RecordLocation.file. */
export function parseScanEvent(event: ScanEvent, label: string): ParsedScan {
  const location = { file: label, line: event.line, offset: event.offset };
  if (event.kind === 'problem') {
    return { ok: false, record: { kind: 'quarantine', location, reason: event.reason, excerpt: excerptOf(lossyDecoder.decode(event.excerpt)) } };
  }
  const what = describeScanned(event);
  let text: string;
  try {
    text = strictDecoder.decode(event.bytes);
  } catch {
    const reason = `${what} is not valid UTF-8 (binary or wrongly encoded data)`;
    return { ok: false, record: { kind: 'quarantine', location, reason, excerpt: excerptOf(lossyDecoder.decode(event.bytes)) } };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown, text, location };
  } catch (error) {
    const reason = `${what} is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
    return { ok: false, record: { kind: 'quarantine', location, reason, excerpt: excerptOf(text) } };
  }
}

/** "element 3" or "the value" (messages), and the JSON path root for the element ("$[3]"). */
export function describeScanned(value: ScannedValue): string {
  return value.index === null ? 'the value' : `element ${value.index}`;
}

/** `$` is the document; in concatenated documents (JSON lines read as one), `$2` is the second. */
export function pathOf(value: ScannedValue): string {
  const root = value.topLevel === 0 ? '$' : `$${value.topLevel + 1}`;
  return value.index === null ? root : `${root}[${value.index}]`;
}
