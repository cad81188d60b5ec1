import type { SearchDocument, SearchRequest } from '../search-index.js';

/** Dutch test data: two organisations with overlapping words, plus one whose id looks like an injection. */
export const ORG_A = 'org-a';
export const ORG_B = 'org-b';
/** An organisation id made to break out of a naively quoted filter. */
export const ORG_EVIL = `org-b" OR organisationId = "org-a`;

const at = (iso: string): number => Date.parse(iso);

export function doc(
  partial: Partial<SearchDocument> & Pick<SearchDocument, 'id'>,
  ...texts: string[]
): SearchDocument {
  return {
    organisationId: ORG_A,
    platform: 'x',
    kind: 'post',
    status: texts.length > 1 ? 'edited' : 'live',
    accountId: 'acc-a1',
    authorId: partial.accountId === null ? 'citizen' : 'acc-a1',
    authorHandle: null,
    authorName: null,
    createdAt: at('2023-01-15T12:00:00Z'),
    conversationId: null,
    language: 'nl',
    hasMedia: false,
    versions: texts.map((text, i) => ({ versionNo: i + 1, text })),
    ...partial,
  };
}

/** Twelve identical press releases for pagination; two pairs share a timestamp to test id tie-breaks. */
const pressReleases: SearchDocument[] = Array.from({ length: 12 }, (_, i) =>
  doc(
    {
      id: `a-pers-${String(i).padStart(2, '0')}`,
      platform: 'linkedin',
      createdAt: at('2021-03-01T09:00:00Z') + Math.floor(i / 2) * 86_400_000,
      accountId: 'acc-a2',
    },
    'Persbericht over verkeersveiligheid rond scholen.',
  ),
);

export const FIXTURES: SearchDocument[] = [
  doc(
    {
      id: 'a-1',
      createdAt: at('2023-03-01T08:00:00Z'),
      hasMedia: true,
      conversationId: 'conv-1',
      authorHandle: 'Belastingdienst',
      authorName: 'De Belastingdienst',
    },
    'De Belastingdienst verstuurt deze week de voorlopige aanslagen. Kijk op mijn.belastingdienst.nl #belastingen',
  ),
  doc(
    { id: 'a-2', platform: 'facebook', accountId: 'acc-a2', createdAt: at('2023-06-15T10:00:00Z') },
    'Vandaag opent het nieuwe gemeentehuis in Zwolle',
    'Vandaag opent het vernieuwde stadskantoor in Zwolle',
  ),
  doc(
    {
      id: 'a-3',
      kind: 'reply',
      accountId: null,
      authorHandle: 'burger_jan',
      authorName: 'Jan Jansen',
      createdAt: at('2024-01-10T19:30:00Z'),
      conversationId: 'conv-1',
    },
    'Waarom duurt mijn teruggave zo lang? @Belastingdienst',
  ),
  doc(
    {
      id: 'a-4',
      platform: 'instagram',
      status: 'deleted',
      createdAt: at('2024-05-20T07:00:00Z'),
      hasMedia: true,
    },
    'Financiële steun voor ondernemers in de regio.',
  ),
  doc(
    {
      id: 'a-5',
      platform: 'linkedin',
      accountId: 'acc-a2',
      createdAt: at('2022-09-01T09:00:00Z'),
      language: 'en',
    },
    'Vacature: beleidsmedewerker klimaat',
    'Vacature: senior beleidsmedewerker klimaat en energie',
    'Vacature vervuld. Bedankt voor alle reacties!',
  ),
  // 23:30 UTC on New Year's Eve is already 2023 in Amsterdam.
  doc(
    { id: 'a-6', kind: 'quote', accountId: 'acc-a2', createdAt: at('2022-12-31T23:30:00Z') },
    'De minister van Financiën reageert op de Voorjaarsnota.',
  ),
  doc(
    {
      id: 'a-7',
      platform: 'mastodon',
      kind: 'comment',
      accountId: null,
      createdAt: at('2024-08-01T12:00:00Z'),
      language: null,
    },
    'Goed nieuws: Woo-verzoeken worden sneller afgehandeld.',
  ),
  doc(
    { id: 'a-8', createdAt: at('2024-02-02T12:00:00Z') },
    'Let op: "aanhalingstekens" en \\backslash\\ en NEAR( en * en organisationId:org-b tekens <script>alert("x")</script>',
  ),
  ...pressReleases,
  doc(
    {
      id: 'b-1',
      organisationId: ORG_B,
      accountId: 'acc-b1',
      createdAt: at('2023-04-04T08:00:00Z'),
      hasMedia: true,
    },
    'De Belastingdienst in Heerlen zoekt collega’s. Financiële zekerheid en voorlopige aanslagen.',
  ),
  doc(
    {
      id: 'b-2',
      organisationId: ORG_B,
      platform: 'facebook',
      accountId: 'acc-b1',
      status: 'edited',
      createdAt: at('2024-05-05T08:00:00Z'),
    },
    'Het gemeentehuis van Heerlen is gesloten',
    'Het gemeentehuis van Heerlen is dicht wegens klimaat',
  ),
  doc(
    { id: 'evil-1', organisationId: ORG_EVIL, accountId: 'acc-evil', createdAt: at('2023-05-05T08:00:00Z') },
    'Geheime belastingdienst notitie',
  ),
];

export const ORG_A_IDS = FIXTURES.filter((d) => d.organisationId === ORG_A).map((d) => d.id);

/** A request scoped to organisation A with sensible defaults. */
export function req(partial: Partial<SearchRequest> = {}): SearchRequest {
  return { text: '', organisationIds: [ORG_A], limit: 100, offset: 0, ...partial };
}

export function ids(result: { hits: { id: string }[] }): string[] {
  return result.hits.map((h) => h.id).sort();
}
