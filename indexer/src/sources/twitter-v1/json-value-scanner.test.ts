import { describe, expect, it } from 'vitest';
import { scanJsonValues, type ScanEvent } from './json-value-scanner.js';

async function scan(text: string, options: { chunkSize?: number; maxValueBytes?: number } = {}): Promise<ScanEvent[]> {
  const bytes = Buffer.from(text, 'utf8');
  const size = options.chunkSize ?? bytes.length;
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  const events: ScanEvent[] = [];
  for await (const event of scanJsonValues(chunks, { maxValueBytes: options.maxValueBytes })) events.push(event);
  return events;
}

const summary = (events: ScanEvent[]) =>
  events.map((e) => (e.kind === 'value' ? { text: e.bytes.toString('utf8'), line: e.line, offset: e.offset, index: e.index } : { problem: e.reason, line: e.line }));

describe('JSON value scanner', () => {
  const doc = '[\n  {"a": "x]}\\"{"},\n  {"b": [1, 2]},\n  3,\n  "é"\n]\n';

  it('splits a top-level array into elements with their line and byte offset, ignoring brackets in strings', async () => {
    expect(summary(await scan(doc))).toEqual([
      { text: '{"a": "x]}\\"{"}', line: 2, offset: 4, index: 0 },
      { text: '{"b": [1, 2]}', line: 3, offset: 23, index: 1 },
      { text: '3', line: 4, offset: 40, index: 2 },
      // "é" is two bytes: offsets are in bytes, not characters.
      { text: '"é"\n', line: 5, offset: 45, index: 3 },
    ]);
  });

  it('gives the same result whatever the chunk size (values cut across reads)', async () => {
    const whole = summary(await scan(doc));
    for (const chunkSize of [1, 2, 3, 7]) expect(summary(await scan(doc, { chunkSize }))).toEqual(whole);
  });

  it('reads a single object, and concatenated values (JSON lines) as separate top-level values', async () => {
    const events = await scan('\uFEFF{"a":1}\n{"b":2}\n[{"c":3}]\n');
    expect(events.map((e) => e.kind === 'value' && [e.bytes.toString(), e.topLevel, e.index, e.line])).toEqual([
      ['{"a":1}', 0, null, 1],
      ['{"b":2}', 1, null, 2],
      ['{"c":3}', 2, 0, 3],
    ]);
  });

  it('reports an element cut off by the end of the input, with the line it started on', async () => {
    const events = summary(await scan('[\n{"a":1},\n{"b": "cut'));
    expect(events).toEqual([
      { text: '{"a":1}', line: 2, offset: 2, index: 0 },
      { problem: expect.stringMatching(/^the input ends inside element 1 \(started on line 3\)/) as string, line: 3 },
    ]);
  });

  it('reports an array that is never closed, after its last complete element', async () => {
    const events = summary(await scan('[{"a":1},\n'));
    expect(events[1]).toEqual({ problem: expect.stringMatching(/ends before the array is closed.*after 1 elements/) as string, line: 2 });
  });

  it('passes a syntactically broken but balanced element on unparsed, and keeps going', async () => {
    const events = summary(await scan('[{"a":1},{"b":,},{"c":3}]'));
    expect(events.map((e) => 'text' in e && e.text)).toEqual(['{"a":1}', '{"b":,}', '{"c":3}']);
  });

  it('refuses to assemble an element larger than the bound, and reads on', async () => {
    const big = `{"t":"${'x'.repeat(100)}"}`;
    const events = summary(await scan(`[${big},{"ok":1}]`, { maxValueBytes: 50, chunkSize: 16 }));
    expect(events).toEqual([
      { problem: expect.stringMatching(/^element 0 is 108 bytes long, more than the 50 bytes/) as string, line: 1 },
      { text: '{"ok":1}', line: 1, offset: 110, index: 1 },
    ]);
  });
});
