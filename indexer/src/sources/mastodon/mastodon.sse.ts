import type { TextLine } from '../line-reader.js';
import { excerptOf, type RecordLocation, type SourceRecord } from '../source.js';

/**
 * Server-sent events as Mastodon's streaming API writes them (`GET /api/v1/streaming/...`):
 *
 *     :)                       ← comments (the greeting, `:thump` heartbeats) are skipped
 *     event: update
 *     data: {"id":"…", …}      ← several data lines are joined with "\n", per the SSE spec
 *                              ← a blank line ends the event
 *
 * An event's location is the line where it starts, so the archivist finds it in the capture.
 */

export interface SseEvent {
  kind: 'event';
  event: string;
  data: string;
  location: RecordLocation;
}

/** Whether a first line starts server-sent events (a field or a comment), not JSON. */
export function isSseLine(text: string): boolean {
  return /^(event|data|id|retry)\s*:/.test(text) || text.startsWith(':');
}

export async function* readSseEvents(
  lines: AsyncIterable<TextLine>,
  file: string,
): AsyncGenerator<SseEvent | Extract<SourceRecord, { kind: 'quarantine' }>> {
  let event: string | null = null;
  let data: string[] = [];
  let start: RecordLocation | null = null;
  const pending = (): SseEvent | null =>
    start === null || data.length === 0 ? null : { kind: 'event', event: event ?? 'message', data: data.join('\n'), location: start };
  const reset = (): void => {
    event = null;
    data = [];
    start = null;
  };

  for await (const line of lines) {
    const location = { file, line: line.line, offset: line.offset };
    if (line.overLong || line.invalidUtf8) {
      const what = line.overLong ? `is ${line.byteLength} bytes long` : 'is not valid UTF-8';
      yield { kind: 'quarantine', location, reason: `server-sent events line ${what}; the event it belongs to is not read`, excerpt: excerptOf(line.text) };
      reset();
      continue;
    }
    if (line.text === '') {
      const done = pending();
      if (done !== null) yield done;
      else if (start !== null)
        yield { kind: 'quarantine', location: start, reason: `event "${event ?? 'message'}" has no data line`, excerpt: event ?? '' };
      reset();
      continue;
    }
    if (line.text.startsWith(':')) continue;
    const field = /^([A-Za-z]+)(?::( ?)(.*))?$/.exec(line.text);
    const name = field?.[1];
    const value = field?.[3] ?? '';
    if (name === 'event' || name === 'data') {
      start ??= location;
      if (name === 'event') event = value;
      else data.push(value);
    } else if (name !== 'id' && name !== 'retry') {
      yield { kind: 'quarantine', location, reason: 'line is not a server-sent events field (event:, data:, id:, retry: or a :comment)', excerpt: excerptOf(line.text) };
    }
  }
  // A capture that stops mid-event: what arrived is read; cut-off JSON will say so when parsed.
  const last = pending();
  if (last !== null) yield last;
}
