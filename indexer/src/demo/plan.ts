/**
 * The skeleton of a demo archive: who posted what kind of item where and when, which items are
 * edited, and when each version is captured (deletions and personal data: plan-post-passes.ts). It holds no text,
 * payloads or image bytes (those are made per capture in demo-archive.ts), so it stays small
 * — roughly 1 KB per item — while fixing everything that must be consistent across captures.
 */
import type { ItemKind, Platform } from '@bewaard/schema';
import { CitizenPool, MAX_CITIZENS } from './citizens.js';
import { DEMO_ACCOUNTS, type DemoAccountProfile } from './organisations.js';
import {
  generateBsnValue,
  generateEmailAddress,
  generateIbanValue,
  generateLandlineNumber,
  generateMobileNumber,
  type PersonalDataValue,
} from './personal-data.js';
import { buildCaptureEvents, planDeletions, planPersonalData } from './plan-post-passes.js';
import type { ArchivePlan, AuthorRef, ItemRole, PlannedItem } from './plan-types.js';
import * as ids from './platform-ids.js';
import { PLATFORM_STYLE } from './platform-style.js';
import { Prng } from './prng.js';
import { ORGANISATION_VOCABULARY } from './vocabulary.js';

export type { ArchivePlan, CaptureEvent, PlannedItem } from './plan-types.js';

type SlotType = 'thread' | 'repost' | 'quote' | 'story' | 'dm';

interface Slot {
  order: number;
  time: number;
  account: number;
  type: SlotType;
  parts: number;
  responses: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const EDIT_PROBABILITY = 0.04;

const ORGANISATION_KINDS = new Set(['organisation', 'campaign']);

/** [hour, weight]: posting is an office-hours job. */
// prettier-ignore
const POSTING_HOURS_UTC: ReadonlyArray<readonly [number, number]> = [
  [6, 1], [7, 3], [8, 5], [9, 5], [10, 5], [11, 4], [12, 4], [13, 4], [14, 4], [15, 3], [16, 2], [17, 2], [18, 2], [19, 1], [20, 1],
];

export function planArchive(seed: number, targetItems: number): ArchivePlan {
  return new Planner(seed, targetItems).run();
}

class Planner {
  private readonly rng: Prng;
  private readonly items: PlannedItem[] = [];
  private readonly usedIds = new Set<string>();
  private readonly rootsByPlatform = new Map<Platform, number[]>();
  private readonly citizens: CitizenPool;

  constructor(
    private readonly seed: number,
    private readonly target: number,
  ) {
    this.rng = Prng.derive(seed, 'plan');
    const reserved = new Set(
      DEMO_ACCOUNTS.map((a) => `${a.declaration.platform}:${a.declaration.platformAccountId}`),
    );
    // Roughly one citizen per eight items: some reply often, most once or twice.
    this.citizens = new CitizenPool(
      seed,
      Math.min(MAX_CITIZENS, Math.max(40, Math.round(target / 8))),
      reserved,
    );
  }

  run(): ArchivePlan {
    const slots = this.drawSlots();
    slots.sort((a, b) => a.time - b.time || a.order - b.order);
    for (const slot of slots) this.buildSlot(slot);
    planDeletions(this.items, this.seed);
    planPersonalData(this.items, this.seed, this.target, this.citizens);
    return {
      seed: this.seed,
      items: this.items,
      events: buildCaptureEvents(this.items),
      citizens: this.citizens,
    };
  }

  // ---- slots: one organisation post (or DM conversation) with everything that hangs under it

