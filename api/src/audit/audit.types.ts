import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { OrganisationType } from '../organisations/organisation.types.js';
import { PageInfo } from '../search/search.types.js';

@ObjectType('AuditUser', { description: 'Who acted (the account may have been removed since)' })
export class AuditUserType {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
}

@ObjectType('AuditEvent', { description: 'One entry of the append-only, hash-chained audit trail' })
export class AuditEventType {
  @Field(() => Int) seq!: number;
  @Field(() => Date) at!: Date;
  @Field(() => String, {
    description: 'search, item.view, grant.add, grant.remove, api_token.create, api_token.revoke',
  })
  action!: string;
  @Field(() => String, { nullable: true, description: 'The item or user acted on' }) subject!: string | null;
  @Field(() => String, { description: 'JSON: the query and filters, the role granted, …' }) details!: string;
  @Field(() => String, { nullable: true }) ip!: string | null;
  @Field(() => String, { nullable: true }) userAgent!: string | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field(() => [OrganisationType], {
    description: "The organisations concerned, as far as they are the caller's to see",
  })
  organisations!: OrganisationType[];
  @Field(() => String) prevHash!: string;
  @Field(() => String) hash!: string;

  userId!: string | null;
}

@ObjectType('AuditEventConnection')
export class AuditEventConnection {
  @Field(() => [AuditEventType]) nodes!: AuditEventType[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@InputType('AuditEventFilter')
export class AuditEventFilterInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Narrows within the organisations the caller audits; never widens',
  })
  organisationId?: string;
  @Field(() => ID, { nullable: true }) userId?: string;
  @Field(() => String, { nullable: true }) @MaxLength(64) action?: string;
  @Field(() => Date, { nullable: true, description: 'Inclusive' }) from?: Date;
  @Field(() => Date, { nullable: true, description: 'Exclusive' }) to?: Date;
}

@ObjectType('AuditChainReport')
export class AuditChainReportType {
  @Field(() => Boolean) ok!: boolean;
  @Field(() => Int, { description: 'Events verified before the first break (or all)' }) checked!: number;
  @Field(() => Int, { nullable: true, description: 'The first missing, misplaced or altered event' })
  firstBrokenSeq!: number | null;
  @Field(() => String, { nullable: true, description: 'missing, prev-hash-mismatch or hash-mismatch' })
  reason!: string | null;
  @Field(() => Int) lastSeq!: number;
  @Field(() => String, {
    description: 'Hash of the last verified event; record it elsewhere to detect a cut-off tail',
  })
  lastHash!: string;
}
