import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import {
  BodyTooLargeError,
  decodeBodyText,
  dechunk,
  undoContentEncoding,
  undoTransferEncoding,
} from './http-body-decoding.js';
import { chunked } from './test/warc-writer.js';

describe('undoing transfer encoding', () => {
  it('removes chunked framing, with chunk extensions and trailers', () => {
    const framed = Buffer.from('4;name=value\r\nWiki\r\n5\r\npedia\r\n0\r\nExpires: never\r\n\r\n');
    expect(dechunk(framed)).toEqual({ body: Buffer.from('Wikipedia'), complete: true });
  });

  it('takes a plain body whose first line happens to be hex as it is', () => {
    const plain = Buffer.from('cafe\r\nbabe is not chunked\r\n');
    expect(undoTransferEncoding(plain, null)).toEqual({ bytes: plain, notes: [] });
  });

  it('keeps what a cut-off chunked body holds when the header says chunked, and says so', () => {
    const cut = chunked('{"data":[1,2,3]}', [5]).subarray(0, 12);
    const result = undoTransferEncoding(cut, 'chunked');
    expect(result.bytes.toString()).toBe('{"dat');
    expect(result.notes).toEqual(['chunked body ends before its last (zero-size) chunk']);
    // Without the header, an incomplete frame is not trusted to be framing.
    expect(undoTransferEncoding(cut, null).bytes).toEqual(cut);
  });
});

describe('undoing content encoding', () => {
  it('peels gzip twice when a server compressed twice', () => {
    const twice = gzipSync(gzipSync('{"ok":true}'));
    expect(undoContentEncoding(twice, 'gzip').bytes.toString()).toBe('{"ok":true}');
  });

  it('keeps what a cut-off gzip stream holds', () => {
    const text = JSON.stringify({ data: Array.from({ length: 200 }, (_, i) => `tweet ${i}`) });
    const cut = gzipSync(text).subarray(0, 300);
    const result = undoContentEncoding(cut, 'gzip');
    expect(text.startsWith(result.bytes.toString())).toBe(true);
    expect(result.bytes.length).toBeGreaterThan(100);
    expect(result.notes[1]).toMatch(/gzip stream is damaged/);
  });

  it('says when a header names an encoding the body does not have', () => {
    expect(undoContentEncoding(Buffer.from('{}'), 'br').notes).toEqual([
      'Content-Encoding says br but the body is not so encoded; read as stored',
    ]);
  });

  it('refuses a body that inflates beyond the bound instead of exhausting memory', () => {
    const bomb = gzipSync(Buffer.alloc(65 * 1024 * 1024));
    expect(() => undoContentEncoding(bomb, 'gzip')).toThrow(BodyTooLargeError);
  });
});

describe('decoding text', () => {
  it('lets a byte order mark win over the declared charset', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"a":"é"}', 'utf16le')]);
    expect(decodeBodyText(utf16, 'application/json; charset=utf-8')).toEqual({
      text: '{"a":"é"}',
      charset: 'utf-16le',
      notes: [],
    });
  });

  it('falls back to UTF-8 for an unknown charset and says so', () => {
    const decoded = decodeBodyText(Buffer.from('{"a":"é"}'), 'application/json; charset="x-nonsense"');
    expect(decoded).toEqual({
      text: '{"a":"é"}',
      charset: 'utf-8',
      notes: ['unknown charset "x-nonsense", read as UTF-8'],
    });
  });
});
