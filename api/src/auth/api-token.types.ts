import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('ApiToken', {
  description: 'A personal API token (the secret itself is shown only once, on creation)',
})
export class ApiTokenType {
  @Field(() => ID) id!: string;
  @Field(() => String) label!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
}

@ObjectType('CreatedApiToken')
export class CreatedApiTokenType {
  @Field(() => String, {
    description: 'Send as `Authorization: Bearer <token>`. Shown only now: store it safely',
  })
  token!: string;

  @Field(() => ApiTokenType)
  apiToken!: ApiTokenType;
}
