import { AccountEntity } from './account.entity.js';
import { ActorEntity } from './actor.entity.js';
import { AuditEventOrganisationEntity } from './audit-event-organisation.entity.js';
import { AuditEventEntity } from './audit-event.entity.js';
import { AuthSessionEntity } from './auth-session.entity.js';
import { CaptureRunEntity } from './capture-run.entity.js';
import { HarvestStateEntity } from './harvest-state.entity.js';
import { ItemVersionEntity } from './item-version.entity.js';
import { ItemEntity } from './item.entity.js';
import { MediaReferenceEntity } from './media-reference.entity.js';
import { MediaEntity } from './media.entity.js';
import { OrganisationEntity } from './organisation.entity.js';
import { OutboxEntity } from './outbox.entity.js';
import { QuarantineEntity } from './quarantine.entity.js';
import { RoleGrantEntity } from './role-grant.entity.js';
import { TombstoneEntity } from './tombstone.entity.js';
import { UserEntity } from './user.entity.js';

export {
  AccountEntity,
  ActorEntity,
  AuditEventEntity,
  AuditEventOrganisationEntity,
  AuthSessionEntity,
  CaptureRunEntity,
  HarvestStateEntity,
  ItemEntity,
  ItemVersionEntity,
  MediaEntity,
  MediaReferenceEntity,
  OrganisationEntity,
  OutboxEntity,
  QuarantineEntity,
  RoleGrantEntity,
  TombstoneEntity,
  UserEntity,
};
export type { CaptureCounts } from './capture-run.entity.js';
export type { RawPayload, StoredContent } from './item-version.entity.js';

export const ENTITIES = [
  OrganisationEntity,
  AccountEntity,
  ActorEntity,
  CaptureRunEntity,
  HarvestStateEntity,
  ItemEntity,
  ItemVersionEntity,
  MediaEntity,
  MediaReferenceEntity,
  TombstoneEntity,
  QuarantineEntity,
  OutboxEntity,
  UserEntity,
  RoleGrantEntity,
  AuthSessionEntity,
  AuditEventEntity,
  AuditEventOrganisationEntity,
  HarvestStateEntity,
];
