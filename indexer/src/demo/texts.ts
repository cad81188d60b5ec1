/**
 * The words of each planned item, per version. Every item draws from its own seeded stream, so
 * its text is the same whichever capture asks for it and in whatever order captures are made.
 */
import type { NormalisedActor } from '@bewaard/schema';
import type { CitizenName } from './citizens.js';
import { DEMO_ORGANISATIONS } from './organisations.js';
import type { PlannedItem } from './plan-types.js';
import { Prng } from './prng.js';
import {
  ANSWER_BODIES,
  ANSWER_OPENINGS,
  CONTENT_WARNINGS,
  DIRECT_MESSAGE_ANSWERS,
  DIRECT_MESSAGE_OPENINGS,
  EDIT_ADDITIONS_CITIZEN,
  EDIT_ADDITIONS_ORGANISATION,
  ENGLISH_CITIZEN_TEXTS,
  EXTRA_HASHTAGS,
  GENERIC_REACTIONS,
  MONTHS,
  OPENERS,
  ORGANISATION_VOCABULARY,
  PERSONAL_DATA_PHRASES,
  PLACES,
  PRIVACY_ANSWER,
  QUOTE_COMMENTS,
  REPLIES_TO_CITIZENS,
  STORY_TEXTS,
  type Topic,
} from './vocabulary.js';

export interface TextEnvironment {
  seed: number;
  items: readonly PlannedItem[];
  actorOf(item: PlannedItem): NormalisedActor;
  citizenName(item: PlannedItem): CitizenName | null;
}

export interface ComposedContent {
  text: string;
  title: string | null;
  warning: string | null;
  language: string;
  links: string[];
  hashtags: string[];
  mentions: string[];
}

interface BaseText {
  text: string;
  title: string | null;
  warning: string | null;
}

/** Fills {placeholders}; a placeholder used twice in one item gets the same value both times. */
class Filler {
  private readonly memo = new Map<string, string>();

  constructor(
    private readonly rng: Prng,
    private readonly createdAt: number,
    fixed: Record<string, string>,
  ) {
    for (const [k, v] of Object.entries(fixed)) this.memo.set(k, v);
  }

  fill(template: string): string {
    return template.replace(/\{(\w+)\}/g, (_match, key: string) => this.value(key));
  }

  value(key: string): string {
    let v = this.memo.get(key);
    if (v === undefined) {
      v = this.generate(key);
      this.memo.set(key, v);
    }
    return v;
  }

  private generate(key: string): string {
    const rng = this.rng;
    const year = new Date(this.createdAt).getUTCFullYear();
    switch (key) {
      case 'place':
        return rng.pick(PLACES);
      case 'place2': {
        const first = this.value('place');
        return rng.pick(PLACES.filter((p) => p !== first));
      }
      case 'placeSlug':
        return this.value('place')
          .toLowerCase()
          .replace(/[^a-z]+/g, '-');
      case 'date':
        return `${rng.int(1, 28)} ${MONTHS[Number(this.value('monthIndex'))]}`;
      case 'date2':
        // Always after {date}: these are "from … until …" periods.
        return `${rng.int(1, 28)} ${MONTHS[(Number(this.value('monthIndex')) + rng.int(1, 3)) % 12]}`;
      case 'monthIndex':
        return String(rng.int(0, 11));
      case 'month':
        return rng.pick(MONTHS);
      case 'year':
        return String(year);
      case 'pastYear':
        return String(year - rng.int(2, 9));
      case 'count':
        return String(rng.pick([12, 40, 85, 120, 250, 400, 650, 1200, 2500]));
      case 'smallCount':
        return String(rng.int(2, 8));
      case 'km':
        return String(rng.int(2, 25));
      case 'cm':
        return String(rng.int(15, 65) * 10);
      case 'millions':
        return String(rng.int(5, 90) * 10);
      case 'amount':
        return rng.pick(['€ 1.500', '€ 2.500', '€ 4.000', '€ 7.500', '€ 20.000']);
      case 'percent':
        return `${rng.int(1, 6)},${rng.int(0, 9)}`;
      case 'bigPercent':
        return String(rng.int(8, 25));
      case 'caseNumber':
        return `AV-${year}-${rng.digits(6)}`;
      default:
        return `{${key}}`;
    }
  }
}

