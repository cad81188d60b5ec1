/**
 * A deterministic, clearly fictional archive for demos, tests and benchmarks: fictional ministries,
 * their accounts on eight platforms, citizens' reactions, edits, deletions, media and personal data.
 * The plan (plan.ts) is made once per archive; each capture's text, payload and images are made
 * only when the iterator reaches it, so memory stays small however many items are asked for.
 */
import type {
  AccountDeclaration,
  DeletionNotice,
  NormalisedActor,
  NormalisedItem,
  NormalisedMedia,
} from '@bewaard/schema';
import type { CitizenName } from './citizens.js';
import { generateDemoPng } from './images.js';
import { DEMO_ACCOUNTS, DEMO_ORGANISATIONS, type DemoOrganisation } from './organisations.js';
import type { PersonalDataKind } from './personal-data.js';
import { planArchive } from './plan.js';
import type { ArchivePlan, CaptureEvent, PlannedItem } from './plan-types.js';
import { hash32, Prng } from './prng.js';
import { DEMO_RAW_FORMAT, rawPayload } from './raw-payloads.js';
import { composeContent, type TextEnvironment } from './texts.js';
import { itemUrl, mediaUrl } from './urls.js';
import { MEDIA_ALT_TEXTS, MISSING_MEDIA_REASONS } from './vocabulary.js';

export type { DemoOrganisation } from './organisations.js';

export type DemoCapture =
  | { kind: 'item'; organisationSlug: string; capturedAt: Date; item: NormalisedItem }
  | { kind: 'deletion'; organisationSlug: string; notice: DeletionNotice };

export interface DemoArchive {
  organisations: DemoOrganisation[];
  accounts: AccountDeclaration[];
  /** In capture order (capturedAt ascending); lazily generated so memory stays small. */
  captures(): Iterable<DemoCapture>;
}

export interface DemoArchiveOptions {
  /** Distinct items to generate (default 20,000). */
  targetItems?: number;
  seed?: number;
}

export const DEFAULT_DEMO_SEED = 20_190_101;
export const DEFAULT_DEMO_TARGET_ITEMS = 20_000;
export const DEMO_DELETION_METHOD = 'demo';

export interface DemoPersonalDataRecord {
  organisationSlug: string;
  platform: NormalisedItem['platform'];
  platformItemId: string;
  kind: PersonalDataKind;
  /** Exactly as it appears in the item's text. */
  written: string;
  normalised: string;
  /** True for private messages, false for public replies. */
  directMessage: boolean;
}

const plans = new WeakMap<DemoArchive, () => ArchivePlan>();

export function generateDemoArchive(options: DemoArchiveOptions = {}): DemoArchive {
  const seed = (options.seed ?? DEFAULT_DEMO_SEED) >>> 0;
  const targetItems = options.targetItems ?? DEFAULT_DEMO_TARGET_ITEMS;
  if (!Number.isInteger(targetItems) || targetItems < 1) {
    throw new Error(`targetItems must be a positive integer, got ${targetItems}`);
  }
  let plan: ArchivePlan | null = null;
  const getPlan = (): ArchivePlan => (plan ??= planArchive(seed, targetItems));
  const archive: DemoArchive = {
    organisations: DEMO_ORGANISATIONS.map(({ slug, name }) => ({ slug, name })),
    accounts: DEMO_ACCOUNTS.map((a) => ({ ...a.declaration })),
    captures: () => iterateCaptures(getPlan()),
  };
  plans.set(archive, getPlan);
  return archive;
}

/**
 * Which items carry which personal identifiers, for testing Woo redaction against a known answer.
 * Every value appears verbatim in every version of its item.
 */
export function listDemoPersonalData(archive: DemoArchive): DemoPersonalDataRecord[] {
  const getPlan = plans.get(archive);
  if (!getPlan) throw new Error('not an archive made by generateDemoArchive');
  return getPlan().items.flatMap((item) =>
    item.personalData.map((value) => ({
      organisationSlug: item.organisationSlug,
      platform: item.platform,
      platformItemId: item.id,
      kind: value.kind,
      written: value.written,
      normalised: value.normalised,
      directMessage: item.kind === 'message',
    })),
  );
}

function* iterateCaptures(plan: ArchivePlan): Generator<DemoCapture> {
  const materialiser = new Materialiser(plan);
  for (const event of plan.events) yield materialiser.capture(event);
}

class Materialiser implements TextEnvironment {
  readonly seed: number;
  readonly items: readonly PlannedItem[];
  private readonly accountActors: NormalisedActor[];

