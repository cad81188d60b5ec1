import { describeEachDatabase, type TestDatabase } from '@bewaard/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ownAuthor, post, startTestApi, type TestApi } from '../test/harness.js';

const CITIZEN = { platformActorId: 'citizen-jan', handle: 'jan_jansen', displayName: 'Jan Jansen' };
const SENSITIVE =
  'Mijn BSN is 111222333, bel 06-12345678 of mail jan@example.nl, IBAN NL91ABNA0417164300. Vraag van @jan_jansen over waterberging';

const SEARCH = `query($q:String!){ search(query:$q, first:20){ edges{ highlight node{ id platformItemId url text createdAt
  organisation{ slug } author{ id handle displayName account{ handle } } versions{ text contentHash } } } } }`;

type Edge = {
  highlight: string | null;
  node: {
    id: string;
    platformItemId: string;
    url: string | null;
    text: string;
    organisation: { slug: string };
    author: {
      id: string;
      handle: string | null;
      displayName: string | null;
      account: { handle: string } | null;
    };
    versions: Array<{ text: string; contentHash: string | null }>;
  };
};

describeEachDatabase('masking of citizens for researchers', (make) => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await make();
    api = await startTestApi(db.config);
    for (const org of ['A', 'B'] as const) {
      const own = ownAuthor(org);
      await api.writeItems(org, [
        post(`${org}-w1`, `Waterberging in ${org}: de plannen`, {
          author: own,
          url: `https://x.com/${own.handle}/status/${org}1`,
        }),
        post(`${org}-w2`, SENSITIVE, {
          kind: 'reply',
          author: CITIZEN,
          url: `https://x.com/jan_jansen/status/${org}2`,
          inReplyToPlatformId: `${org}-w1`,
          conversationPlatformId: `${org}-w1`,
        }),
        post(`${org}-w3`, `@jan_jansen @piet_p Dank voor uw vraag over waterberging, groet @${own.handle}`, {
          kind: 'reply',
          author: own,
          inReplyToPlatformId: `${org}-w2`,
          conversationPlatformId: `${org}-w1`,
        }),
        post(`${org}-w4`, 'Ik sluit mij aan bij de vraag over waterberging', {
          kind: 'reply',
          author: { platformActorId: 'citizen-piet', handle: 'piet_p', displayName: 'Piet P.' },
          inReplyToPlatformId: `${org}-w1`,
          conversationPlatformId: `${org}-w1`,
        }),
      ]);
    }
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  async function searchAs(email: string): Promise<Edge[]> {
    const r = await api.gql<{ search: { edges: Edge[] } }>(
      SEARCH,
      { q: 'waterberging' },
      await api.login(email),
    );
    expect(r.errors).toBeUndefined();
    return r.data!.search.edges;
  }

  it('shows a researcher pseudonyms for citizens, consistent within the response, and keeps our accounts', async () => {
    const edges = await searchAs('onderzoek@example.org');
    expect(edges).toHaveLength(8);
    // Renumbering pseudonyms rebuilds the response; dates must come through as ISO strings.
    for (const e of edges) expect((e.node as unknown as { createdAt: unknown }).createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const body = JSON.stringify(edges);
    for (const secret of [
      'Jan Jansen',
      'jan_jansen',
      'Piet P.',
      'piet_p',
      '111222333',
      '12345678',
      'jan@example.nl',
      'NL91ABNA0417164300',
    ]) {
      expect(body, secret).not.toContain(secret);
    }
    const byId = new Map(edges.map((e) => [e.node.platformItemId, e.node]));
    const jan = byId.get('A-w2')!.author;
    expect(jan.displayName).toMatch(/^Burger \d+$/);
    expect(byId.get('B-w2')!.author.displayName).toBe(jan.displayName);
    expect(byId.get('A-w4')!.author.displayName).not.toBe(jan.displayName);
    expect(byId.get('A-w2')!.url).toBeNull();
    expect(byId.get('A-w1')!.url).toBe('https://x.com/ministerie_a/status/A1');
    expect(byId.get('A-w1')!.author).toMatchObject({
      handle: 'ministerie_a',
      displayName: 'Ministerie A',
      account: { handle: 'ministerie_a' },
    });

    const text = byId.get('A-w2')!.text;
    expect(text).toBe(
      `Mijn BSN is [BSN], bel [telefoonnummer] of mail [e-mailadres], IBAN [IBAN]. Vraag van @${jan.handle} over waterberging`,
    );
    expect(byId.get('A-w2')!.versions).toEqual([{ text, contentHash: null }]);
    // The mention in our own reply names the same pseudonym as the author; our own handle stays.
    expect(byId.get('A-w3')!.text).toBe(
      `@${jan.handle} @${byId.get('A-w4')!.author.handle} Dank voor uw vraag over waterberging, groet @ministerie_a`,
    );
    expect(byId.get('A-w2')!.author.id).toMatch(/^pseudonym-/);
  });

  it('numbers citizens in order of first appearance in each response', async () => {
    const first = await searchAs('onderzoek@example.org');
    const numbers = [...JSON.stringify(first).matchAll(/[Bb]urger[ _](\d+)/g)].map((m) => Number(m[1]));
    expect([...new Set(numbers)]).toEqual([1, 2]);
    const again = await searchAs('onderzoek@example.org');
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
  });

  it('masks inside highlights and keeps the <mark> tags valid', async () => {
    const r = await api.gql<{ search: { edges: Edge[] } }>(
      SEARCH,
      { q: 'BSN 111222333' },
      await api.login('onderzoek@example.org'),
    );
    const highlights = r.data!.search.edges.map((e) => e.highlight ?? '');
    expect(highlights.length).toBeGreaterThan(0);
    for (const h of highlights) {
      expect(h).not.toContain('111222333');
      expect(h.match(/<mark>/g)?.length ?? 0).toBe(h.match(/<\/mark>/g)?.length ?? 0);
      expect(h.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    }
    expect(highlights.some((h) => h.includes('<mark>BSN</mark>'))).toBe(true);
  });

  it('shows a Woo coordinator of the organisation everything unmasked', async () => {
    const edges = await searchAs('woo@org-a.example.org');
    const jan = edges.find((e) => e.node.platformItemId === 'A-w2')!.node;
    expect(jan.author).toMatchObject({ handle: 'jan_jansen', displayName: 'Jan Jansen' });
    expect(jan.text).toBe(SENSITIVE);
    expect(jan.url).toBe('https://x.com/jan_jansen/status/A2');
    expect(jan.versions[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("masks per item by the caller's role in the item's organisation", async () => {
    const edges = await searchAs('gemengd@example.org');
    const a = edges.find((e) => e.node.platformItemId === 'A-w2')!.node;
    const b = edges.find((e) => e.node.platformItemId === 'B-w2')!.node;
    expect(a.author.displayName).toMatch(/^Burger \d+$/);
    expect(a.text).toContain('[BSN]');
    expect(b.author.displayName).toBe('Jan Jansen');
    expect(b.text).toBe(SENSITIVE);
  });

  it('masks the item page and its thread for a researcher', async () => {
    const token = await api.login('onderzoek@example.org');
    const r = await api.gql<{
      item: {
        author: { displayName: string };
        replies: Array<{ author: { displayName: string }; text: string }>;
        inReplyTo: { text: string };
      };
    }>(
      `query($id:ID!){ item(id:$id){ author{ displayName } inReplyTo{ text } replies{ author{ displayName } text } } }`,
      { id: api.itemIds['A-w2'] },
      token,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.item.author.displayName).toBe('Burger 1');
    expect(r.data!.item.replies[0]!.text).toBe(
      '@burger_1 @burger_2 Dank voor uw vraag over waterberging, groet @ministerie_a',
    );
    expect(JSON.stringify(r.data)).not.toContain('jan');
  });
});
