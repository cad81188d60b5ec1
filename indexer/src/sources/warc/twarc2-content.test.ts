import { describe, expect, it } from 'vitest';
import { twarc2Source } from '../twarc2/twarc2.reader.js';
import { collect, itemsOf, quarantinesOf, v2Page, v2Tweet } from './test/records.js';

/**
 * twarc2Source.readContent: X API v2 bodies held in memory (added for the WARC source; tested here
 * because this folder owns that use).
 */
function read(content: string) {
  if (twarc2Source.readContent === undefined) throw new Error('twarc2Source has no readContent');
  return collect(twarc2Source.readContent('body', content));
}

describe('twarc2 readContent', () => {
  it('reads a compact API page without __twarc, located at line 1 of the label', async () => {
    const records = await read(v2Page([v2Tweet('1700000000000000001', 'Kabinet neemt besluit')]));
    expect(records).toHaveLength(1);
    expect(records[0]?.location).toEqual({ file: 'body', line: 1, offset: 0 });
    const [item] = itemsOf(records);
    expect(item?.platformItemId).toBe('1700000000000000001');
    expect(item?.content.text).toBe('Kabinet neemt besluit');
    expect(item?.author.handle).toBe('rijksoverheid');
  });

  it('reads a page pretty-printed over many lines as one document', async () => {
    const pretty = JSON.stringify(
      JSON.parse(v2Page([v2Tweet('1700000000000000001'), v2Tweet('1700000000000000002')])),
      null,
      2,
    );
    expect(pretty.split('\n').length).toBeGreaterThan(20);
    const records = await read(`\uFEFF${pretty}\n`);
    expect(itemsOf(records).map((item) => item.platformItemId)).toEqual([
      '1700000000000000001',
      '1700000000000000002',
    ]);
    expect(quarantinesOf(records)).toEqual([]);
  });

  it('quarantines a cut-off pretty-printed page once, not once per line', async () => {
    const pretty = JSON.stringify(JSON.parse(v2Page([v2Tweet('1700000000000000001')])), null, 2);
    const records = await read(pretty.slice(0, pretty.length - 40));
    expect(records).toHaveLength(1);
    expect(quarantinesOf(records)[0]?.reason).toMatch(/^invalid JSON/);
  });

  it('reads JSONL bodies line by line, with lines and byte offsets within the body', async () => {
    const first = v2Page([v2Tweet('1700000000000000001', 'één')]);
    const body = `${first}\nnot json\n${v2Page([v2Tweet('1700000000000000003')])}\n`;
    const records = await read(body);
    expect(records.map((record) => [record.kind, record.location.line, record.location.offset])).toEqual([
      ['item', 1, 0],
      ['quarantine', 2, Buffer.byteLength(first) + 1],
      ['item', 3, Buffer.byteLength(first) + 10],
    ]);
  });

  it('does not date a compliance record it cannot date: quarantined, with the reason', async () => {
    const records = await read('{"id":"1700000000000000001","action":"delete","reason":"deleted"}');
    expect(quarantinesOf(records)[0]?.reason).toMatch(/compliance record in an HTTP body/);
  });

  it('yields nothing for an empty body', async () => {
    expect(await read('  \n')).toEqual([]);
  });
});