  constructor(private readonly plan: ArchivePlan) {
    this.seed = plan.seed;
    this.items = plan.items;
    this.accountActors = DEMO_ACCOUNTS.map(({ declaration: d }) => ({
      platformActorId: d.platformAccountId,
      handle: d.handle,
      displayName: d.displayName,
    }));
  }

  actorOf(item: PlannedItem): NormalisedActor {
    return item.author.type === 'account'
      ? this.accountActors[item.author.account]!
      : this.plan.citizens.actor(item.author.citizen, item.platform);
  }

  citizenName(item: PlannedItem): CitizenName | null {
    return item.author.type === 'citizen' ? this.plan.citizens.name(item.author.citizen) : null;
  }

  capture(event: CaptureEvent): DemoCapture {
    const item = this.items[event.item]!;
    if (event.version < 0) {
      const deletion = item.deletion!;
      return {
        kind: 'deletion',
        organisationSlug: item.organisationSlug,
        notice: {
          platform: item.platform,
          platformItemId: item.id,
          detectedAt: new Date(deletion.detectedAt),
          method: DEMO_DELETION_METHOD,
          platformDeletedAt:
            deletion.platformDeletedAt === null ? null : new Date(deletion.platformDeletedAt),
        },
      };
    }
    return {
      kind: 'item',
      organisationSlug: item.organisationSlug,
      capturedAt: new Date(event.at),
      item: this.materialise(item, event.version),
    };
  }

  private materialise(item: PlannedItem, version: number): NormalisedItem {
    const author = this.actorOf(item);
    const root = this.items[item.rootIndex]!;
    const parent = item.parentIndex >= 0 ? this.items[item.parentIndex]! : null;
    const referenced = item.referencedIndex >= 0 ? this.items[item.referencedIndex]! : null;
    const content = composeContent(this, item, version);
    const later = item.laterVersions;
    const versionAt = version === 0 ? item.createdAt : later[version - 1]!.editedAt;
    const editChain = later.length > 0 && (item.platform === 'x' || item.platform === 'mastodon');
    const editHistoryIds =
      item.platform === 'x'
        ? [item.id, ...later.slice(0, version).map((v) => v.platformVersionId ?? '')]
        : [];
    const withoutRaw: Omit<NormalisedItem, 'raw'> = {
      platform: item.platform,
      platformItemId: item.id,
      kind: item.kind,
      author: { ...author },
      createdAt: new Date(item.createdAt),
      url: itemUrl(item, author, root, this.actorOf(root)),
      conversationPlatformId: item.conversationId,
      inReplyToPlatformId: parent?.id ?? null,
      quotedPlatformId: referenced && item.kind === 'quote' ? referenced.id : null,
      repostOfPlatformId: referenced && item.kind === 'repost' ? referenced.id : null,
      content: {
        text: content.text,
        title: content.title,
        language: content.language,
        links: content.links,
        hashtags: content.hashtags,
        mentions: content.mentions,
        media: this.media(item, author),
        warning: content.warning,
      },
      edit: editChain
        ? {
            platformVersionId: item.platform === 'x' ? (editHistoryIds.at(-1) ?? null) : null,
            editedAt: version === 0 ? null : new Date(versionAt),
            position: version,
          }
        : null,
    };
    const body = rawPayload({
      item: withoutRaw,
      versionAt: new Date(versionAt),
      editHistoryIds,
      parentAuthorId: parent ? this.actorOf(parent).platformActorId : null,
      rootId: root.id,
    });
    return { ...withoutRaw, raw: { format: DEMO_RAW_FORMAT, body: JSON.stringify(body) } };
  }

  private media(item: PlannedItem, author: NormalisedActor): NormalisedMedia[] {
    const media: NormalisedMedia[] = [];
    for (let slot = 0; slot < item.mediaCount; slot++) {
      const rng = Prng.derive(this.seed, 'media', item.index, slot);
      const originalUrl = mediaUrl(item, author, rng);
      const altText = item.author.type === 'account' || rng.chance(0.3) ? rng.pick(MEDIA_ALT_TEXTS) : null;
      const missing = slot === item.missingMediaSlot;
      media.push({
        originalUrl,
        mimeType: 'image/png',
        altText,
        bytes: missing ? null : generateDemoPng(hash32([this.seed, 'png', item.index, slot])),
        missingReason: missing ? rng.pick(MISSING_MEDIA_REASONS) : null,
      });
    }
    return media;
  }
}
