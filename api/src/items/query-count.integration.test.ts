import { describeEachDatabase, type TestDatabase } from '@bewaard/schema/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ownAuthor, post, startTestApi, type TestApi } from '../test/harness.js';

const PAGE = `query($q:String!){
  search(query:$q, first:50){
    totalCount
    edges{ highlight node{
      id text url
      author{ id handle displayName account{ id handle } }
      organisation{ id name }
      account{ id handle organisation{ id } }
      versions{ versionNo text }
      inReplyTo{ id text author{ handle } }
      replies{ id text author{ handle } }
    } }
  }
}`;

describeEachDatabase('SQL per search page', (make) => {
  let db: TestDatabase;
  let api: TestApi;
  beforeAll(async () => {
    db = await make();
    api = await startTestApi(db.config);
    // 25 threads of our post and a citizen's reply: 50 hits, each with a parent or replies.
    // Before batching thread links (one query per inReplyTo and per replies) this page took 82 statements.
    const items = Array.from({ length: 25 }, (_, i) => [
      post(`Q-${i}`, `Rijkswaterstaat meldt stremming ${i}`, { author: ownAuthor('A') }),
      post(`Q-${i}-r`, `Stremming ${i}: wanneer is het weer open?`, {
        kind: 'reply',
        author: { platformActorId: `citizen-q-${i}`, handle: `burger_q${i}`, displayName: `Burger Q${i}` },
        inReplyToPlatformId: `Q-${i}`,
        conversationPlatformId: `Q-${i}`,
      }),
    ]).flat();
    await api.writeItems('A', items);
  });
  afterAll(async () => {
    await api?.close();
    await db?.dispose();
  });

  it('stays within a fixed bound for a 50-item page with authors, accounts, versions and threads', async () => {
    const token = await api.login('woo@org-a.example.org');
    let result: Awaited<ReturnType<TestApi['gql']>> | undefined;
    const { count, queries } = await api.countQueries(async () => {
      result = await api.gql<{ search: { edges: unknown[] } }>(PAGE, { q: 'stremming' }, token);
    });
    expect(result?.errors).toBeUndefined();
    expect((result?.data as { search: { edges: unknown[] } }).search.edges).toHaveLength(50);
    console.log(`[${db.kind}] SQL statements for a 50-item page: ${count}`);
    expect(count, queries.join('\n')).toBeLessThanOrEqual(20);
  });
});