export function composeContent(env: TextEnvironment, item: PlannedItem, version: number): ComposedContent {
  const base = composeBase(env, item);
  const versions = 1 + item.laterVersions.length;
  const text = versions > 1 ? editedText(env, item, base.text, version, versions) : base.text;
  return {
    text,
    title: base.title,
    warning: base.warning,
    language: item.english ? 'en' : 'nl',
    links: extractLinks(text),
    hashtags: extractHashtags(text),
    mentions: extractMentions(text),
  };
}

function composeBase(env: TextEnvironment, item: PlannedItem): BaseText {
  const rng = Prng.derive(env.seed, 'text', item.index);
  const organisation = DEMO_ORGANISATIONS.find((o) => o.slug === item.organisationSlug);
  const vocabulary = ORGANISATION_VOCABULARY[item.organisationSlug];
  const topic = vocabulary?.topics.find((t) => t.key === item.topicKey) ?? vocabulary?.topics[0];
  if (!organisation || !vocabulary || !topic) throw new Error(`no vocabulary for ${item.organisationSlug}`);
  const addressed =
    item.mentionIndex >= 0
      ? env.items[item.mentionIndex]
      : item.parentIndex >= 0
        ? env.items[item.parentIndex]
        : undefined;
  const addressedName = addressed ? env.citizenName(addressed) : null;
  const ownName = env.citizenName(item);
  const filler = new Filler(rng, item.createdAt, {
    name: addressedName?.firstName ?? '',
    fullName: ownName?.fullName ?? '',
  });
  const link = (): string => `https://${organisation.linkDomain}${filler.fill(rng.pick(topic.linkPaths))}`;
  const mentionPrefix = (): string => {
    if (item.mentionIndex < 0) return '';
    const actor = env.actorOf(env.items[item.mentionIndex]!);
    if (actor.handle && item.platform !== 'facebook' && item.platform !== 'linkedin')
      return `@${actor.handle} `;
    return actor.displayName ? `${actor.displayName} ` : '';
  };
  const plain = (text: string): BaseText => ({ text, title: null, warning: null });

  switch (item.role) {
    case 'post':
      return composeOrganisationPost(env, item, rng, filler, topic, link, vocabulary.english);
    case 'thread-part': {
      const part = item.threadPart ?? { part: 2, total: 2 };
      let text = `(${part.part}/${part.total}) ${filler.fill(rng.pick(topic.details))}`;
      if (part.part === part.total) text += ` ${link()}`;
      return plain(text);
    }
    case 'quote':
      return plain(`${filler.fill(rng.pick(QUOTE_COMMENTS))} ${hashtagsFor(item, rng, topic, 1)}`.trim());
    case 'repost': {
      if (item.platform !== 'x') return plain('');
      const original = env.items[item.referencedIndex]!;
      const originalText = composeBase(env, original).text;
      const shortened = originalText.length > 110 ? `${originalText.slice(0, 109)}…` : originalText;
      return plain(`RT @${env.actorOf(original).handle ?? ''}: ${shortened}`);
    }
    case 'story':
      return plain(filler.fill(rng.pick(STORY_TEXTS)));
    case 'citizen-reply': {
      let body: string;
      if (item.personalData.length > 0) {
        const phrases = item.personalData.map((value) =>
          new Filler(rng, item.createdAt, {
            value: value.written,
            fullName: ownName?.fullName ?? 'mij',
          }).fill(rng.pick(PERSONAL_DATA_PHRASES[value.kind] ?? ['{value}'])),
        );
        const lead = rng.chance(0.5) ? `${filler.fill(rng.pick(topic.questions))} ` : '';
        body = lead + phrases.join(' ');
      } else if (item.english) {
        body = filler.fill(rng.pick(ENGLISH_CITIZEN_TEXTS));
      } else if (addressed && addressed.author.type === 'citizen' && rng.chance(0.5)) {
        body = filler.fill(rng.pick(REPLIES_TO_CITIZENS));
      } else {
        const r = rng.next();
        body = filler.fill(
          r < 0.45
            ? rng.pick(topic.questions)
            : r < 0.7
              ? rng.pick(topic.reactions)
              : rng.pick(GENERIC_REACTIONS),
        );
      }
      return plain(mentionPrefix() + body);
    }
    case 'citizen-quote':
      return plain(filler.fill(rng.chance(0.5) ? rng.pick(topic.reactions) : rng.pick(GENERIC_REACTIONS)));
    case 'answer': {
      if (item.privacyAnswer) return plain(mentionPrefix() + PRIVACY_ANSWER);
      const opening = addressedName ? rng.pick(ANSWER_OPENINGS) : '';
      const body = rng.pick(ANSWER_BODIES).replace('{link}', link());
      return plain(mentionPrefix() + filler.fill(opening) + filler.fill(body));
    }
    case 'dm-citizen': {
      const phrases = item.personalData.map((value) =>
        new Filler(rng, item.createdAt, { value: value.written, fullName: ownName?.fullName ?? 'mij' }).fill(
          rng.pick(PERSONAL_DATA_PHRASES[value.kind] ?? ['{value}']),
        ),
      );
      const opening =
        item.rootIndex === item.index ? `${filler.fill(rng.pick(DIRECT_MESSAGE_OPENINGS))} ` : '';
      return plain(opening + phrases.join(' '));
    }
    case 'dm-answer':
      return plain(filler.fill(rng.pick(DIRECT_MESSAGE_ANSWERS)));
  }
}

