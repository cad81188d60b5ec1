import { describe, expect, it } from 'vitest';
import { constructedInput, itemsOf } from '../../testing/constructed-input.js';
import type { SourceRecord } from '../source.js';
import { unwrapLineQuotes } from './linkedin.normaliser.js';
import { linkedinExportSource } from './linkedin.reader.js';

/** Constructed exports: multi-line and quoted commentary, broken rows, odd files. */

const { read } = constructedInput(linkedinExportSource, 'linkedin');
const items = itemsOf;
const summary = (records: SourceRecord[]): Array<[string, number | null]> =>
  records.map((r) => [r.kind === 'quarantine' ? `Q: ${r.reason}` : r.kind === 'item' ? r.item.platformItemId : r.kind, r.location.line] as [string, number | null]);

const HEADER = 'Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility';
const link = (n: number): string => `https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A${n}`;

describe('linkedin-export on constructed Shares.csv', () => {
  it('keeps multi-line commentary with doubled quotes, and quarantines each broken row by line', async () => {
    const csv = [
      HEADER,
      `2024-04-01 09:00:00,${link(1)},"Het kabinet zegt: ""Wij luisteren"".""`,
      `""""`,
      `""Lees meer: https://www.rijksoverheid.nl/a",https://www.rijksoverheid.nl/a,,PUBLIC`, // lines 2-4
      `2024-04-02 09:00:00,${link(2)},only three fields`, // line 5: too few
      `2024-04-31 09:00:00,${link(3)},"Geen geldige datum",,,PUBLIC`, // line 6: 31 April
      `2024-04-04 09:00:00,https://www.linkedin.com/in/someone,"Geen post-id",,,PUBLIC`, // line 7
      `2024-04-05 09:00:00,${link(5)},"broken "quote" here",,,PUBLIC`, // line 8: stray quote
      `2024-04-06 09:00:00,${link(6)},"Laatste, gewoon ""geciteerd"" woord",,https://media.licdn.com/x.jpg,PUBLIC`, // line 9
    ].join('\n');
    const records = await read('Shares.csv', `${csv}\n`);
    expect(summary(records)).toEqual([
      ['urn:li:activity:1', 2],
      ['Q: row has 3 fields where the header has 6', 5],
      ['Q: Date "2024-04-31 09:00:00" is not a "YYYY-MM-DD HH:MM:SS" time', 6],
      ['Q: ShareLink "https://www.linkedin.com/in/someone" names no post (no urn:li:… id)', 7],
      [expect.stringMatching(/^Q: CSV error: Invalid Closing Quote: got "q" instead of delimiter/), 8],
      ['urn:li:activity:6', 9],
    ]);
    const [first, last] = items(records);
    expect(first?.content.text).toBe('Het kabinet zegt: "Wij luisteren".\n\nLees meer: https://www.rijksoverheid.nl/a');
    expect(first?.content.links).toEqual(['https://www.rijksoverheid.nl/a']);
    expect(first?.createdAt).toEqual(new Date('2024-04-01T09:00:00Z'));
    expect(last?.content.text).toBe('Laatste, gewoon "geciteerd" woord');
    expect(last?.content.media).toEqual([{ originalUrl: 'https://media.licdn.com/x.jpg', mimeType: 'image/jpeg', altText: null, bytes: null, missingReason: null }]);
    const broken = records[4];
    expect(broken?.kind === 'quarantine' && broken.excerpt).toContain('broken "quote');
  });

  it('handles a BOM and CRLF line ends, and reports a quote left open at the end of the file', async () => {
    const csv = [
      `\uFEFF${HEADER}`,
      `2024-05-01 08:00:00,${link(7)},"Twee`,
      `regels",,,PUBLIC`,
      `2024-05-02 08:00:00,${link(8)},"Eén 😀",,,PUBLIC`,
      `2024-05-03 08:00:00,${link(9)},"nooit gesloten,,,PUBLIC`,
      '',
    ].join('\r\n');
    const records = await read('crlf.csv', csv);
    expect(summary(records)).toEqual([
      ['urn:li:activity:7', 2],
      ['urn:li:activity:8', 4],
      ['Q: CSV error: Quote Not Closed: the parsing is finished with an opening quote', 5], // where the record starts
    ]);
    const bytes = Buffer.from(csv);
    for (const record of records.slice(0, 2)) {
      const at = record.location.offset ?? -1;
      expect(bytes.subarray(at, at + 10).toString()).toMatch(/^2024-05-0[12]/);
    }
    expect(records[0]?.location.offset).toBe(3 + Buffer.byteLength(`${HEADER}\r\n`)); // the BOM's 3 bytes count
    expect(items(records)[0]?.content.text).toBe('Twee\r\nregels'); // the text keeps its own line end
  });

  it('reads a Comments.csv whose quotes are backslash-escaped, linking what it can', async () => {
    const csv = [
      'Date,Link,Message',
      `2024-06-01 10:00:00,${link(9)},"Zij zei \\"nee\\", toch?"`,
      `2024-06-01 10:00:00,${link(9)},Tweede in dezelfde seconde`,
      '2024-06-02 10:00:00,https://www.linkedin.com/company/x,Onbekende post',
    ].join('\n');
    const comments = items(await read('Comments.csv', csv));
    expect(comments.map((c) => [c.platformItemId, c.inReplyToPlatformId, c.content.text])).toEqual([
      ['export-comment:urn:li:activity:9@2024-06-01T10:00:00Z', 'urn:li:activity:9', 'Zij zei "nee", toch?'],
      ['export-comment:urn:li:activity:9@2024-06-01T10:00:00Z#2', 'urn:li:activity:9', 'Tweede in dezelfde seconde'],
      ['export-comment:unknown@2024-06-02T10:00:00Z', null, 'Onbekende post'],
    ]);
  });

  it('detects Shares.csv and Comments.csv by their header only', () => {
    expect(linkedinExportSource.detect('a.csv', `${HEADER}\n2024…`)).toBe(true);
    expect(linkedinExportSource.detect('a.csv', '\uFEFF"Date","Link","Message"\r\n')).toBe(true);
    expect(linkedinExportSource.detect('Reactions.csv', 'Date,Type,Link\n')).toBe(false);
    expect(linkedinExportSource.detect('a.json', '{"Date": 1, "Link": 2, "Message": 3}')).toBe(false);
  });

  it('unwraps per-line quotes only when every line break has them', () => {
    expect(unwrapLineQuotes('a"\n""\n"b')).toBe('a\n\nb');
    expect(unwrapLineQuotes('gewoon\ntwee regels')).toBe('gewoon\ntwee regels');
    expect(unwrapLineQuotes('a"\n"b\nc')).toBe('a"\n"b\nc');
  });
});
