import type { Role } from '@bewaard/schema';
import type { Grant } from '../auth/viewer.js';

/**
 * What each role may do, per organisation. `admin` is global and may do everything; the others
 * count only in the organisation they were granted in. Auditors read the audit trail, not the
 * archive; researchers read the archive with citizens' personal data masked.
 */
const READS_ARCHIVE: ReadonlySet<Role> = new Set<Role>(['archivist', 'woo_coordinator', 'researcher']);
const READS_UNMASKED: ReadonlySet<Role> = new Set<Role>(['archivist', 'woo_coordinator']);
const READS_AUDIT: ReadonlySet<Role> = new Set<Role>(['auditor']);

export function isAdmin(grants: readonly Grant[]): boolean {
  return grants.some((g) => g.role === 'admin');
}

function organisationsWith(grants: readonly Grant[], roles: ReadonlySet<Role>): string[] {
  return [
    ...new Set(grants.flatMap((g) => (g.organisationId && roles.has(g.role) ? [g.organisationId] : []))),
  ];
}

/** Organisations whose archive the grants open (admins: resolved by the caller, as all). */
export const archiveOrganisations = (grants: readonly Grant[]) => organisationsWith(grants, READS_ARCHIVE);
export const auditOrganisations = (grants: readonly Grant[]) => organisationsWith(grants, READS_AUDIT);

/** True when the grants show this organisation's archive without masking citizens' data. */
export function readsUnmasked(grants: readonly Grant[], organisationId: string): boolean {
  return (
    isAdmin(grants) || grants.some((g) => g.organisationId === organisationId && READS_UNMASKED.has(g.role))
  );
}