function composeOrganisationPost(
  env: TextEnvironment,
  item: PlannedItem,
  rng: Prng,
  filler: Filler,
  topic: Topic,
  link: () => string,
  english: readonly string[],
): BaseText {
  const platform = item.platform;
  const warning = platform === 'mastodon' && rng.chance(0.06) ? rng.pick(CONTENT_WARNINGS) : null;
  if (item.english) {
    return { text: `${filler.fill(rng.pick(english))} ${link()}`, title: null, warning };
  }
  const long = platform === 'facebook' || platform === 'linkedin' || platform === 'youtube';
  let body = filler.fill(rng.pick(topic.announcements));
  const opener = rng.pick(OPENERS);
  // Announcements that open with their own "Let op:" or "Mijlpaal!" get no second opener.
  if (opener && platform !== 'youtube' && platform !== 'tiktok' && !/^[^.]{0,25}[:!]/.test(body)) {
    body =
      opener.endsWith(': ') && /^[A-Z][a-z]/.test(body)
        ? opener + body.charAt(0).toLowerCase() + body.slice(1)
        : opener + body;
  }
  if (long || rng.chance(0.3)) body += ` ${filler.fill(rng.pick(topic.details))}`;
  const mention = mentionOtherAccount(env, item, rng);
  if (mention) body += ` Samen met ${mention}.`;
  const linkChance: Record<string, number> = {
    x: 0.5,
    facebook: 0.7,
    linkedin: 0.8,
    mastodon: 0.6,
    bluesky: 0.6,
    youtube: 1,
  };
  if (rng.chance(linkChance[platform] ?? 0)) body += ` ${link()}`;
  if (item.threadPart) body = `🧵 ${body} (1/${item.threadPart.total})`;
  const tagCount: Record<string, number> = {
    x: rng.int(1, 2),
    instagram: 5,
    mastodon: 3,
    facebook: rng.int(0, 1),
    linkedin: rng.int(1, 3),
    tiktok: 3,
    youtube: rng.int(1, 2),
    bluesky: rng.int(0, 1),
  };
  const tags = hashtagsFor(item, rng, topic, tagCount[platform] ?? 1);
  const separator =
    platform === 'instagram' || platform === 'facebook' || platform === 'linkedin' ? '\n\n' : ' ';
  const text = tags ? `${body}${separator}${tags}` : body;
  const title =
    platform === 'youtube'
      ? `${filler.fill(rng.pick(topic.videoTitles))} | ${DEMO_ORGANISATIONS.find((o) => o.slug === item.organisationSlug)?.name ?? ''}`
      : null;
  return { text, title, warning };
}