  private drawSlots(): Slot[] {
    const rng = this.rng;
    const slots: Slot[] = [];
    let total = 0;
    const accountWeights = DEMO_ACCOUNTS.map(
      (a, i) => [i, a.weight * Math.max(0, a.activeUntil - a.activeFrom)] as const,
    );

    const dmAccounts = DEMO_ACCOUNTS.flatMap((a, i) =>
      PLATFORM_STYLE[a.declaration.platform].directMessages && a.declaration.kind === 'organisation'
        ? [i]
        : [],
    );
    const dmConversations =
      this.target >= 200 ? Math.min(10, Math.max(2, Math.round(this.target / 2500))) : 0;
    for (let i = 0; i < dmConversations && total < this.target; i++) {
      const account = rng.pick(dmAccounts);
      const size = Math.min(rng.int(2, 4), this.target - total);
      slots.push({
        order: slots.length,
        time: this.slotTime(DEMO_ACCOUNTS[account]!),
        account,
        type: 'dm',
        parts: 0,
        responses: size - 1,
      });
      total += size;
    }

    while (total < this.target) {
      const account = rng.weighted(accountWeights);
      const profile = DEMO_ACCOUNTS[account]!;
      const { platform, kind } = profile.declaration;
      const style = PLATFORM_STYLE[platform];
      const personal = !ORGANISATION_KINDS.has(kind);
      const r = rng.next();
      let type: SlotType = 'thread';
      if (platform === 'instagram' && r < 0.06) type = 'story';
      else if (style.reposts && r < (personal ? 0.18 : 0.07)) type = 'repost';
      else if (style.quotes && r > (personal ? 0.9 : 0.96)) type = 'quote';
      let parts = type === 'thread' && style.selfThreads && rng.chance(0.08) ? rng.int(1, 3) : 0;
      let responses =
        type === 'thread' || type === 'quote'
          ? this.drawResponseCount(style.responseFactor * (personal ? 1.4 : 1))
          : 0;
      const room = this.target - total - 1;
      responses = Math.min(responses, room);
      parts = Math.min(parts, room - responses);
      slots.push({ order: slots.length, time: this.slotTime(profile), account, type, parts, responses });
      total += 1 + parts + responses;
    }
    return slots;
  }

  private drawResponseCount(factor: number): number {
    const rng = this.rng;
    const u = rng.next();
    const base = u < 0.3 ? 0 : u < 0.75 ? rng.int(1, 4) : u < 0.94 ? rng.int(5, 12) : rng.int(13, 40);
    return Math.round(base * factor);
  }

  /** A moment in the account's active period, mostly in Dutch office hours. */
  private slotTime(profile: DemoAccountProfile): number {
    const rng = this.rng;
    const days = Math.floor((profile.activeUntil - profile.activeFrom) / DAY);
    const day = profile.activeFrom - (profile.activeFrom % DAY) + rng.int(0, Math.max(0, days - 1)) * DAY;
    const hour = rng.weighted(POSTING_HOURS_UTC);
    return Math.max(
      profile.activeFrom,
      day + hour * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * SECOND,
    );
  }

  private buildSlot(slot: Slot): void {
    const profile = DEMO_ACCOUNTS[slot.account]!;
    const platform = profile.declaration.platform;
    if (slot.type === 'dm') {
      this.buildDirectMessages(slot);
      return;
    }
    const topicKey = this.pickTopic(profile);
    let referenced: PlannedItem | null = null;
    if (slot.type === 'repost' || slot.type === 'quote') {
      const candidates = (this.rootsByPlatform.get(platform) ?? [])
        .slice(-60)
        .filter((i) => this.items[i]!.threadAccount !== slot.account);
      if (candidates.length > 0) referenced = this.items[this.rng.pick(candidates)]!;
    }
    if (slot.type === 'repost') {
      if (referenced) {
        this.addItem({
          platform,
          role: 'repost',
          kind: 'repost',
          author: { type: 'account', account: slot.account },
          threadAccount: slot.account,
          createdAt: slot.time,
          parent: null,
          referenced,
          topicKey: referenced.topicKey,
          root: null,
        });
        return;
      }
      slot.type = 'thread';
    }
    if (slot.type === 'quote' && !referenced) slot.type = 'thread';

    const style = PLATFORM_STYLE[platform];
    const role = slot.type === 'quote' ? 'quote' : slot.type === 'story' ? 'story' : 'post';
    const root = this.addItem({
      platform,
      role,
      kind: role === 'post' ? style.rootKind : role,
      author: { type: 'account', account: slot.account },
      threadAccount: slot.account,
      createdAt: slot.time,
      parent: null,
      referenced,
      topicKey,
      root: null,
      threadPart: slot.parts > 0 ? { part: 1, total: slot.parts + 1 } : null,
    });
    if (role !== 'story') {
      const roots = this.rootsByPlatform.get(platform) ?? [];
      roots.push(root.index);
      this.rootsByPlatform.set(platform, roots);
    }

    const nodes: PlannedItem[] = [root];
    let previous = root;
    for (let p = 0; p < slot.parts; p++) {
      previous = this.addItem({
        platform,
        role: 'thread-part',
        kind: style.replyKind,
        author: { type: 'account', account: slot.account },
        threadAccount: slot.account,
        createdAt: previous.createdAt + this.rng.int(20, 120) * SECOND,
        parent: previous,
        referenced: null,
        topicKey,
        root,
        threadPart: { part: p + 2, total: slot.parts + 1 },
      });
      nodes.push(previous);
    }
    const participants: number[] = [];
    for (let r = 0; r < slot.responses; r++) this.addResponse(root, nodes, participants);
  }

