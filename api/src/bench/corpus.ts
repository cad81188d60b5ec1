import type { NormalisedItem, Platform } from '@bewaard/schema';

const COMMON = [
  'de',
  'het',
  'een',
  'en',
  'van',
  'in',
  'op',
  'voor',
  'met',
  'over',
  'bij',
  'naar',
  'wordt',
  'zijn',
  'we',
  'vandaag',
  'morgen',
  'nieuwe',
  'regio',
  'bewoners',
];
const TOPICS = [
  'dijkversterking',
  'stikstof',
  'woningbouw',
  'subsidieregeling',
  'waterpeil',
  'gemaal',
  'polder',
  'kwelder',
  'vergunning',
  'informatieavond',
  'begroting',
  'onderwijs',
  'zorgverzekering',
  'belastingdienst',
  'financiële',
  'energietransitie',
  'fietspad',
  'stormvloedkering',
  'grondwater',
  'natuurherstel',
];
const PLATFORMS: Platform[] = [
  'x',
  'facebook',
  'instagram',
  'linkedin',
  'youtube',
  'tiktok',
  'mastodon',
  'bluesky',
];

/** Deterministic pseudo-random generator, so every run searches the same corpus. */
export function prng(seed: number) {
  let s = seed >>> 0;
  const next = () => (s = (s * 1664525 + 1013904223) >>> 0) / 4294967296;
  return Object.assign(next, { state: () => s, restore: (state: number) => void (s = state) });
}

/** A synthetic vocabulary of Dutch-looking words, for a realistic term distribution (Zipf-like use). */
export function vocabulary(size: number, rnd: () => number): string[] {
  const syll = [
    'ver',
    'be',
    'ont',
    'ge',
    'dijk',
    'wa',
    'ter',
    'pol',
    'der',
    'land',
    'huis',
    'bouw',
    'weg',
    'stad',
    'raad',
    'plan',
    'geld',
    'zorg',
    'werk',
    'school',
    'bos',
    'veld',
    'kust',
    'zee',
    'rivier',
    'brug',
    'trein',
    'bus',
    'licht',
    'stroom',
  ];
  const words = new Set<string>(TOPICS);
  while (words.size < size) {
    const n = 2 + Math.floor(rnd() * 3);
    words.add(Array.from({ length: n }, () => syll[Math.floor(rnd() * syll.length)]).join(''));
  }
  return [...words];
}

export function benchItem(
  i: number,
  orgCount: number,
  vocab: string[],
  rnd: () => number,
): { org: number; item: NormalisedItem } {
  const zipf = () => vocab[Math.min(vocab.length - 1, Math.floor(vocab.length * rnd() ** 3))]!;
  const words = Array.from({ length: 8 + Math.floor(rnd() * 30) }, () =>
    rnd() < 0.4 ? COMMON[Math.floor(rnd() * COMMON.length)] : zipf(),
  );
  const platform = PLATFORMS[i % PLATFORMS.length]!;
  const created = new Date(Date.UTC(2016, 0, 1) + Math.floor(rnd() * 10 * 365 * 86_400_000));
  return {
    org: i % orgCount,
    item: {
      platform,
      platformItemId: `bench-${i}`,
      kind: rnd() < 0.3 ? 'reply' : 'post',
      author: { platformActorId: `actor-${Math.floor(rnd() * 4000)}`, handle: null, displayName: null },
      createdAt: created,
      url: null,
      conversationPlatformId: null,
      inReplyToPlatformId: null,
      quotedPlatformId: null,
      repostOfPlatformId: null,
      content: {
        text: `${words.join(' ')} #${zipf()}`,
        title: null,
        language: 'nl',
        links: [],
        hashtags: [],
        mentions: [],
        media: [],
        warning: null,
      },
      edit: null,
      raw: { format: 'bench', body: '{}' },
    },
  };
}

export const QUERY_TOPICS = TOPICS;
