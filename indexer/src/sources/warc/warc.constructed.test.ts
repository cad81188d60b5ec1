import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { collect, itemsOf, quarantinesOf, v2Page, v2Tweet } from './test/records.js';
import { chunked, response, tempDir, warcRecord, writeWarc } from './test/warc-writer.js';
import { warcSource } from './warc.source.js';

/** WARCs built here, each with one trick WARC writers and servers play. */
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const JSON_TYPE: [string, string] = ['Content-Type', 'application/json; charset=utf-8'];
const api = (id: string): string => `https://api.x.com/2/tweets?ids=${id}`;
const page = (id: string, text?: string): string => v2Page([v2Tweet(id, text)]);

async function readWarc(name: string, records: Buffer[]) {
  return collect(warcSource.read(writeWarc(dir, name, records)));
}
const idsOf = (records: Awaited<ReturnType<typeof readWarc>>) =>
  itemsOf(records).map((item) => item.platformItemId);

describe.each(['lies.warc', 'lies.warc.gz'])('encodings that do not match their headers (%s)', (name) => {
  it('reads every body whatever the headers claim', async () => {
    const records = await readWarc(name, [
      warcRecord({ type: 'warcinfo', block: 'software: test\r\n' }),
      // chunked framing kept, but no Transfer-Encoding header
      response(api('1'), [JSON_TYPE], chunked(page('1'), [7, 30])),
      // header says chunked, but the writer already removed the framing
      response(api('2'), [JSON_TYPE, ['Transfer-Encoding', 'chunked']], page('2')),
      // gzip body, no Content-Encoding header
      response(api('3'), [JSON_TYPE], gzipSync(page('3'))),
      // header says gzip, body stored decompressed
      response(api('4'), [JSON_TYPE, ['Content-Encoding', 'gzip']], page('4')),
      // both layers, chunks cutting through the gzip stream
      response(
        api('5'),
        [JSON_TYPE, ['Transfer-Encoding', 'chunked'], ['Content-Encoding', 'gzip']],
        chunked(gzipSync(page('5')), [10, 10]),
      ),
      response(api('6'), [JSON_TYPE, ['Content-Encoding', 'deflate']], deflateSync(page('6'))),
      response(api('7'), [JSON_TYPE, ['Content-Encoding', 'br']], brotliCompressSync(page('7'))),
      // gzip with stray bytes after the stream
      response(
        api('8'),
        [JSON_TYPE, ['Content-Encoding', 'gzip']],
        Buffer.concat([gzipSync(page('8')), Buffer.from('\r\n')]),
      ),
      warcRecord({ type: 'request', uri: api('8'), block: 'GET /2/tweets HTTP/1.1\r\n\r\n' }),
      warcRecord({ type: 'metadata', uri: api('8'), block: 'outlinks: none\r\n' }),
      warcRecord({
        type: 'revisit',
        uri: api('8'),
        block: 'HTTP/1.1 200 OK\r\n\r\n',
        headers: { 'WARC-Profile': 'http://netpreserve.org/warc/1.0/revisit/identical-payload-digest' },
      }),
    ]);
    expect(quarantinesOf(records)).toEqual([]);
    expect(idsOf(records)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });
});

describe('records that carry no content or cannot be read', () => {
  it('skips redirects, 204 and dns: records; quarantines a 500 and a 404 with their status', async () => {
    const records = await readWarc('status.warc', [
      response(api('1'), [['Location', api('2')]], '', 'HTTP/1.1 301 Moved Permanently'),
      response(api('1'), [], '', 'HTTP/1.1 204 No Content'),
      warcRecord({
        type: 'response',
        uri: 'dns:api.x.com',
        block: '20240301120000\napi.x.com. 300 IN A 104.244.42.66\n',
        contentType: 'text/dns',
      }),
      response(
        api('9'),
        [JSON_TYPE],
        '{"title":"Internal Server Error"}',
        'HTTP/1.1 500 Internal Server Error',
      ),
      response(
        'https://api.twitter.com/1.1/statuses/show.json?id=9',
        [JSON_TYPE],
        '{"errors":[{"code":144}]}',
        'HTTP/1.1 404 Not Found',
      ),
      response(api('10'), [JSON_TYPE], page('10')),
    ]);
    expect(idsOf(records)).toEqual(['10']);
    const [error500, error404] = quarantinesOf(records);
    expect(error500?.reason).toBe(
      `HTTP 500 Internal Server Error from ${api('9')}: the server answered with an error, not content`,
    );
    expect(error500?.excerpt).toBe('{"title":"Internal Server Error"}');
    expect(error404?.reason).toMatch(
      /^HTTP 404 Not Found from https:\/\/api\.twitter\.com\/1\.1\/statuses\/show\.json\?id=9/,
    );
  });

  it('quarantines a body no source reads, saying what it is', async () => {
    const records = await readWarc('unknown.warc', [
      response(
        'https://www.rijksoverheid.nl/robots.txt',
        [['Content-Type', 'text/plain']],
        'User-agent: *\nDisallow: /zoeken\n',
      ),
      response(
        'https://social.example/api/v1/statuses/7',
        [JSON_TYPE],
        '{"id":"7","content":"<p>Hallo</p>"}',
      ),
    ]);
    const [text, json] = quarantinesOf(records);
    expect(text?.reason).toBe(
      'response body from https://www.rijksoverheid.nl/robots.txt (content-type text/plain; 32 characters) matches no known format: ' +
        'it starts with "User-agent: *\\nDisallow: /zoeken\\n"; formats tried: twarc2',
    );
    expect(text?.location).toEqual({
      file: `${dir}/unknown.warc#0 https://www.rijksoverheid.nl/robots.txt`,
      line: null,
      offset: 0,
    });
    expect(json?.reason).toMatch(
      /^response body from https:\/\/social\.example\/api\/v1\/statuses\/7 .* it is a JSON object with keys id, content;/,
    );
  });

  it('decodes the charset the Content-Type names, and quarantines bytes that are not text', async () => {
    const latin1 = Buffer.from(page('11', 'Café in Den Haag'), 'latin1');
    const records = await readWarc('charset.warc', [
      response(api('11'), [['Content-Type', 'application/json; charset=ISO-8859-1']], latin1),
      response(
        api('12'),
        [JSON_TYPE],
        Buffer.concat([Buffer.from('{"data":"'), Buffer.from([0xff, 0xfe, 0x00]), Buffer.from('"}')]),
      ),
    ]);
    expect(itemsOf(records)[0]?.content.text).toBe('Café in Den Haag');
    expect(quarantinesOf(records)[0]?.reason).toMatch(
      /^response body from \S+ \(content-type application\/json; charset=utf-8\) is not valid text in its charset: binary data, or a wrong charset$/,
    );
  });

  it('reads a pretty-printed API body and a resource record holding JSON', async () => {
    const pretty = JSON.stringify(JSON.parse(page('13')), null, 2);
    const records = await readWarc('pretty.warc.gz', [
      response(api('13'), [JSON_TYPE], pretty),
      warcRecord({
        type: 'resource',
        uri: 'file:///harvest/page-14.json',
        block: page('14'),
        contentType: 'application/json',
      }),
    ]);
    expect(quarantinesOf(records)).toEqual([]);
    expect(idsOf(records)).toEqual(['13', '14']);
  });

  it('gives record offsets that point at each record in a plain .warc', async () => {
    const first = response(api('15'), [JSON_TYPE], page('15'));
    const records = await readWarc('offsets.warc', [first, response(api('16'), [JSON_TYPE], page('16'))]);
    expect(records.map((record) => record.location.offset)).toEqual([0, first.length]);
  });
});

describe.each(['cut.warc', 'cut.warc.gz'])('a WARC cut off in its last record (%s)', (name) => {
  it('keeps the records before it and quarantines the cut record with its offset', async () => {
    const whole = [
      response(api('17'), [JSON_TYPE], page('17')),
      response(api('18'), [JSON_TYPE], page('18')),
    ];
    const path = writeWarc(dir, name, whole);
    const { readFileSync, writeFileSync } = await import('node:fs');
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, bytes.length - 60));
    const records = await collect(warcSource.read(path));
    expect(idsOf(records)).toEqual(['17']);
    const [cut] = quarantinesOf(records);
    const offset = name.endsWith('.gz') ? gzipSync(whole[0] as Buffer).length : (whole[0] as Buffer).length;
    expect(cut?.location.offset).toBe(offset);
    expect(cut?.reason).toMatch(
      new RegExp(
        `^the WARC record at offset ${offset} \\(response https://api\\.x\\.com/2/tweets\\?ids=18\\) is cut off: `,
      ),
    );
    // A plain WARC says how much of the block is there; in a .warc.gz the member never ends.
    expect(cut?.reason).toMatch(
      name.endsWith('.gz')
        ? /the file ends inside its gzip member, \d+ bytes after its start$/
        : /Content-Length \d+ but the file ends after \d+ bytes of it$/,
    );
    expect(cut?.location.file).toBe(`${path}#${offset} ${api('18')}`);
  });
});

describe('bytes that are not WARC', () => {
  it('quarantines garbage after the last record, keeping what came before', async () => {
    const first = response(api('19'), [JSON_TYPE], page('19'));
    const records = await readWarc('garbage.warc', [
      first,
      Buffer.from('this is not a WARC record\r\nat all\r\n\r\n'),
    ]);
    expect(idsOf(records)).toEqual(['19']);
    expect(quarantinesOf(records)[0]?.reason).toMatch(
      /^the bytes at offset \d+ are not a WARC record \(no "WARC\/" version line\); the rest of the file is not read$/,
    );
  });
});
