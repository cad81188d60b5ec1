import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { AuthorKind, ItemKind, ItemStatus, Platform } from '../graphql/enums.js';
import { ItemType } from '../items/item.types.js';

@InputType('SearchFilter')
export class SearchFilterInput {
  @Field(() => [ID], { nullable: true, description: 'Narrows within what the caller may see; never widens' })
  @ArrayMaxSize(100)
  organisationIds?: string[];

  @Field(() => [Platform], { nullable: true }) platforms?: Platform[];

  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(500)
  accountIds?: string[];

  @Field(() => [ItemKind], { nullable: true }) kinds?: ItemKind[];
  @Field(() => [ItemStatus], { nullable: true }) statuses?: ItemStatus[];
  @Field(() => AuthorKind, { nullable: true }) authorKind?: AuthorKind;
  @Field(() => Date, { nullable: true, description: 'Inclusive' }) from?: Date;
  @Field(() => Date, { nullable: true, description: 'Exclusive' }) to?: Date;
  @Field(() => Boolean, { nullable: true }) hasMedia?: boolean;
}

@ObjectType('ItemEdge')
export class ItemEdge {
  @Field(() => String) cursor!: string;
  @Field(() => ItemType) node!: ItemType;
  /** Shown through ItemEdgeResolver.highlight, which masks it where needed. */
  highlight!: string | null;
  @Field(() => Int, { nullable: true, description: 'The version whose text matched' }) matchedVersionNo!: number | null;
  /** The search text, to highlight again after masking. */
  query!: string;
}

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType('FacetValue')
export class FacetValue {
  @Field(() => String) value!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('SearchFacets')
export class SearchFacets {
  @Field(() => [FacetValue]) organisation!: FacetValue[];
  @Field(() => [FacetValue]) platform!: FacetValue[];
  @Field(() => [FacetValue]) status!: FacetValue[];
  @Field(() => [FacetValue]) kind!: FacetValue[];
  @Field(() => [FacetValue]) year!: FacetValue[];
}

@ObjectType('ItemConnection')
export class ItemConnection {
  @Field(() => Int) totalCount!: number;
  @Field(() => [ItemEdge]) edges!: ItemEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => SearchFacets) facets!: SearchFacets;
}