  private addResponse(root: PlannedItem, nodes: PlannedItem[], participants: number[]): void {
    const rng = this.rng;
    const style = PLATFORM_STYLE[root.platform];
    let parent = nodes.length === 1 || rng.chance(0.45) ? root : rng.pick(nodes);

    if (style.quotes && parent === root && rng.chance(0.06)) {
      this.addItem({
        platform: root.platform,
        role: 'citizen-quote',
        kind: 'quote',
        author: { type: 'citizen', citizen: this.pickCitizen(participants, -1) },
        threadAccount: root.threadAccount,
        createdAt: root.createdAt + this.citizenDelay(),
        parent: null,
        referenced: root,
        topicKey: root.topicKey,
        root: null,
      });
      return;
    }

    let mention: PlannedItem | null = style.replyMentions ? parent : null;
    if (parent.depth >= style.maxDepth) {
      if (style.maxDepth === 2) {
        // A reply to a reply lands under the first-level comment, addressed to whom it answers.
        mention = parent;
        parent = this.items[parent.parentIndex]!;
      } else {
        parent = root;
        mention = style.replyMentions ? root : null;
      }
    } else if (!style.replyMentions && parent.depth === 1 && rng.chance(0.3)) {
      mention = parent;
    }
    const addressed = mention ?? parent;
    const answering = addressed.author.type === 'citizen' && rng.chance(0.35);
    const parentCitizen = addressed.author.type === 'citizen' ? addressed.author.citizen : -1;
    const author: AuthorRef = answering
      ? { type: 'account', account: root.threadAccount }
      : { type: 'citizen', citizen: this.pickCitizen(participants, parentCitizen) };
    const delay = answering
      ? 15 * MINUTE + Math.min(rng.exponential(4 * HOUR), 3 * DAY)
      : this.citizenDelay();
    const item = this.addItem({
      platform: root.platform,
      role: answering ? 'answer' : 'citizen-reply',
      kind: style.replyKind,
      author,
      threadAccount: root.threadAccount,
      createdAt: addressed.createdAt + delay,
      parent,
      referenced: null,
      topicKey: root.topicKey,
      root,
      mention,
    });
    nodes.push(item);
  }

  private citizenDelay(): number {
    return 40 * SECOND + Math.min(this.rng.exponential(3 * HOUR), 5 * DAY);
  }

  /** Some citizens come back within a conversation; across the archive a few reply very often. */
  private pickCitizen(participants: number[], avoid: number): number {
    const rng = this.rng;
    let citizen =
      participants.length > 0 && rng.chance(0.2)
        ? rng.pick(participants)
        : Math.floor(this.citizens.size * Math.pow(rng.next(), 1.6));
    if (citizen === avoid) citizen = (citizen + 1) % this.citizens.size;
    participants.push(citizen);
    return citizen;
  }

  private pickTopic(profile: DemoAccountProfile): string {
    const vocabulary = ORGANISATION_VOCABULARY[profile.declaration.organisationSlug];
    const keys = profile.topics.length > 0 ? profile.topics : (vocabulary?.topics.map((t) => t.key) ?? []);
    return this.rng.pick(keys);
  }

