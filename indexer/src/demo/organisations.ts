/**
 * The fictional organisations and their accounts. Ids and handles are fixed (not seeded) so demo
 * users, screenshots and documentation can refer to them whatever seed generated the items.
 */
import type { AccountDeclaration, AccountKind, Platform } from '@bewaard/schema';

export interface DemoOrganisation {
  slug: string;
  name: string;
}

export interface DemoOrganisationProfile extends DemoOrganisation {
  /** Reserved example domain (RFC 2606) used for links in posts. */
  linkDomain: string;
}

export interface DemoAccountProfile {
  declaration: AccountDeclaration;
  activeFrom: number;
  /** Ministers leave office; their accounts stop posting. */
  activeUntil: number;
  /** Relative posting rate. */
  weight: number;
  /** Topic keys this account posts about; empty means all of its organisation's topics. */
  topics: readonly string[];
}

export const DEMO_PERIOD_START = Date.UTC(2019, 0, 1);
/** Last moment a root post is planned; threads and later captures run on from here. */
export const DEMO_PERIOD_END = Date.UTC(2026, 8, 30);
/** No capture or deletion is dated after this. */
export const DEMO_CAPTURE_LIMIT = Date.UTC(2026, 10, 15);

export const DEMO_ORGANISATIONS: readonly DemoOrganisationProfile[] = [
  {
    slug: 'org-a',
    name: 'Ministerie van Dijken en Polders (fictief)',
    linkDomain: 'dijkenpolders.example.org',
  },
  {
    slug: 'org-b',
    name: 'Ministerie van Wonen en Wijken (fictief)',
    linkDomain: 'wonenenwijken.example.org',
  },
  {
    slug: 'org-c',
    name: 'Ministerie van Boerenland en Natuur (fictief)',
    linkDomain: 'boerenlandnatuur.example.org',
  },
  {
    slug: 'org-d',
    name: 'Agentschap Regelingen Laagland (fictief)',
    linkDomain: 'regelingenlaagland.example.org',
  },
];

const ALWAYS = Date.UTC(2100, 0, 1);

interface AccountRow {
  org: string;
  platform: Platform;
  id: string;
  handle: string;
  name: string;
  kind: AccountKind;
  key?: boolean;
  from?: number;
  until?: number;
  weight: number;
  topics?: readonly string[];
}

// Platforms arrived at different times: TikTok for government from 2021, social.overheid.nl from
// November 2022, Bluesky from late 2024.
const TIKTOK_FROM = Date.UTC(2021, 5, 1);
const MASTODON_FROM = Date.UTC(2022, 10, 7);
const BLUESKY_FROM = Date.UTC(2024, 10, 15);

