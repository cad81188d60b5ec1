import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../cli/run-cli.testkit.js';
import { collect, itemsOf, quarantinesOf, v2Page, v2Tweet } from './test/records.js';
import { response, tempDir, zipStored } from './test/warc-writer.js';
import { isWaczHead, waczSource } from './wacz.source.js';

const SIGNED = join(FIXTURES, 'wacz/valid_signed_example_1.wacz');
const WARC_ENTRY =
  'archive/rec-20220118190009690949-crawl-scheduled-a78c5705-3aec-46be-9eec-66ac994f1f4a-273757mtjt.warc.gz';
const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('WACZ source on the signed py-wacz example (a web capture of https://example.com/)', () => {
  it('reads its one WARC: 2 response records, neither API content, both quarantined with the reason', async () => {
    const records = await collect(waczSource.read(SIGNED));
    expect(itemsOf(records)).toEqual([]);
    const quarantined = quarantinesOf(records);
    // The WARC holds response+request for the page and for /favicon.ico; requests are skipped.
    expect(quarantined.map((q) => q.location)).toEqual([
      { file: `${SIGNED}!/${WARC_ENTRY}#0 https://example.com/`, line: null, offset: 0 },
      { file: `${SIGNED}!/${WARC_ENTRY}#1956 https://example.com/favicon.ico`, line: null, offset: 1956 },
    ]);
    expect(quarantined[0]?.reason).toBe(
      'response body from https://example.com/ (content-type text/html; charset=UTF-8; 1256 characters; decoded from gzip) matches no known format: ' +
        'it is an HTML page (a web capture, not a platform API response); formats tried: twarc2',
    );
    expect(quarantined[0]?.excerpt).toMatch(
      /^<!doctype html>\n<html>\n<head>\n {4}<title>Example Domain<\/title>/,
    );
    expect(quarantined[1]?.reason).toBe(
      'HTTP 404 Not Found from https://example.com/favicon.ico: the server answered with an error, not content',
    );
    // Its hashes (WARC against datapackage.json, datapackage.json against the digest) all match.
    expect(quarantined.some((q) => /hash/.test(q.reason))).toBe(false);
  });

  it('is detected by its bytes: a zip named .wacz, or a zip whose first entry is a WACZ path', () => {
    const head = readFileSync(SIGNED).subarray(0, 64 * 1024);
    expect(isWaczHead(SIGNED, head)).toBe(true);
    expect(isWaczHead('renamed.zip', head)).toBe(true); // first entry: indexes/index.cdx.gz
    expect(
      isWaczHead('twitter-archive.zip', zipStored([['data/tweets.js', 'window.YTD.tweets.part0 = []']])),
    ).toBe(false);
    expect(isWaczHead('x.wacz', Buffer.from('WARC/1.0\r\n'))).toBe(false);
    expect(waczSource.detect(SIGNED, 'PK')).toBe(false);
  });
});

describe('WACZ integrity checks', () => {
  const warc = response(
    'https://api.x.com/2/tweets?ids=1',
    [['Content-Type', 'application/json']],
    v2Page([v2Tweet('1700000000000000001')]),
  );
  const sha256 = (bytes: Buffer | string): string =>
    `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

  function writeWacz(name: string, entries: Array<[string, Buffer | string]>): string {
    const path = join(dir, name);
    writeFileSync(path, zipStored(entries));
    return path;
  }
  const datapackage = (resources: Array<{ path: string; hash: string }>): string =>
    JSON.stringify({ profile: 'data-package', wacz_version: '1.1.1', resources });

  it('reads a WARC whose bytes differ from its datapackage.json hash, and quarantines the mismatch', async () => {
    const file = writeWacz('tampered.wacz', [
      ['archive/data.warc', warc],
      [
        'datapackage.json',
        datapackage([
          { path: 'archive/data.warc', hash: sha256('other bytes') },
          { path: 'archive/gone.warc.gz', hash: sha256('') },
        ]),
      ],
    ]);
    const records = await collect(waczSource.read(file));
    expect(itemsOf(records).map((item) => item.platformItemId)).toEqual(['1700000000000000001']);
    const [missing, mismatch] = quarantinesOf(records);
    expect(missing?.reason).toBe(
      'archive/gone.warc.gz is listed in datapackage.json but missing from the WACZ',
    );
    expect(mismatch?.location).toEqual({ file: `${file}!/archive/data.warc`, line: null, offset: null });
    expect(mismatch?.reason).toBe(
      `archive/data.warc does not match its hash in datapackage.json (expected ${sha256('other bytes')}, found ${sha256(warc)}): ` +
        'it was changed or damaged after packaging; its records were read but are not the ones the WACZ was made with',
    );
  });

  it('accepts matching hashes, and checks datapackage.json against datapackage-digest.json', async () => {
    const pkg = datapackage([{ path: 'archive/data.warc', hash: sha256(warc) }]);
    const good = writeWacz('good.wacz', [
      ['archive/data.warc', warc],
      ['datapackage.json', pkg],
      ['datapackage-digest.json', JSON.stringify({ path: 'datapackage.json', hash: sha256(pkg) })],
    ]);
    expect((await collect(waczSource.read(good))).map((record) => record.kind)).toEqual(['item']);

    const bad = writeWacz('bad-digest.wacz', [
      ['archive/data.warc', warc],
      ['datapackage.json', pkg],
      ['datapackage-digest.json', JSON.stringify({ hash: sha256('x') })],
    ]);
    const records = await collect(waczSource.read(bad));
    expect(records.map((record) => record.kind)).toEqual(['quarantine', 'item']);
    expect(quarantinesOf(records)[0]?.reason).toMatch(
      /^datapackage\.json does not match its hash in datapackage-digest\.json .*the WARCs are read unchecked$/,
    );
  });

  it('reads the WARCs of a WACZ without datapackage.json, saying they are unchecked', async () => {
    const records = await collect(waczSource.read(writeWacz('bare.wacz', [['archive/data.warc', warc]])));
    expect(records.map((record) => record.kind)).toEqual(['quarantine', 'item']);
    expect(quarantinesOf(records)[0]?.reason).toMatch(/no datapackage\.json/);
  });

  it('quarantines a file that is not a zip at all instead of throwing', async () => {
    const path = join(dir, 'broken.wacz');
    writeFileSync(path, 'PK\u0003\u0004 not really a zip');
    const records = await collect(waczSource.read(path));
    expect(records).toHaveLength(1);
    expect(quarantinesOf(records)[0]?.reason).toMatch(/^the WACZ is not a readable zip archive/);
  });
});
