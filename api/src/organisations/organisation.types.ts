import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Organisation')
export class OrganisationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => String)
  name!: string;
}