// One account per line reads as the register it is.
// prettier-ignore
const ROWS: readonly AccountRow[] = [
  // Ministerie van Dijken en Polders
  { org: 'org-a', platform: 'x', id: '1184473210', handle: 'DijkenPolders', name: 'Ministerie van Dijken en Polders (fictief)', kind: 'organisation', weight: 10 },
  { org: 'org-a', platform: 'facebook', id: '104738291650223', handle: 'DijkenPolders', name: 'Ministerie van Dijken en Polders (fictief)', kind: 'organisation', weight: 6 },
  { org: 'org-a', platform: 'instagram', id: '17841401234567801', handle: 'dijkenpolders', name: 'Dijken en Polders (fictief)', kind: 'organisation', weight: 3 },
  { org: 'org-a', platform: 'linkedin', id: 'urn:li:organization:10487723', handle: 'ministerie-van-dijken-en-polders-fictief', name: 'Ministerie van Dijken en Polders (fictief)', kind: 'organisation', weight: 3 },
  { org: 'org-a', platform: 'youtube', id: 'UCd1jkP0lQv7ZsRm3XyTq9Ow', handle: 'DijkenPolders', name: 'Ministerie van Dijken en Polders (fictief)', kind: 'organisation', weight: 1.2 },
  { org: 'org-a', platform: 'tiktok', id: '6901234567890123457', handle: 'dijkenpolders', name: 'Dijken en Polders (fictief)', kind: 'organisation', from: TIKTOK_FROM, weight: 2 },
  { org: 'org-a', platform: 'mastodon', id: '109347118230556401', handle: 'DijkenPolders@social.overheid.nl', name: 'Ministerie van Dijken en Polders (fictief)', kind: 'organisation', from: MASTODON_FROM, weight: 3 },
  { org: 'org-a', platform: 'bluesky', id: 'did:plc:q3vk7m2xw5jf4hrtn6ebzcly', handle: 'dijkenpolders.bsky.social', name: 'Ministerie van Dijken en Polders (fictief)', kind: 'organisation', from: BLUESKY_FROM, weight: 4 },
  { org: 'org-a', platform: 'x', id: '1278890134', handle: 'Dijkwacht', name: 'Dijkwacht – campagne (fictief)', kind: 'campaign', from: Date.UTC(2020, 8, 1), weight: 2, topics: ['hoogwater', 'dijkversterking'] },
  { org: 'org-a', platform: 'instagram', id: '17841402345678912', handle: 'dijkwacht', name: 'Dijkwacht – campagne (fictief)', kind: 'campaign', from: Date.UTC(2020, 8, 1), weight: 1.5, topics: ['hoogwater', 'dijkversterking'] },
  { org: 'org-a', platform: 'x', id: '1090876543', handle: 'MinZandbergen', name: 'Minister A. Zandbergen (fictief)', kind: 'official', key: true, until: Date.UTC(2022, 0, 10), weight: 3 },
  { org: 'org-a', platform: 'x', id: '1480012345678901248', handle: 'MinKleiweg', name: 'Minister R. Kleiweg (fictief)', kind: 'official', key: true, from: Date.UTC(2022, 0, 10), weight: 3 },
  { org: 'org-a', platform: 'bluesky', id: 'did:plc:7fxm2kq4ebn3w6tzj5vdyl2a', handle: 'minkleiweg.bsky.social', name: 'Minister R. Kleiweg (fictief)', kind: 'official', key: true, from: BLUESKY_FROM, weight: 1.5 },
  { org: 'org-a', platform: 'linkedin', id: 'urn:li:person:Kq3vT9xWbA', handle: 'ruud-kleiweg-fictief', name: 'Ruud Kleiweg (fictief)', kind: 'personal', key: true, from: Date.UTC(2022, 0, 10), weight: 1 },

  // Ministerie van Wonen en Wijken
  { org: 'org-b', platform: 'x', id: '1203345981', handle: 'WonenWijken', name: 'Ministerie van Wonen en Wijken (fictief)', kind: 'organisation', weight: 9 },
  { org: 'org-b', platform: 'facebook', id: '108812734095561', handle: 'WonenWijken', name: 'Ministerie van Wonen en Wijken (fictief)', kind: 'organisation', weight: 6 },
  { org: 'org-b', platform: 'instagram', id: '17841403456789023', handle: 'wonenenwijken', name: 'Wonen en Wijken (fictief)', kind: 'organisation', weight: 3 },
  { org: 'org-b', platform: 'linkedin', id: 'urn:li:organization:10522981', handle: 'ministerie-van-wonen-en-wijken-fictief', name: 'Ministerie van Wonen en Wijken (fictief)', kind: 'organisation', weight: 3 },
  { org: 'org-b', platform: 'youtube', id: 'UCq7Hn2LwP4bX9sKe1RtMz5A', handle: 'WonenWijken', name: 'Ministerie van Wonen en Wijken (fictief)', kind: 'organisation', weight: 1 },
  { org: 'org-b', platform: 'tiktok', id: '6912345678901234568', handle: 'wonenenwijken', name: 'Wonen en Wijken (fictief)', kind: 'organisation', from: TIKTOK_FROM, weight: 2 },
  { org: 'org-b', platform: 'mastodon', id: '109347118230556977', handle: 'WonenWijken@social.overheid.nl', name: 'Ministerie van Wonen en Wijken (fictief)', kind: 'organisation', from: MASTODON_FROM, weight: 2.5 },
  { org: 'org-b', platform: 'bluesky', id: 'did:plc:m4tqz6w2hk7vxe3nbr5jyc2d', handle: 'wonenenwijken.bsky.social', name: 'Ministerie van Wonen en Wijken (fictief)', kind: 'organisation', from: BLUESKY_FROM, weight: 3 },
  { org: 'org-b', platform: 'x', id: '1119002345', handle: 'MinDeHaanVermeer', name: 'Minister L. de Haan-Vermeer (fictief)', kind: 'official', key: true, weight: 3 },
  { org: 'org-b', platform: 'instagram', id: '17841404567890134', handle: 'lotte.dehaanvermeer', name: 'Lotte de Haan-Vermeer (fictief)', kind: 'personal', key: true, weight: 1.2 },
  { org: 'org-b', platform: 'tiktok', id: '7012345678901234569', handle: 'thuisinjewijk', name: 'Thuis in je wijk – campagne (fictief)', kind: 'campaign', from: Date.UTC(2022, 2, 1), weight: 1.5, topics: ['wijkaanpak', 'woningbouw'] },

  // Ministerie van Boerenland en Natuur
  { org: 'org-c', platform: 'x', id: '1210987654', handle: 'BoerenlandNatuur', name: 'Ministerie van Boerenland en Natuur (fictief)', kind: 'organisation', weight: 8 },
  { org: 'org-c', platform: 'facebook', id: '110293847561029', handle: 'BoerenlandNatuur', name: 'Ministerie van Boerenland en Natuur (fictief)', kind: 'organisation', weight: 5 },
  { org: 'org-c', platform: 'instagram', id: '17841405678901245', handle: 'boerenlandnatuur', name: 'Boerenland en Natuur (fictief)', kind: 'organisation', weight: 2.5 },
  { org: 'org-c', platform: 'linkedin', id: 'urn:li:organization:10611832', handle: 'ministerie-van-boerenland-en-natuur-fictief', name: 'Ministerie van Boerenland en Natuur (fictief)', kind: 'organisation', weight: 2.5 },
  { org: 'org-c', platform: 'youtube', id: 'UCx2Nd8RtY5mQw3Lp7VbKe0g', handle: 'BoerenlandNatuur', name: 'Ministerie van Boerenland en Natuur (fictief)', kind: 'organisation', weight: 1 },
  { org: 'org-c', platform: 'mastodon', id: '109350224871930112', handle: 'BoerenlandNatuur@social.overheid.nl', name: 'Ministerie van Boerenland en Natuur (fictief)', kind: 'organisation', from: MASTODON_FROM, weight: 2 },
  { org: 'org-c', platform: 'bluesky', id: 'did:plc:b2wn5rk7tq3zxm6vhe4jdf2s', handle: 'boerenlandnatuur.bsky.social', name: 'Ministerie van Boerenland en Natuur (fictief)', kind: 'organisation', from: BLUESKY_FROM, weight: 2.5 },
  { org: 'org-c', platform: 'x', id: '1301456789', handle: 'MinVanOmmeren', name: 'Minister P. van Ommeren (fictief)', kind: 'official', key: true, weight: 2.5 },
  { org: 'org-c', platform: 'x', id: '1335790246', handle: 'WoordvoerderBN', name: 'Woordvoerder Boerenland en Natuur (fictief)', kind: 'official', weight: 1.5 },

  // Agentschap Regelingen Laagland
  { org: 'org-d', platform: 'x', id: '1245678901', handle: 'RegelingenLL', name: 'Agentschap Regelingen Laagland (fictief)', kind: 'organisation', weight: 5 },
  { org: 'org-d', platform: 'facebook', id: '112345098712345', handle: 'RegelingenLaagland', name: 'Agentschap Regelingen Laagland (fictief)', kind: 'organisation', weight: 4 },
  { org: 'org-d', platform: 'linkedin', id: 'urn:li:organization:10733409', handle: 'agentschap-regelingen-laagland-fictief', name: 'Agentschap Regelingen Laagland (fictief)', kind: 'organisation', weight: 1.5 },
  { org: 'org-d', platform: 'youtube', id: 'UCa9Vf3JkT6pLw2Xs8QnRb1c', handle: 'RegelingenLaagland', name: 'Agentschap Regelingen Laagland (fictief)', kind: 'organisation', weight: 0.7 },
];

export const DEMO_ACCOUNTS: readonly DemoAccountProfile[] = ROWS.map((row) => ({
  declaration: {
    organisationSlug: row.org,
    platform: row.platform,
    platformAccountId: row.id,
    handle: row.handle,
    displayName: row.name,
    kind: row.kind,
    keyOfficial: row.key ?? false,
  },
  activeFrom: row.from ?? DEMO_PERIOD_START,
  activeUntil: Math.min(row.until ?? ALWAYS, DEMO_PERIOD_END),
  weight: row.weight,
  topics: row.topics ?? [],
}));
