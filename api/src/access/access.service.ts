import { OrganisationEntity } from '@bewaard/schema';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';
import { unauthenticated } from '../errors/app-error.js';

/**
 * Which organisations' archives a caller may read. Every query of the archive goes through here:
 * search filters, item lookups and thread links are all scoped by its answer.
 */
export class AccessService {
  constructor(private readonly ds: DataSource) {}

  async readableOrganisationIds(viewer: Viewer | null): Promise<string[]> {
    if (!viewer) throw unauthenticated();
    if (viewer.isAdmin) {
      const all = await this.ds.getRepository(OrganisationEntity).find({ select: { id: true } });
      return all.map((o) => o.id);
    }
    return viewer.grantedOrganisationIds();
  }

  async canRead(viewer: Viewer | null, organisationId: string): Promise<boolean> {
    return (await this.readableOrganisationIds(viewer)).includes(organisationId);
  }
}
