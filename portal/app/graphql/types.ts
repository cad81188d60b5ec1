import type { AccountKind, ItemKind, ItemStatus, Platform } from './enums';

/** Shapes of the API objects as the portal selects them (see the operations in *.server.ts). */

export interface Organisation {
  id: string;
  slug: string;
  name: string;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
}

export interface AccountSummary {
  id: string;
  platform: Platform;
  handle: string;
  displayName: string;
  kind: AccountKind;
}

export interface ActorSummary {
  id: string;
  handle: string | null;
  displayName: string | null;
  account: { id: string } | null;
}

export interface ItemSummary {
  id: string;
  platform: Platform;
  kind: ItemKind;
  status: ItemStatus;
  url: string | null;
  createdAt: string;
  deletedAt: string | null;
  organisation: Organisation;
  account: AccountSummary | null;
  author: ActorSummary;
  text: string;
  versionCount: number;
}

export interface ItemVersion {
  id: string;
  versionNo: number;
  text: string;
  capturedAt: string;
  platformEditedAt: string | null;
}

export interface ItemDetail extends ItemSummary {
  platformItemId: string;
  firstSeenAt: string;
  lastSeenAt: string;
  versions: ItemVersion[];
  inReplyTo: ItemSummary | null;
  replies: ItemSummary[];
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchFacets {
  platform: FacetValue[];
  status: FacetValue[];
  kind: FacetValue[];
  year: FacetValue[];
}

export interface SearchEdge {
  cursor: string;
  node: ItemSummary;
  highlight: string | null;
  matchedVersionNo: number | null;
}

export interface SearchResult {
  totalCount: number;
  edges: SearchEdge[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  facets: SearchFacets;
}