  private buildDirectMessages(slot: Slot): void {
    const rng = this.rng;
    const profile = DEMO_ACCOUNTS[slot.account]!;
    const platform = profile.declaration.platform;
    const citizen = Math.floor(rng.next() * this.citizens.size);
    const pii = Prng.derive(this.seed, 'dm-personal-data', slot.order);
    const name = this.citizens.name(citizen);
    let first: PlannedItem | null = null;
    let time = slot.time;
    for (let m = 0; m <= slot.responses; m++) {
      const fromCitizen = m % 2 === 0;
      const personalData: PersonalDataValue[] = [];
      if (fromCitizen && m === 0) {
        personalData.push(
          generateBsnValue(pii),
          rng.chance(0.5) ? generateMobileNumber(pii) : generateLandlineNumber(pii),
        );
      } else if (fromCitizen) {
        personalData.push(
          rng.chance(0.5) ? generateIbanValue(pii) : generateEmailAddress(pii, name.firstName, name.lastName),
        );
      }
      const item = this.addItem({
        platform,
        role: fromCitizen ? 'dm-citizen' : 'dm-answer',
        kind: 'message',
        author: fromCitizen ? { type: 'citizen', citizen } : { type: 'account', account: slot.account },
        threadAccount: slot.account,
        createdAt: time,
        parent: null,
        referenced: null,
        topicKey: this.pickTopic(profile),
        root: first,
        personalData,
      });
      first ??= item;
      time =
        item.createdAt +
        (fromCitizen ? HOUR + rng.exponential(8 * HOUR) : 10 * MINUTE + rng.exponential(HOUR));
    }
  }

  // ---- items

  private addItem(spec: {
    platform: Platform;
    role: ItemRole;
    kind: ItemKind;
    author: AuthorRef;
    threadAccount: number;
    createdAt: number;
    parent: PlannedItem | null;
    referenced: PlannedItem | null;
    topicKey: string;
    root: PlannedItem | null;
    mention?: PlannedItem | null;
    threadPart?: { part: number; total: number } | null;
    personalData?: PersonalDataValue[];
  }): PlannedItem {
    const rng = this.rng;
    const createdAt = Math.floor(spec.createdAt / SECOND) * SECOND;
    const index = this.items.length;
    const id = this.makeId(spec, createdAt);
    const isMessage = spec.kind === 'message';
    const conversationId =
      spec.role === 'repost' || spec.role === 'story'
        ? null
        : isMessage
          ? (spec.root?.id ?? id)
          : spec.parent
            ? (spec.root ?? spec.parent).id
            : id;
    const organisationSlug = DEMO_ACCOUNTS[spec.threadAccount]!.declaration.organisationSlug;
    const english =
      !isMessage &&
      spec.kind !== 'video' &&
      (spec.role === 'post' || spec.role === 'citizen-reply') &&
      (ORGANISATION_VOCABULARY[organisationSlug]?.english.length ?? 0) > 0 &&
      rng.chance(0.025);

    const item: PlannedItem = {
      index,
      organisationSlug,
      platform: spec.platform,
      kind: spec.kind,
      role: spec.role,
      id,
      author: spec.author,
      threadAccount: spec.threadAccount,
      createdAt,
      capturedAt: 0,
      depth: spec.parent ? spec.parent.depth + 1 : 0,
      rootIndex: spec.root?.index ?? index,
      parentIndex: spec.parent?.index ?? -1,
      referencedIndex: spec.referenced?.index ?? -1,
      mentionIndex: spec.mention?.index ?? -1,
      conversationId,
      topicKey: spec.topicKey,
      english,
      threadPart: spec.threadPart ?? null,
      mediaCount: 0,
      missingMediaSlot: -1,
      laterVersions: [],
      deletion: null,
      personalData: spec.personalData ?? [],
      privacyAnswer: false,
    };
    this.planMedia(item);
    this.planCaptures(item, [
      spec.parent,
      spec.referenced,
      spec.mention ?? null,
      isMessage ? spec.root : null,
    ]);
    this.items.push(item);
    return item;
  }

