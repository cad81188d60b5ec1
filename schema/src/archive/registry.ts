import type { DataSource } from 'typeorm';
import type { AccountDeclaration } from '../domain/normalised-item.js';
import { AccountEntity } from '../entities/account.entity.js';
import { ActorEntity } from '../entities/actor.entity.js';
import { OrganisationEntity } from '../entities/organisation.entity.js';
import { newId } from '../util/ids.js';

/** Organisations and their accounts: created or updated by slug / platform id, never duplicated. */
export class Registry {
  constructor(private readonly ds: DataSource) {}

  async ensureOrganisation(slug: string, name: string): Promise<OrganisationEntity> {
    const repo = this.ds.getRepository(OrganisationEntity);
    const existing = await repo.findOneBy({ slug });
    if (existing) {
      if (existing.name !== name) await repo.update(existing.id, { name });
      return { ...existing, name };
    }
    const row = repo.create({ id: newId(), slug, name, createdAt: new Date() });
    await repo.insert(row);
    return row;
  }

  async organisationBySlug(slug: string): Promise<OrganisationEntity | null> {
    return this.ds.getRepository(OrganisationEntity).findOneBy({ slug });
  }

  /**
   * Declares an account as one of an organisation's. Actors already captured for it are linked,
   * so their items count as the organisation's own from now on (in new index documents).
   */
  async declareAccount(decl: AccountDeclaration): Promise<AccountEntity> {
    const org = await this.organisationBySlug(decl.organisationSlug);
    if (!org) throw new Error(`unknown organisation "${decl.organisationSlug}"`);
    return this.ds.transaction(async (m) => {
      const repo = m.getRepository(AccountEntity);
      const fields = {
        organisationId: org.id,
        handle: decl.handle,
        displayName: decl.displayName,
        kind: decl.kind,
        keyOfficial: decl.keyOfficial,
      };
      let account = await repo.findOneBy({ platform: decl.platform, platformAccountId: decl.platformAccountId });
      if (account) {
        await repo.update(account.id, fields);
        account = { ...account, ...fields };
      } else {
        account = repo.create({ id: newId(), platform: decl.platform, platformAccountId: decl.platformAccountId, createdAt: new Date(), ...fields });
        await repo.insert(account);
      }
      await m.getRepository(ActorEntity).update(
        { platform: decl.platform, platformActorId: decl.platformAccountId },
        { accountId: account.id },
      );
      return account;
    });
  }
}
