import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { OrganisationType } from '../organisations/organisation.types.js';
import type { ItemService } from './item.service.js';
import { AccountType, ActorType, ItemType, ItemVersionType } from './item.types.js';

@Resolver(() => ItemType)
export class ItemResolver {
  constructor(private readonly items: ItemService) {}

  @Query(() => ItemType, { nullable: true, description: 'null (NOT_FOUND) when missing or not visible to the caller' })
  item(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ItemType> {
    return this.items.get(ctx.viewer, id);
  }

  @FieldResolver(() => OrganisationType)
  async organisation(@Root() item: ItemType, @Ctx() ctx: RequestContext): Promise<OrganisationType> {
    const org = await ctx.loaders.organisation.load(item.organisationId);
    if (!org) throw new Error(`organisation ${item.organisationId} of item ${item.id} missing`);
    return org;
  }

  @FieldResolver(() => AccountType, { nullable: true, description: 'The owned account that authored the item' })
  async account(@Root() item: ItemType, @Ctx() ctx: RequestContext) {
    return item.accountId ? ctx.loaders.account.load(item.accountId) : null;
  }

  @FieldResolver(() => ActorType)
  async author(@Root() item: ItemType, @Ctx() ctx: RequestContext) {
    const actor = await ctx.loaders.actor.load(item.authorId);
    if (!actor) throw new Error(`author of item ${item.id} missing`);
    return actor;
  }

  @FieldResolver(() => String, { description: "The current (latest) version's text" })
  async text(@Root() item: ItemType, @Ctx() ctx: RequestContext): Promise<string> {
    const versions = await ctx.loaders.versions.load(item.id);
    return versions[versions.length - 1]?.text ?? '';
  }

  @FieldResolver(() => [ItemVersionType], { description: 'Every stored version, oldest first' })
  versions(@Root() item: ItemType, @Ctx() ctx: RequestContext) {
    return ctx.loaders.versions.load(item.id);
  }

  @FieldResolver(() => ItemType, { nullable: true, description: 'The parent, when captured in the same archive' })
  inReplyTo(@Root() item: ItemType): Promise<ItemType | null> {
    return this.items.parentOf(item);
  }

  @FieldResolver(() => [ItemType], { description: 'Direct replies captured in the same archive, oldest first' })
  replies(@Root() item: ItemType): Promise<ItemType[]> {
    return this.items.repliesOf(item);
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
  @FieldResolver(() => AccountType, { nullable: true, description: 'Set when the actor is one of our accounts' })
  async account(@Root() actor: ActorType, @Ctx() ctx: RequestContext) {
    return actor.accountId ? ctx.loaders.account.load(actor.accountId) : null;
  }
}
