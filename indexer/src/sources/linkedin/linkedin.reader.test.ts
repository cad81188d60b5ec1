import type { NormalisedItem } from '@bewaard/schema';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { SourceRecord } from '../source.js';
import { linkedinExportSource } from './linkedin.reader.js';
import { fixture as sharedFixture } from '../../testing/fixtures.js';

/** Real LinkedIn export (sanand0/linkedin); see shared/fixtures/real/SOURCES.md. */
const fixture = (name: string): string => sharedFixture('linkedin-export-csv', name);

async function read(file: string): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for await (const record of linkedinExportSource.read(file)) records.push(record);
  return records;
}
const items = (records: SourceRecord[]): NormalisedItem[] => records.flatMap((r) => (r.kind === 'item' ? [r.item] : []));
const count = (values: string[]): Record<string, number> =>
  values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {});

describe('linkedin-export on Shares.csv (202 rows for 198 posts; 173 rows multi-line)', () => {
  it('emits 198 posts under their URN, by the export owner, nothing quarantined', async () => {
    const records = await read(fixture('Shares.csv'));
    const posts = items(records);
    // One post (urn:li:share:6773073563034509312) is written as 5 rows, one per thumbnail size of
    // the YouTube video it shares: 202 rows, 198 posts, each URN once.
    expect(records).toHaveLength(198);
    expect(posts).toHaveLength(198);
    expect(new Set(posts.map((p) => p.platformItemId)).size).toBe(198);
    expect(count(posts.map((p) => p.platformItemId.split(':')[2] ?? ''))).toEqual({ share: 178, ugcPost: 19, groupPost: 1 });
    expect(posts.some((p) => p.platformItemId === 'urn:li:groupPost:9186332-6985503444988043264')).toBe(true);
    for (const post of posts) {
      expect(post).toMatchObject({ platform: 'linkedin', kind: 'post', conversationPlatformId: post.platformItemId, edit: null });
      expect(post.author).toEqual({ platformActorId: 'linkedin-export-owner', handle: null, displayName: null });
      expect(post.url).toMatch(/^https:\/\/www\.linkedin\.com\/feed\/update\/urn%3Ali%3A/);
    }
    expect(posts.filter((p) => p.content.text === '')).toHaveLength(14);
    // 10 rows have a MediaUrl: 5 of them are the one post below, the other 5 one post each.
    expect(posts.filter((p) => p.content.media.length > 0)).toHaveLength(6);
    const minecraft = posts.find((p) => p.platformItemId === 'urn:li:share:6773073563034509312');
    expect(minecraft?.content.media.map((m) => m.originalUrl?.replace('https://i.ytimg.com/vi/bjanNXXwQbo/', ''))).toEqual([
      'hqdefault.jpg', 'maxresdefault.jpg', 'sddefault.jpg', 'default.jpg', 'mqdefault.jpg',
    ]);
    expect(minecraft?.content.links).toContain('https://youtu.be/bjanNXXwQbo');
    expect(JSON.parse(minecraft?.raw.body ?? '{}')).toMatchObject({ export: 'Shares.csv', rows: expect.any(Array) as unknown });
    expect((JSON.parse(minecraft?.raw.body ?? '{}') as { rows: unknown[] }).rows).toHaveLength(5);
  });

  it('undoes the doubled quotes and LinkedIn\'s per-line quoting of multi-line commentary', async () => {
    const [first, second] = items(await read(fixture('Shares.csv')));
    expect(first?.content.text).toBe(
      "I'm off for a 10-day Vipassana meditation program.\n\n" +
        '𝗪𝗛𝗔𝗧? A 10-day residential meditation. No phone, laptop, or speaking. https://www.dhamma.org/\n' +
        '𝗪𝗛𝗘𝗡? From today until next Sunday (13 July)\n' +
        '𝗪𝗛𝗘𝗥𝗘? Near Chennai. https://lnkd.in/geGVFynY\n' +
        "𝗪𝗛𝗬? I've heard good things and am curious.\n" +
        "𝗦𝗨𝗥𝗘? I've never been away from tech for this long. Let's see!\n\n" +
        "I've scheduled LinkedIn posts, so you'll still see stuff. But I won't be replying.",
    );
    expect(first?.content.links).toEqual(['https://www.dhamma.org/', 'https://lnkd.in/geGVFynY']);
    expect(second?.content.text).toMatch(/^If someone asked me, "What's changed this year in LLMs", here's my list:\n\nPrompt engineering is out\./);
    const all = items(await read(fixture('Shares.csv')));
    expect(all.filter((p) => p.content.text.includes('\n'))).toHaveLength(169); // 173 rows, 5 of them one post
    expect(all.some((p) => p.content.text.includes('"\n"'))).toBe(false);
  });

  it('reads Date as UTC: it equals the creation time inside every share and ugcPost id', async () => {
    const posts = items(await read(fixture('Shares.csv'))).filter((p) => /:(share|ugcPost):\d+$/.test(p.platformItemId));
    expect(posts).toHaveLength(197);
    for (const post of posts) {
      const idTime = Number(BigInt(post.platformItemId.split(':')[3] ?? '0') >> 22n);
      expect(Math.abs(post.createdAt.getTime() - idTime)).toBeLessThan(1000);
    }
    expect(posts[0]?.createdAt).toEqual(new Date('2025-07-01T14:33:22Z'));
  });

  it('locates every row by its first line and byte offset, and keeps the row and its CSV text as raw', async () => {
    const bytes = await readFile(fixture('Shares.csv'));
    const records = await read(fixture('Shares.csv'));
    expect(records.slice(0, 2).map((r) => [r.location.line, r.location.offset])).toEqual([[2, 61], [11, expect.any(Number)]]);
    for (const record of records) {
      const raw = JSON.parse(record.kind === 'item' ? record.item.raw.body : '{}') as { export: string; rows: Array<{ Date: string }>; csv: string[] };
      expect(raw.export).toBe('Shares.csv');
      expect(raw.csv).toHaveLength(raw.rows.length);
      expect(bytes.subarray(record.location.offset ?? 0).toString('utf8').startsWith(raw.csv[0] ?? '-')).toBe(true);
      expect(raw.csv[0]?.startsWith(raw.rows[0]?.Date ?? '-')).toBe(true);
    }
    const last = items(records).at(-1);
    expect(last?.content.links).toEqual(['https://lnkd.in/dBeCSbu', 'http://analyticsindiamag.com/top-10-data-scientists-in-india-2015/']);
  });
});

describe('linkedin-export on Comments.csv (323 rows; quotes escaped as \\")', () => {
  it('emits 323 comments answering the post named in Link, with backslash-escaped quotes read', async () => {
    const records = await read(fixture('Comments.csv'));
    const comments = items(records);
    expect(records).toHaveLength(323);
    expect(comments).toHaveLength(323);
    expect(new Set(comments.map((c) => c.platformItemId)).size).toBe(323);
    expect(count(comments.map((c) => c.inReplyToPlatformId?.split(':')[2] ?? 'none'))).toEqual({ activity: 296, ugcPost: 25, article: 2 });
    for (const comment of comments) {
      expect(comment).toMatchObject({ platform: 'linkedin', kind: 'comment', url: null, conversationPlatformId: comment.inReplyToPlatformId });
      expect(comment.platformItemId).toBe(`export-comment:${comment.inReplyToPlatformId}@${comment.createdAt.toISOString().replace('.000Z', 'Z')}`);
    }
    expect(comments[0]).toMatchObject({
      platformItemId: 'export-comment:urn:li:activity:7348931489259999233@2025-07-13T08:15:21Z',
      createdAt: new Date('2025-07-13T08:15:21Z'),
    });
    const quoted = comments.find((c) => c.content.text.startsWith('Shanmathi Thangaraj'));
    expect(quoted?.content.text).toBe(
      'Shanmathi Thangaraj Yes, it varies with time, location, and person. Rather than use it as a "This is what a country searches for", it\'s better to use it as "Here\'s how countries are different in their searches"',
    );
    expect(comments.some((c) => c.content.text.includes('\\"'))).toBe(false);
  });
});
