import type { Role } from '@bewaard/schema';

export interface Grant {
  role: Role;
  organisationId: string | null;
}

/** How the caller authenticated: an interactive login session or a personal API token. */
export type CredentialKind = 'session' | 'api_token';

/** The authenticated caller of one request. */
export class Viewer {
  constructor(
    readonly userId: string,
    readonly email: string,
    readonly grants: readonly Grant[],
    readonly tokenHash: string,
    readonly credential: CredentialKind = 'session',
  ) {}

  get isAdmin(): boolean {
    return this.grants.some((g) => g.role === 'admin');
  }

  /** Organisations where the caller holds any role (admins: resolved by the access service). */
  grantedOrganisationIds(): string[] {
    return [...new Set(this.grants.flatMap((g) => (g.organisationId ? [g.organisationId] : [])))];
  }
}
