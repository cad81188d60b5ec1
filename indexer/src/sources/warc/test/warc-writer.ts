import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, gzipSync } from 'node:zlib';

/**
 * Minimal writers for test inputs: WARC records with HTTP responses, and stored (uncompressed) zip
 * archives for WACZ cases. Deliberately independent of warcio, so the reader is not tested against
 * its own library's idea of the format.
 */

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'bewaard-warc-'));

export interface RecordSpec {
  type: string;
  uri?: string;
  block: Buffer | string;
  /** Extra WARC headers. */
  headers?: Record<string, string>;
  contentType?: string;
}

/** One WARC/1.0 record: headers, empty line, block, and the two CRLFs that end a record. */
export function warcRecord(spec: RecordSpec): Buffer {
  const block = Buffer.from(spec.block);
  const headers: Record<string, string> = {
    'WARC-Type': spec.type,
    'WARC-Record-ID': `<urn:uuid:00000000-0000-0000-0000-${String(block.length).padStart(12, '0')}>`,
    'WARC-Date': '2024-03-01T12:00:00Z',
    ...(spec.uri === undefined ? {} : { 'WARC-Target-URI': spec.uri }),
    'Content-Type':
      spec.contentType ??
      (spec.type === 'response' ? 'application/http;msgtype=response' : 'application/octet-stream'),
    ...spec.headers,
    'Content-Length': String(block.length),
  };
  const head = ['WARC/1.0', ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)].join(
    '\r\n',
  );
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), block, Buffer.from('\r\n\r\n')]);
}

export function httpResponse(
  statusLine: string,
  headers: Array<[string, string]>,
  body: Buffer | string,
): Buffer {
  const head = [statusLine, ...headers.map(([name, value]) => `${name}: ${value}`)].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`, 'latin1'), Buffer.from(body)]);
}

export function response(
  uri: string,
  headers: Array<[string, string]>,
  body: Buffer | string,
  status = 'HTTP/1.1 200 OK',
): Buffer {
  return warcRecord({ type: 'response', uri, block: httpResponse(status, headers, body) });
}

/** Chunked transfer framing with the given chunk sizes (the rest goes in a last chunk). */
export function chunked(body: Buffer | string, sizes: number[]): Buffer {
  const bytes = Buffer.from(body);
  const parts: Buffer[] = [];
  let position = 0;
  for (const size of [...sizes, bytes.length]) {
    const chunk = bytes.subarray(position, position + size);
    position += chunk.length;
    if (chunk.length === 0) continue;
    parts.push(Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n'));
  }
  return Buffer.concat([...parts, Buffer.from('0\r\n\r\n')]);
}

/** Writes records as a .warc, or as a .warc.gz with one gzip member per record (as WARC tools do). */
export function writeWarc(dir: string, name: string, records: Buffer[]): string {
  const path = join(dir, name);
  const gzip = name.endsWith('.gz');
  writeFileSync(path, Buffer.concat(records.map((record) => (gzip ? gzipSync(record) : record))));
  return path;
}

/** A zip with stored entries, in the given order. */
export function zipStored(entries: Array<[string, Buffer | string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = Buffer.from(content);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
