import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { OrganisationType } from '../organisations/organisation.types.js';
import type { MaskingService } from '../privacy/masking.service.js';
import { ItemEdge } from '../search/search.types.js';
import type { ItemService } from './item.service.js';
import { AccountType, ActorType, ItemType, ItemVersionType } from './item.types.js';

@Resolver(() => ItemType)
export class ItemResolver {
  constructor(
    private readonly items: ItemService,
    private readonly masking: MaskingService,
  ) {}

  @Query(() => ItemType, {
    nullable: true,
    description: 'null (NOT_FOUND) when missing or not visible to the caller. Audited',
  })
  item(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ItemType> {
    return this.items.view(ctx, id);
  }

  @FieldResolver(() => OrganisationType)
  async organisation(@Root() item: ItemType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    const org = await ctx.loaders.organisation.load(item.organisationId);
    if (!org) throw new Error(`organisation ${item.organisationId} of item ${item.id} missing`);
    return org;
  }

  @FieldResolver(() => AccountType, {
    nullable: true,
    description: 'The owned account that authored the item',
  })
  async account(@Root() item: ItemType, @Ctx() ctx: RequestContext) {
    return item.accountId ? ctx.loaders.account.load(item.accountId) : null;
  }

  @FieldResolver(() => ActorType, {
    description: 'Citizens appear as "Burger 1", "Burger 2", … to callers who see masked data',
  })
  async author(@Root() item: ItemType, @Ctx() ctx: RequestContext): Promise<ActorType> {
    const actor = await ctx.loaders.actor.load(item.authorId);
    if (!actor) throw new Error(`author of item ${item.id} missing`);
    return this.masking.author(ctx, item, actor);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "null for a citizen's item when the caller sees masked data",
  })
  url(@Root() item: ItemType, @Ctx() ctx: RequestContext): Promise<string | null> {
    return this.masking.url(ctx, item);
  }

  @FieldResolver(() => String, { description: "The current (latest) version's text" })
  async text(@Root() item: ItemType, @Ctx() ctx: RequestContext): Promise<string> {
    const versions = await ctx.loaders.versions.load(item.id);
    return this.masking.text(ctx, item, versions[versions.length - 1]?.text ?? '');
  }

  @FieldResolver(() => [ItemVersionType], { description: 'Every stored version, oldest first' })
  async versions(@Root() item: ItemType, @Ctx() ctx: RequestContext): Promise<ItemVersionType[]> {
    return this.masking.versions(ctx, item, await ctx.loaders.versions.load(item.id));
  }

  @FieldResolver(() => ItemType, {
    nullable: true,
    description: 'The parent, when captured in the same archive',
  })
  inReplyTo(@Root() item: ItemType, @Ctx() ctx: RequestContext): Promise<ItemType | null> {
    return this.items.parentOf(ctx.loaders, item);
  }

  @FieldResolver(() => [ItemType], {
    description: 'Direct replies captured in the same archive, oldest first',
  })
  replies(@Root() item: ItemType, @Ctx() ctx: RequestContext): Promise<ItemType[]> {
    return this.items.repliesOf(ctx.loaders, item);
  }
}

@Resolver(() => ItemEdge)
export class ItemEdgeResolver {
  constructor(private readonly masking: MaskingService) {}

  @FieldResolver(() => String, {
    nullable: true,
    description: 'HTML-escaped text with <mark> around matches',
  })
  highlight(@Root() edge: ItemEdge, @Ctx() ctx: RequestContext): Promise<string | null> {
    return this.masking.highlight(ctx, edge.node, edge.highlight, edge.query, edge.matchedVersionNo);
  }
}

@Resolver(() => AccountType)
export class AccountResolver {
  @FieldResolver(() => OrganisationType)
  async organisation(@Root() account: { organisationId: string }, @Ctx() ctx: RequestContext) {
    return ctx.loaders.organisation.load(account.organisationId);
  }
}

@Resolver(() => ActorType)
export class ActorResolver {
  @FieldResolver(() => AccountType, {
    nullable: true,
    description: 'Set when the actor is one of our accounts',
  })
  async account(@Root() actor: ActorType, @Ctx() ctx: RequestContext) {
    return actor.accountId ? ctx.loaders.account.load(actor.accountId) : null;
  }
}
