/**
 * Fictional citizens who reply to the organisations. Each has one identity per platform, derived
 * from (seed, index) on first use, so the pool costs nothing until a citizen actually speaks.
 * Ids and handles embed a permutation of the index, which makes them unique without a registry.
 */
import type { NormalisedActor, Platform } from '@bewaard/schema';
import { ALPHANUMERIC, BASE32_LOWER, BASE64URL, Prng } from './prng.js';
import { CITIZEN_INSTANCES, FIRST_NAMES, LAST_NAMES, PLACES } from './vocabulary.js';

export interface CitizenName {
  firstName: string;
  lastName: string;
  fullName: string;
}

/** Above this, the index permutation below would no longer be a bijection onto 5 digits. */
export const MAX_CITIZENS = 100_000;

function scrambledIndex(index: number): number {
  // 7919 is coprime with 100000, so this permutes 0..99999.
  return (index * 7919 + 4831) % MAX_CITIZENS;
}

function encode(value: number, alphabet: string, width: number): string {
  let out = '';
  let n = value;
  for (let i = 0; i < width; i++) {
    out = alphabet[n % alphabet.length] + out;
    n = Math.floor(n / alphabet.length);
  }
  return out;
}

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

export class CitizenPool {
  private readonly names = new Map<number, CitizenName>();
  private readonly actors = new Map<Platform, Array<NormalisedActor | undefined>>();

  constructor(
    private readonly seed: number,
    readonly size: number,
    /** Account ids per platform that a citizen id must never equal. */
    private readonly reservedIds: ReadonlySet<string>,
  ) {
    if (size < 1 || size > MAX_CITIZENS) throw new Error(`citizen pool size out of range: ${size}`);
  }

  name(index: number): CitizenName {
    let name = this.names.get(index);
    if (!name) {
      const rng = Prng.derive(this.seed, 'citizen-name', index);
      const firstName = rng.pick(FIRST_NAMES);
      const lastName = rng.pick(LAST_NAMES);
      name = { firstName, lastName, fullName: `${firstName} ${lastName}` };
      this.names.set(index, name);
    }
    return name;
  }

  actor(index: number, platform: Platform): NormalisedActor {
    let perPlatform = this.actors.get(platform);
    if (!perPlatform) {
      perPlatform = [];
      this.actors.set(platform, perPlatform);
    }
    let actor = perPlatform[index];
    if (!actor) {
      actor = this.makeActor(index, platform);
      perPlatform[index] = actor;
    }
    return actor;
  }

  private makeActor(index: number, platform: Platform): NormalisedActor {
    const rng = Prng.derive(this.seed, 'citizen', index, platform);
    const { firstName, lastName, fullName } = this.name(index);
    const n = scrambledIndex(index);
    const digits5 = String(n).padStart(5, '0');
    const first = slug(firstName);
    const last = slug(lastName);
    const displayName = rng.weighted<string>([
      [fullName, 6],
      [`${firstName} ${lastName.split(' ').pop()?.charAt(0) ?? ''}.`, 2],
      [firstName, 1],
      [`${firstName} uit ${rng.pick(PLACES)}`, 1],
    ]);
    let id: string;
    let handle: string | null;
    for (;;) {
      switch (platform) {
        case 'x':
          id = `1${rng.digits(13)}${digits5}`;
          handle = `${(first + last).slice(0, 10)}${n}`;
          break;
        case 'facebook':
          id = `1000${rng.digits(8)}${digits5}`;
          handle = null;
          break;
        case 'instagram':
          id = `${rng.int(4, 6)}${rng.digits(5)}${digits5}`;
          handle = `${first}.${last}${n}`;
          break;
        case 'linkedin':
          id = `urn:li:person:${rng.chars(5, ALPHANUMERIC)}${encode(n, ALPHANUMERIC, 5)}`;
          handle = `${first}-${last}-${encode(n, '0123456789abcdef', 5)}`;
          break;
        case 'youtube':
          id = `UC${rng.chars(17, BASE64URL)}${encode(n, BASE64URL, 5)}`;
          handle = `${firstName.replace(/\W/g, '')}${lastName.replace(/\W/g, '')}${n}`;
          break;
        case 'tiktok':
          id = `68${rng.digits(12)}${digits5}`;
          handle = `${first}_${last}_${n}`;
          break;
        case 'mastodon':
          id = `10${rng.digits(11)}${digits5}`;
          handle = `${first}${n}@${rng.pick(CITIZEN_INSTANCES)}`;
          break;
        case 'bluesky':
          id = `did:plc:${rng.chars(19, BASE32_LOWER)}${encode(n, BASE32_LOWER, 5)}`;
          handle = `${first}${last}${n}.bsky.social`;
          break;
      }
      if (!this.reservedIds.has(`${platform}:${id}`)) break;
    }
    return { platformActorId: id, handle, displayName };
  }
}
