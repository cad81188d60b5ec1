import { Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../graphql/enums.js';
import { OrganisationType } from '../organisations/organisation.types.js';

@ObjectType('RoleGrant')
export class RoleGrantType {
  @Field(() => ID, { description: 'For removeGrant' })
  id!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => OrganisationType, { nullable: true, description: 'null for the global admin role' })
  organisation!: OrganisationType | null;
}

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  email!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => [RoleGrantType])
  grants!: RoleGrantType[];
}

@ObjectType('LoginPayload')
export class LoginPayload {
  @Field(() => String, { description: 'Send as `Authorization: Bearer <token>`' })
  token!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => UserType)
  user!: UserType;
}
