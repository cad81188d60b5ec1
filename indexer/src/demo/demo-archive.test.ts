import { createHash } from 'node:crypto';
import type { NormalisedItem } from '@bewaard/schema';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CAPTURE_LIMIT,
  DEMO_PERIOD_START,
  generateDemoArchive,
  isValidBsn,
  isValidIban,
  listDemoPersonalData,
  PERSONAL_DATA_KINDS,
  type DemoArchive,
  type DemoCapture,
} from './index.js';

/** JSON with sorted keys; bytes as base64 so images count in the digest. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Uint8Array) return { bytes: Buffer.from(v).toString('base64') };
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    }
    return v;
  });
}

function digest(archive: DemoArchive): string {
  const hash = createHash('sha256');
  hash.update(canonical({ organisations: archive.organisations, accounts: archive.accounts }));
  for (const capture of archive.captures()) hash.update(`${canonical(capture)}\n`);
  return hash.digest('hex');
}

const key = (item: { platform: string; platformItemId: string }): string =>
  `${item.platform}:${item.platformItemId}`;

describe('determinism', () => {
  it('gives identical captures for the same seed and different ones for another seed', () => {
    const first = digest(generateDemoArchive({ targetItems: 1500, seed: 11 }));
    expect(digest(generateDemoArchive({ targetItems: 1500, seed: 11 }))).toBe(first);
    expect(digest(generateDemoArchive({ targetItems: 1500, seed: 12 }))).not.toBe(first);
  });

  it('can iterate the same archive twice with the same result', () => {
    const archive = generateDemoArchive({ targetItems: 300, seed: 5 });
    expect(digest(archive)).toBe(digest(archive));
  });

  it('rejects a nonsensical target', () => {
    expect(() => generateDemoArchive({ targetItems: 0 })).toThrow(/targetItems/);
    expect(() => generateDemoArchive({ targetItems: 2.5 })).toThrow(/targetItems/);
  });
});

describe('an archive of 2000 items', () => {
  const TARGET = 2000;
  let archive: DemoArchive;
  let captures: DemoCapture[];
  let items: Array<{ organisationSlug: string; capturedAt: Date; item: NormalisedItem }>;
  const versions = new Map<string, NormalisedItem[]>();
  let accountIds: Set<string>;

  beforeAll(() => {
    archive = generateDemoArchive({ targetItems: TARGET, seed: 2024 });
    captures = [...archive.captures()];
    items = captures.flatMap((c) => (c.kind === 'item' ? [c] : []));
    for (const { item } of items) versions.set(key(item), [...(versions.get(key(item)) ?? []), item]);
    accountIds = new Set(archive.accounts.map((a) => `${a.platform}:${a.platformAccountId}`));
  });

  it('has fictional organisations, the first three being org-a, org-b, org-c', () => {
    expect(archive.organisations.length).toBeGreaterThanOrEqual(3);
    expect(archive.organisations.slice(0, 3).map((o) => o.slug)).toEqual(['org-a', 'org-b', 'org-c']);
    for (const o of archive.organisations) expect(o.name).toMatch(/\(fictief\)$/);
  });

  it('declares at least 30 accounts over all eight platforms, of every kind, with key officials', () => {
    const accounts = archive.accounts;
    expect(accounts.length).toBeGreaterThanOrEqual(30);
    expect(new Set(accounts.map((a) => a.platform)).size).toBe(8);
    expect(new Set(accounts.map((a) => a.kind))).toEqual(
      new Set(['organisation', 'campaign', 'personal', 'official']),
    );
    expect(accounts.filter((a) => a.keyOfficial).length).toBeGreaterThanOrEqual(3);
    expect(accountIds.size).toBe(accounts.length);
    expect(new Set(accounts.map((a) => `${a.platform}:${a.handle}`)).size).toBe(accounts.length);
    const slugs = new Set(archive.organisations.map((o) => o.slug));
    for (const a of accounts) expect(slugs.has(a.organisationSlug)).toBe(true);
  });

  it('keeps account ids and handles stable whatever the seed', () => {
    expect(generateDemoArchive({ seed: 1, targetItems: 10 }).accounts).toEqual(archive.accounts);
  });

  it('holds the requested number of distinct items, on at least six platforms', () => {
    expect(versions.size).toBeGreaterThanOrEqual(TARGET * 0.95);
    expect(versions.size).toBeLessThanOrEqual(TARGET * 1.05);
    expect(new Set(items.map((c) => c.item.platform)).size).toBeGreaterThanOrEqual(6);
    const kinds = new Set(items.map((c) => c.item.kind));
    for (const kind of ['post', 'reply', 'comment', 'quote', 'repost', 'video', 'message'])
      expect(kinds.has(kind as never)).toBe(true);
  });

  it('scales with targetItems', () => {
    const small = new Set<string>();
    for (const c of generateDemoArchive({ targetItems: 500, seed: 3 }).captures()) {
      if (c.kind === 'item') small.add(key(c.item));
    }
    expect(small.size).toBeGreaterThanOrEqual(475);
    expect(small.size).toBeLessThanOrEqual(525);
  });

  it('yields captures in non-decreasing capture time within the demo period', () => {
    let previous = 0;
    for (const c of captures) {
      const at = c.kind === 'item' ? c.capturedAt.getTime() : c.notice.detectedAt.getTime();
      expect(at).toBeGreaterThanOrEqual(previous);
      expect(at).toBeLessThanOrEqual(DEMO_CAPTURE_LIMIT);
      previous = at;
    }
    for (const { item, capturedAt } of items) {
      expect(item.createdAt.getTime()).toBeGreaterThanOrEqual(DEMO_PERIOD_START);
      expect(capturedAt.getTime()).toBeGreaterThanOrEqual(item.createdAt.getTime());
    }
    const years = new Set(items.map((c) => c.item.createdAt.getUTCFullYear()));
    for (let y = 2019; y <= 2026; y++) expect(years.has(y), String(y)).toBe(true);
  });

  it('captures every parent earlier, in the same organisation, and every quoted or reposted item earlier', () => {
    const firstSeen = new Map<string, string>();
    let replies = 0;
    for (const { item, organisationSlug } of items) {
      const platform = item.platform;
      if (item.inReplyToPlatformId) {
        replies++;
        expect(firstSeen.get(`${platform}:${item.inReplyToPlatformId}`), item.platformItemId).toBe(
          organisationSlug,
        );
        expect(item.conversationPlatformId).not.toBeNull();
        expect(firstSeen.has(`${platform}:${item.conversationPlatformId}`)).toBe(true);
      }
      for (const ref of [item.quotedPlatformId, item.repostOfPlatformId]) {
        if (ref) expect(firstSeen.has(`${platform}:${ref}`), ref).toBe(true);
      }
      if (!firstSeen.has(key(item))) firstSeen.set(key(item), organisationSlug);
    }
    expect(replies).toBeGreaterThan(TARGET / 3);
  });

  it('has citizens as authors, never among the accounts, and answers by the organisation itself', () => {
    const accountHandles = new Set(archive.accounts.map((a) => a.handle));
    const byAccount = new Map(archive.accounts.map((a) => [`${a.platform}:${a.platformAccountId}`, a]));
    let citizenItems = 0;
    let organisationAnswers = 0;
    const citizens = new Set<string>();
    for (const { item } of items) {
      const account = byAccount.get(`${item.platform}:${item.author.platformActorId}`);
      if (account) {
        expect(item.author.handle).toBe(account.handle);
        if (item.inReplyToPlatformId && item.kind !== 'message') organisationAnswers++;
      } else {
        citizenItems++;
        citizens.add(`${item.platform}:${item.author.platformActorId}`);
        if (item.author.handle) expect(accountHandles.has(item.author.handle)).toBe(false);
        expect(['reply', 'comment', 'quote', 'message']).toContain(item.kind);
      }
    }
    expect(citizenItems).toBeGreaterThan(TARGET / 3);
    expect(citizens.size).toBeGreaterThan(50);
    expect(organisationAnswers).toBeGreaterThan(20);
  });

  it('uses each platform’s id style and plausible permalinks', () => {
    const styles: Record<string, RegExp> = {
      x: /^\d{19}$/,
      mastodon: /^\d{18}$/,
      tiktok: /^\d{19}$/,
      bluesky: /^at:\/\/did:plc:[a-z2-7]{24}\/app\.bsky\.feed\.(post|repost)\/[2-7a-z]{13}$/,
      facebook: /^(\d{15,16}_\d{15,16}|m_[\w-]{22})$/,
      instagram: /^(1[78]\d{15}|aWdf[\w-]+)$/,
      linkedin: /^urn:li:(activity:\d{19}|comment:\(urn:li:activity:\d{19},\d{19}\))$/,
      youtube: /^([\w-]{11}|Ug[wxz]\w{16}4AaABAg(\.\w{22})?)$/,
    };
    const hosts: Record<string, RegExp> = {
      x: /^https:\/\/x\.com\//,
      mastodon: /^https:\/\/[a-z.]+\/(@|users\/)/,
      tiktok: /^https:\/\/www\.tiktok\.com\/@/,
      bluesky: /^https:\/\/bsky\.app\/profile\//,
      facebook: /^https:\/\/www\.facebook\.com\//,
      instagram: /^https:\/\/www\.instagram\.com\//,
      linkedin: /^https:\/\/www\.linkedin\.com\/feed\/update\//,
      youtube: /^https:\/\/www\.youtube\.com\/watch\?v=/,
    };
    for (const { item } of items) {
      expect(item.platformItemId, item.platform).toMatch(styles[item.platform]!);
      if (item.url) expect(item.url).toMatch(hosts[item.platform]!);
      if (item.kind === 'video' && item.platform === 'youtube') expect(item.content.title).toBeTruthy();
      if (item.platform === 'x') {
        // Snowflakes carry their creation time.
        const ms = Number((BigInt(item.platformItemId) >> 22n) + 1288834974657n);
        expect(Math.abs(ms - item.createdAt.getTime())).toBeLessThan(1000);
      }
    }
  });

  it('writes Dutch text with hashtags, mentions and links, and a little English', () => {
    const texts = items.map((c) => c.item.content);
    const english = texts.filter((t) => t.language === 'en').length;
    expect(english).toBeGreaterThan(0);
    expect(english).toBeLessThan(texts.length * 0.1);
    expect(texts.filter((t) => t.language === 'nl').length).toBeGreaterThan(texts.length * 0.9);
    expect(texts.some((t) => t.hashtags.length > 0)).toBe(true);
    expect(texts.some((t) => t.mentions.length > 0)).toBe(true);
    expect(texts.some((t) => t.links.length > 0)).toBe(true);
    for (const t of texts) {
      for (const tag of t.hashtags) expect(t.text).toContain(`#${tag}`);
      for (const link of t.links) expect(t.text).toContain(link);
      expect(t.text).not.toMatch(/\{\w+\}/);
    }
  });

  it('keeps a raw payload per capture', () => {
    for (const { item } of items) {
      expect(item.raw.format).toBe('bewaard-demo/v1');
      expect(() => JSON.parse(item.raw.body) as unknown).not.toThrow();
    }
  });

  it('recaptures about 3% of items after an edit, some with three versions', () => {
    const edited = [...versions.values()].filter((v) => v.length >= 2);
    expect(edited.length).toBeGreaterThan(TARGET * 0.015);
    expect(edited.length).toBeLessThan(TARGET * 0.06);
    expect(edited.some((v) => v.length >= 3)).toBe(true);
    let chains = 0;
    for (const chain of edited) {
      for (let i = 1; i < chain.length; i++) {
        expect(chain[i]!.content.text).not.toBe(chain[i - 1]!.content.text);
        expect(chain[i]!.createdAt.getTime()).toBe(chain[0]!.createdAt.getTime());
      }
      if (chain[0]!.edit) {
        chains++;
        expect(chain.map((v) => v.edit?.position)).toEqual(chain.map((_, i) => i));
        expect(chain[0]!.edit.editedAt).toBeNull();
        for (const v of chain.slice(1)) expect(v.edit?.editedAt).toBeInstanceOf(Date);
        if (chain[0]!.platform === 'x') {
          expect(new Set(chain.map((v) => v.edit?.platformVersionId)).size).toBe(chain.length);
          expect(chain[0]!.edit.platformVersionId).toBe(chain[0]!.platformItemId);
        }
      }
    }
    expect(chains).toBeGreaterThan(0);
  });

  it('notices about 2% of items deleted, after their last capture', () => {
    const lastCapture = new Map<string, number>();
    let deletions = 0;
    for (const c of captures) {
      if (c.kind === 'item') {
        lastCapture.set(key(c.item), c.capturedAt.getTime());
        continue;
      }
      deletions++;
      expect(c.notice.method).toBe('demo');
      const last = lastCapture.get(key(c.notice));
      expect(last, c.notice.platformItemId).toBeDefined();
      expect(c.notice.detectedAt.getTime()).toBeGreaterThan(last!);
      if (c.notice.platformDeletedAt) {
        expect(c.notice.platformDeletedAt.getTime()).toBeLessThanOrEqual(c.notice.detectedAt.getTime());
      }
    }
    expect(deletions).toBeGreaterThanOrEqual(TARGET * 0.015);
    expect(deletions).toBeLessThanOrEqual(TARGET * 0.03);
  });

  it('attaches generated PNGs to some posts, and a few media that could not be fetched', () => {
    const firstVersions = [...versions.values()].map((v) => v[0]!);
    const posts = firstVersions.filter(
      (i) => ['post', 'video', 'quote', 'story'].includes(i.kind) && i.author,
    );
    const withMedia = posts.filter((i) => i.content.media.length > 0);
    expect(withMedia.length / posts.length).toBeGreaterThan(0.05);
    expect(withMedia.length / posts.length).toBeLessThan(0.25);
    const media = firstVersions.flatMap((i) => i.content.media);
    for (const m of media) {
      expect(m.mimeType).toBe('image/png');
      if (m.bytes) {
        const png = PNG.sync.read(Buffer.from(m.bytes));
        expect([png.width, png.height]).toEqual([64, 64]);
        expect(m.missingReason).toBeNull();
      } else {
        expect(m.missingReason).toMatch(/bij ophalen/);
      }
    }
    expect(media.some((m) => m.bytes === null)).toBe(true);
    expect(Math.max(...firstVersions.map((i) => i.content.media.length))).toBe(2);
  });

  it('lists the personal data in citizens’ replies and messages, verbatim and valid', () => {
    const records = listDemoPersonalData(archive);
    expect(records.length).toBeGreaterThanOrEqual(10);
    expect(new Set(records.map((r) => r.kind))).toEqual(new Set(PERSONAL_DATA_KINDS));
    expect(records.some((r) => r.directMessage)).toBe(true);
    expect(records.some((r) => !r.directMessage)).toBe(true);
    for (const r of records) {
      const chain = versions.get(key(r));
      expect(chain, r.platformItemId).toBeDefined();
      for (const v of chain!) {
        expect(v.content.text).toContain(r.written);
        expect(accountIds.has(`${v.platform}:${v.author.platformActorId}`)).toBe(false);
      }
      if (r.kind === 'bsn') expect(isValidBsn(r.written)).toBe(true);
      if (r.kind === 'iban') expect(isValidIban(r.written)).toBe(true);
    }
  });

  it('refuses to list personal data for archives it did not make', () => {
    expect(() => listDemoPersonalData({ ...archive })).toThrow();
  });
});
