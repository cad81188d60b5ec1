/**
 * Item ids in each platform's own style. Where the platform's ids encode time (X and Mastodon
 * snowflakes, TikTok, LinkedIn activities, Bluesky TIDs) the demo ids do too, so sorting by id
 * agrees with sorting by date as it does on the real platforms.
 */
import { ALPHANUMERIC, BASE32_LOWER, BASE64URL, hash32, Prng } from './prng.js';

const X_EPOCH = 1288834974657n;

function bits(rng: Prng, count: number): bigint {
  return BigInt(rng.uint32()) & ((1n << BigInt(count)) - 1n);
}

/** 19 digits from 2019 on: (ms since the Twitter epoch) << 22 | worker and sequence bits. */
export function xSnowflake(rng: Prng, ms: number): string {
  return (((BigInt(Math.floor(ms)) - X_EPOCH) << 22n) | bits(rng, 22)).toString();
}

/** 18 digits: ms << 16 | sequence, as Mastodon's Snowflake ids. */
export function mastodonId(rng: Prng, ms: number): string {
  return ((BigInt(Math.floor(ms)) << 16n) | bits(rng, 16)).toString();
}

/** 19 digits: seconds << 32 | random, as TikTok video and comment ids. */
export function tiktokId(rng: Prng, ms: number): string {
  return ((BigInt(Math.floor(ms / 1000)) << 32n) | BigInt(rng.uint32())).toString();
}

/** 19 digits: ms << 22 | random, as LinkedIn activity and comment ids. */
export function linkedinId(rng: Prng, ms: number): string {
  return ((BigInt(Math.floor(ms)) << 22n) | bits(rng, 22)).toString();
}

const TID_ALPHABET = '234567abcdefghijklmnopqrstuvwxyz';

/** AT Protocol record key: 13 base32-sortable characters of (µs << 10 | clock id). */
export function blueskyTid(rng: Prng, ms: number): string {
  let n = ((BigInt(Math.floor(ms)) * 1000n + BigInt(rng.int(0, 999))) << 10n) | bits(rng, 10);
  let out = '';
  for (let i = 0; i < 13; i++) {
    out = TID_ALPHABET[Number(n & 31n)] + out;
    n >>= 5n;
  }
  return out;
}

export function blueskyCid(rng: Prng): string {
  return `bafyrei${rng.chars(52, BASE32_LOWER)}`;
}

/** Facebook and Instagram object ids carry no usable time. */
export function facebookObjectId(rng: Prng): string {
  return rng.numericId(rng.chance(0.5) ? 15 : 16);
}

export function instagramObjectId(rng: Prng): string {
  return `${rng.pick(['17', '18'])}${rng.digits(15)}`;
}

/** The /p/ shortcode of an Instagram post, fixed by its id so comments link to the same post. */
export function instagramShortcode(mediaId: string): string {
  return new Prng(hash32(['instagram-shortcode', mediaId])).chars(11, BASE64URL);
}

export function youtubeVideoId(rng: Prng): string {
  return rng.chars(11, BASE64URL);
}

/** Top-level YouTube comment ids look like `UgzDE2tasfmrYLyNkGt4AaABAg`. */
export function youtubeCommentId(rng: Prng): string {
  return `Ug${rng.pick(['w', 'x', 'z'])}${rng.chars(16, ALPHANUMERIC)}4AaABAg`;
}

/** Replies carry their thread's top-level comment id before the dot. */
export function youtubeReplyId(rng: Prng, topLevelCommentId: string): string {
  return `${topLevelCommentId}.${rng.chars(22, ALPHANUMERIC)}`;
}

export function messengerMessageId(rng: Prng): string {
  return `m_${rng.chars(22, BASE64URL)}`;
}

export function instagramMessageId(rng: Prng): string {
  return `aWdfZAG${rng.chars(40, BASE64URL)}`;
}