  private makeId(
    spec: {
      platform: Platform;
      role: ItemRole;
      kind: ItemKind;
      author: AuthorRef;
      parent: PlannedItem | null;
      root: PlannedItem | null;
    },
    at: number,
  ): string {
    const rng = this.rng;
    for (;;) {
      let id: string;
      switch (spec.platform) {
        case 'x':
          id = ids.xSnowflake(rng, at);
          break;
        case 'mastodon':
          id = ids.mastodonId(rng, at);
          break;
        case 'tiktok':
          id = ids.tiktokId(rng, at);
          break;
        case 'bluesky': {
          const collection = spec.role === 'repost' ? 'app.bsky.feed.repost' : 'app.bsky.feed.post';
          id = `at://${this.authorId(spec.author, 'bluesky')}/${collection}/${ids.blueskyTid(rng, at)}`;
          break;
        }
        case 'linkedin':
          id =
            spec.parent && spec.root
              ? `urn:li:comment:(${spec.root.id},${ids.linkedinId(rng, at)})`
              : `urn:li:activity:${ids.linkedinId(rng, at)}`;
          break;
        case 'facebook':
          if (spec.kind === 'message') id = ids.messengerMessageId(rng);
          else if (spec.parent && spec.root)
            id = `${spec.root.id.split('_')[1] ?? spec.root.id}_${ids.facebookObjectId(rng)}`;
          else id = `${this.authorId(spec.author, 'facebook')}_${ids.facebookObjectId(rng)}`;
          break;
        case 'instagram':
          id = spec.kind === 'message' ? ids.instagramMessageId(rng) : ids.instagramObjectId(rng);
          break;
        case 'youtube':
          if (!spec.parent) id = ids.youtubeVideoId(rng);
          else if (spec.parent.depth === 0) id = ids.youtubeCommentId(rng);
          else id = ids.youtubeReplyId(rng, spec.parent.id);
          break;
      }
      const key = `${spec.platform}:${id}`;
      if (!this.usedIds.has(key)) {
        this.usedIds.add(key);
        return id;
      }
    }
  }

  private authorId(author: AuthorRef, platform: Platform): string {
    return author.type === 'account'
      ? DEMO_ACCOUNTS[author.account]!.declaration.platformAccountId
      : this.citizens.actor(author.citizen, platform).platformActorId;
  }

  private planMedia(item: PlannedItem): void {
    const rng = this.rng;
    let count = 0;
    if (item.role === 'story') count = 1;
    else if ((item.role === 'post' || item.role === 'quote') && item.platform === 'instagram')
      count = rng.chance(0.7) ? 1 : 2;
    else if (item.role === 'post' && item.kind === 'video') count = rng.chance(0.1) ? 1 : 0;
    else if (item.role === 'post' || item.role === 'quote')
      count = rng.chance(0.03) ? (rng.chance(0.7) ? 1 : 2) : 0;
    else if (item.role === 'citizen-reply') count = rng.chance(0.004) ? 1 : 0;
    item.mediaCount = count;
    if (count > 0 && rng.chance(0.04)) item.missingMediaSlot = rng.int(0, count - 1);
  }

  /**
   * First capture after the item and after anything it points at, so a store never sees a
   * reply before its parent; edit versions follow, each captured after its edit.
   */
  private planCaptures(item: PlannedItem, references: Array<PlannedItem | null>): void {
    const rng = this.rng;
    let earliest = 0;
    for (const ref of references)
      if (ref) earliest = Math.max(earliest, ref.capturedAt + rng.int(1, 300) * SECOND);
    const style = PLATFORM_STYLE[item.platform];
    const editable =
      style.editable &&
      item.kind !== 'message' &&
      item.role !== 'repost' &&
      item.role !== 'story' &&
      rng.chance(EDIT_PROBABILITY);
    if (!editable) {
      const delay = 2 * MINUTE + Math.min(rng.exponential(5 * HOUR), 40 * HOUR);
      item.capturedAt = Math.max(item.createdAt + delay, earliest) + rng.int(0, 999);
      return;
    }
    // An edited item must be captured before its first edit, or the archive would never see the original.
    item.capturedAt = Math.max(item.createdAt + rng.int(30, 240) * SECOND, earliest) + rng.int(0, 999);
    const versions = rng.chance(0.25) ? 3 : 2;
    let previousCapture = item.capturedAt;
    for (let v = 1; v < versions; v++) {
      let editedAt: number;
      if (item.platform === 'x') {
        // X allows edits only within the first hour.
        editedAt = previousCapture + rng.int(1, 12) * MINUTE;
        if (editedAt > item.createdAt + 59 * MINUTE) break;
      } else {
        editedAt = previousCapture + 10 * MINUTE + Math.min(rng.exponential(2 * DAY), 30 * DAY);
      }
      editedAt = Math.floor(editedAt / SECOND) * SECOND;
      const capturedAt = editedAt + rng.int(60, 6 * 3600) * SECOND + rng.int(0, 999);
      const platformVersionId =
        item.platform === 'x' ? this.makeId({ ...item, parent: null, root: null }, editedAt) : null;
      item.laterVersions.push({ editedAt, capturedAt, platformVersionId });
      previousCapture = capturedAt;
    }
  }
}
