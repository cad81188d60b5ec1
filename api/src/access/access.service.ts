import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer.js';
import { forbidden, unauthenticated } from '../errors/app-error.js';
import { OrganisationIdRepository } from './organisation-ids.repository.js';
import { archiveOrganisations, auditOrganisations, readsUnmasked } from './roles.js';

/**
 * Which organisations a caller may read, audit or administer. Every query of the archive goes
 * through here: search filters, item lookups and thread links are all scoped by its answer.
 */
export class AccessService {
  private readonly organisations: OrganisationIdRepository;

  constructor(ds: DataSource) {
    this.organisations = new OrganisationIdRepository(ds);
  }

  private allOrganisationIds(): Promise<string[]> {
    return this.organisations.all();
  }

  async readableOrganisationIds(viewer: Viewer | null): Promise<string[]> {
    if (!viewer) throw unauthenticated();
    return viewer.isAdmin ? this.allOrganisationIds() : archiveOrganisations(viewer.grants);
  }

  async canRead(viewer: Viewer | null, organisationId: string): Promise<boolean> {
    return (await this.readableOrganisationIds(viewer)).includes(organisationId);
  }

  /** Organisations the caller holds any role in (admins: all), e.g. to name them in filters. */
  async visibleOrganisationIds(viewer: Viewer | null): Promise<string[]> {
    if (!viewer) throw unauthenticated();
    return viewer.isAdmin ? this.allOrganisationIds() : viewer.grantedOrganisationIds();
  }

  /** False when citizens' personal data in this organisation's archive must be masked for the caller. */
  seesUnmasked(viewer: Viewer | null, organisationId: string): boolean {
    return viewer !== null && readsUnmasked(viewer.grants, organisationId);
  }

  /** 'all' for admins; otherwise the organisations the caller audits. FORBIDDEN when none. */
  auditableOrganisationIds(viewer: Viewer | null): 'all' | string[] {
    if (!viewer) throw unauthenticated();
    if (viewer.isAdmin) return 'all';
    const ids = auditOrganisations(viewer.grants);
    if (ids.length === 0) throw forbidden('Only auditors and administrators may read the audit trail');
    return ids;
  }

  requireAdmin(viewer: Viewer | null): Viewer {
    if (!viewer) throw unauthenticated();
    if (!viewer.isAdmin) throw forbidden('Only administrators may do this');
    return viewer;
  }
}
