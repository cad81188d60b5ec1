import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AccountKind, ItemKind, ItemStatus, Platform } from '../graphql/enums.js';
import { OrganisationType } from '../organisations/organisation.types.js';

@ObjectType('Account')
export class AccountType {
  @Field(() => ID) id!: string;
  @Field(() => Platform) platform!: Platform;
  @Field(() => String) platformAccountId!: string;
  @Field(() => String) handle!: string;
  @Field(() => String) displayName!: string;
  @Field(() => AccountKind) kind!: AccountKind;
  @Field(() => Boolean) keyOfficial!: boolean;
  @Field(() => OrganisationType) organisation!: OrganisationType;
}

@ObjectType('Actor')
export class ActorType {
  @Field(() => ID) id!: string;
  @Field(() => Platform) platform!: Platform;
  @Field(() => String, { nullable: true }) handle!: string | null;
  @Field(() => String, { nullable: true }) displayName!: string | null;
  accountId!: string | null;
}

@ObjectType('ItemVersion')
export class ItemVersionType {
  @Field(() => ID) id!: string;
  @Field(() => Int) versionNo!: number;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true, description: 'SHA-256 of the normalised content; null when the text is shown masked' })
  contentHash!: string | null;
  @Field(() => Date) capturedAt!: Date;
  @Field(() => Date, { nullable: true }) platformEditedAt!: Date | null;
}

/** An archived item as the API shows it; links are resolved by field resolvers, scoped to the item's organisation. */
@ObjectType('Item')
export class ItemType {
  @Field(() => ID) id!: string;
  @Field(() => Platform) platform!: Platform;
  @Field(() => String) platformItemId!: string;
  @Field(() => ItemKind) kind!: ItemKind;
  @Field(() => ItemStatus) status!: ItemStatus;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) firstSeenAt!: Date;
  @Field(() => Date) lastSeenAt!: Date;
  @Field(() => Date, { nullable: true }) deletedAt!: Date | null;
  @Field(() => Int) versionCount!: number;

  organisationId!: string;
  accountId!: string | null;
  authorId!: string;
  inReplyToPlatformId!: string | null;
  /** Resolved by ItemResolver.url (masked for citizens' items where the caller sees masked data). */
  url!: string | null;
}
