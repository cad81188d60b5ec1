import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('IndexStatus')
export class IndexStatusType {
  @Field(() => String, { description: 'The search engine in use, e.g. sqlite-fts5 or meilisearch' })
  engine!: string;

  @Field(() => Int, { description: 'Archive changes not yet applied to the search index' })
  pending!: number;

  @Field(() => Int, { nullable: true, description: 'Age of the oldest pending change, ms; null when none' })
  oldestPendingMs!: number | null;

  @Field(() => Int, { description: 'Documents in the search index' })
  indexedDocuments!: number;
}