function mentionOtherAccount(env: TextEnvironment, item: PlannedItem, rng: Prng): string | null {
  if (!['x', 'mastodon', 'bluesky', 'instagram', 'tiktok'].includes(item.platform) || !rng.chance(0.15))
    return null;
  // Another organisation's account on the same platform, found among earlier roots (cheap and deterministic).
  const own = env.actorOf(item).platformActorId;
  for (let i = item.index - 1, tries = 0; i >= 0 && tries < 200; i--, tries++) {
    const other = env.items[i]!;
    if (other.platform === item.platform && other.author.type === 'account' && other.role === 'post') {
      const actor = env.actorOf(other);
      if (actor.platformActorId !== own && actor.handle) return `@${actor.handle}`;
    }
  }
  return null;
}

function hashtagsFor(item: PlannedItem, rng: Prng, topic: Topic, count: number): string {
  const tags = [...topic.hashtags];
  if (count > tags.length) tags.push(...rng.shuffle([...EXTRA_HASHTAGS]).slice(0, count - tags.length));
  return tags
    .slice(0, count)
    .map((t) => `#${t}`)
    .join(' ');
}

/**
 * Versions of an edited item: a typo fixed, or a sentence added, or (three versions) both.
 * The base text is the corrected one; the typo exists only in version 0.
 */
function editedText(
  env: TextEnvironment,
  item: PlannedItem,
  base: string,
  version: number,
  versions: number,
): string {
  const rng = Prng.derive(env.seed, 'edit', item.index);
  const typo = withTypo(base, rng);
  const mode = versions >= 3 ? 'both' : rng.chance(0.5) && typo !== null ? 'typo' : 'append';
  const additions = item.author.type === 'account' ? EDIT_ADDITIONS_ORGANISATION : EDIT_ADDITIONS_CITIZEN;
  const filler = new Filler(rng, item.createdAt, {});
  const addition = filler.fill(rng.pick(additions));
  // The addition goes before a closing run of hashtags, as people edit the sentence, not the tags.
  const appended = (text: string): string => {
    const tags = /(\s+#[\p{L}\p{N}_]+)+$/u.exec(text);
    const cut = tags ? tags.index : text.length;
    const separator = item.kind === 'video' ? '\n\n' : ' ';
    return `${text.slice(0, cut)}${separator}${addition}${text.slice(cut)}`;
  };
  if (mode === 'typo') return version === 0 ? (typo ?? base) : base;
  if (mode === 'append') return version === 0 ? base : appended(base);
  if (version === 0) return typo ?? `${base} …`;
  return version === 1 ? base : appended(base);
}

function withTypo(text: string, rng: Prng): string | null {
  const tokens = text.split(' ');
  const candidates: number[] = [];
  tokens.forEach((token, i) => {
    if (/^[a-zA-Z]{7,}[.,!?]?$/.test(token)) candidates.push(i);
  });
  if (candidates.length === 0) return null;
  const i = rng.pick(candidates);
  const word = tokens[i]!;
  for (let p = 2; p < word.length - 2; p++) {
    if (word[p] !== word[p + 1] && /[a-z]/.test(word[p + 1] ?? '')) {
      tokens[i] = word.slice(0, p) + word[p + 1] + word[p] + word.slice(p + 2);
      return tokens.join(' ');
    }
  }
  return null;
}

export function extractLinks(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s]+/g)].map((m) => m[0].replace(/[.,!?)]+$/, ''));
}

export function extractHashtags(text: string): string[] {
  return [...text.matchAll(/(?:^|\s)#([\p{L}\p{N}_]+)/gu)].map((m) => m[1] ?? '');
}

export function extractMentions(text: string): string[] {
  return [...text.matchAll(/(?:^|[\s(])@([A-Za-z0-9_][A-Za-z0-9_.-]*(?:@[A-Za-z0-9.-]+)?)/g)].map((m) =>
    (m[1] ?? '').replace(/[.-]+$/, ''),
  );
}
