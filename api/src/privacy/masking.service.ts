import { highlightText, parseQuery, type ActorEntity, type ItemVersionEntity } from '@bewaard/schema';
import type { AccessService } from '../access/access.service.js';
import type { RequestContext } from '../context.js';
import type { ActorType, ItemType, ItemVersionType } from '../items/item.types.js';
import { CitizenPseudonyms, handleKey, maskText } from './text-masking.js';

type ItemRef = Pick<ItemType, 'organisationId' | 'platform' | 'authorId' | 'accountId'>;

/**
 * Pseudonymisation for researchers (AVG art. 89): for callers who may read an organisation's
 * archive only masked, citizens (authors that are not our accounts) get a per-response
 * pseudonym instead of their name and handle, and identifiers (BSN, IBAN, phone, e-mail) and
 * citizens' @mentions are masked in every text. Whether to mask is decided per item, by the
 * caller's role in that item's organisation. Organisation accounts stay visible.
 */
export class MaskingService {
  constructor(private readonly access: AccessService) {}

  masks(ctx: RequestContext, organisationId: string): boolean {
    return !this.access.seesUnmasked(ctx.viewer, organisationId);
  }

  /** The author as this caller may see it. */
  author(ctx: RequestContext, item: ItemRef, actor: ActorEntity): ActorType {
    if (actor.accountId || !this.masks(ctx, item.organisationId)) return actor;
    const n = ctx.pseudonyms.numberFor(
      actor.handle ? handleKey(actor.platform, actor.handle) : `${actor.platform}:actor:${actor.id}`,
    );
    return {
      id: CitizenPseudonyms.id(n),
      platform: actor.platform,
      handle: CitizenPseudonyms.handle(n),
      displayName: CitizenPseudonyms.displayName(n),
      accountId: null,
    };
  }

  async text(ctx: RequestContext, item: ItemRef, text: string): Promise<string> {
    if (!this.masks(ctx, item.organisationId)) return text;
    const ours = await ctx.loaders.accountHandles();
    return maskText(text, (handle) => {
      const bare = handle.toLowerCase();
      if (ours.has(`${item.platform}:${bare}`)) return null;
      return CitizenPseudonyms.handle(ctx.pseudonyms.numberFor(handleKey(item.platform, bare)));
    });
  }

  async versions(
    ctx: RequestContext,
    item: ItemRef,
    versions: ItemVersionEntity[],
  ): Promise<ItemVersionType[]> {
    if (!this.masks(ctx, item.organisationId)) return versions;
    return Promise.all(
      versions.map(async (v) => {
        const text = await this.text(ctx, item, v.text);
        // The hash of the original would let a caller test guesses of what was masked.
        return { ...v, text, contentHash: text === v.text ? v.contentHash : null };
      }),
    );
  }

  /** A citizen's post URL names them (x.com/<handle>/status/…): hidden when masking. */
  async url(ctx: RequestContext, item: ItemRef & { url: string | null }): Promise<string | null> {
    if (!item.url || !this.masks(ctx, item.organisationId)) return item.url;
    const actor = await ctx.loaders.actor.load(item.authorId);
    return actor?.accountId ? item.url : null;
  }

  /**
   * The engine's highlight is cut from the unmasked text (and a snippet may hold part of an
   * identifier), so for masked callers the highlight is made again from the masked text.
   */
  async highlight(
    ctx: RequestContext,
    item: ItemRef & { id: string },
    highlight: string | null,
    query: string,
    matchedVersionNo: number | null,
  ): Promise<string | null> {
    if (highlight === null || !this.masks(ctx, item.organisationId)) return highlight;
    const versions = await ctx.loaders.versions.load(item.id);
    const version = versions.find((v) => v.versionNo === matchedVersionNo) ?? versions[versions.length - 1];
    return highlightText(await this.text(ctx, item, version?.text ?? ''), parseQuery(query));
  }
}
