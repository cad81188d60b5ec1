import { afterAll, describe, expect, it } from 'vitest';
import { describeSearchContract } from '../contract/search-contract.js';
import { doc } from '../contract/fixtures.js';
import { toHex } from './meili-document.js';
import { MeilisearchSearchIndex } from './meilisearch-index.js';

const MEILI_URL = process.env.MEILI_URL;

if (MEILI_URL) {
  const created: MeilisearchSearchIndex[] = [];
  let n = 0;
  describeSearchContract('MeilisearchSearchIndex', () => {
    const index = new MeilisearchSearchIndex({
      url: MEILI_URL,
      apiKey: process.env.MEILI_API_KEY,
      indexPrefix: `bewaard_contract_${process.pid}_${n++}`,
    });
    created.push(index);
    return Promise.resolve(index);
  });
  afterAll(async () => {
    await Promise.all(created.map((i) => i.drop()));
  });
} else {
  describe.skip('SearchIndex contract: MeilisearchSearchIndex (skipped: MEILI_URL not set)', () => {
    it('needs a running Meilisearch: set MEILI_URL (and MEILI_API_KEY) to run the contract suite', () => {});
  });
}

/** A scripted Meilisearch HTTP API: records each request and answers from `routes`. */
function scriptedHttp(search: unknown, failTask?: number) {
  const requests: { method: string; path: string; body: unknown }[] = [];
  let nextTask = 1;
  const httpClient = (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<unknown> => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    const method = init?.method ?? 'GET';
    const body: unknown =
      typeof init?.body === 'string' && init.body !== '' ? JSON.parse(init.body) : undefined;
    requests.push({ method, path: url.pathname, body });
    const task = /^\/tasks\/(\d+)$/.exec(url.pathname);
    if (task) {
      const uid = Number(task[1]);
      const failed = uid === failTask;
      return Promise.resolve({
        uid,
        batchUid: uid,
        indexUid: 'p_items',
        type: 'documentAdditionOrUpdate',
        canceledBy: null,
        duration: 'PT0S',
        status: failed ? 'failed' : 'succeeded',
        error: failed ? { message: 'boom', code: 'x', type: 'y', link: '' } : null,
        enqueuedAt: '',
        startedAt: '',
        finishedAt: '',
      });
    }
    if (url.pathname.endsWith('/search')) return Promise.resolve(search);
    return Promise.resolve({
      taskUid: nextTask++,
      indexUid: 'p_items',
      status: 'enqueued',
      type: 'x',
      enqueuedAt: '',
    });
  };
  return { requests, httpClient };
}

describe('MeilisearchSearchIndex adapter wiring (scripted HTTP, no server)', () => {
  const response = {
    hits: [
      {
        id: 'a-2',
        versions: [
          { versionNo: 1, text: 'Het nieuwe gemeentehuis' },
          { versionNo: 2, text: 'Het <nieuwe> stadskantoor' },
        ],
      },
      { id: 'a-9', versions: [{ versionNo: 1, text: 'Gemeentehuis open' }] },
    ],
    totalHits: 7,
    page: 1,
    hitsPerPage: 6,
    totalPages: 2,
    processingTimeMs: 1,
    query: 'gemeentehuis',
    facetDistribution: { organisationKey: { [toHex('org-a')]: 7 }, platform: { x: 7 } },
  };

  it('creates the index, applies settings and waits for each task', async () => {
    const { requests, httpClient } = scriptedHttp(response);
    const index = new MeilisearchSearchIndex({ url: 'http://meili.test', indexPrefix: 'p', httpClient });
    await index.init();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /indexes',
      'GET /tasks/1',
      'PATCH /indexes/p_items/settings',
      'GET /tasks/2',
    ]);
    expect(requests[0]?.body).toEqual({ uid: 'p_items', primaryKey: 'pk' });
  });

  it('sends the organisation filter and the rebuilt query, and maps hits and facets back', async () => {
    const { requests, httpClient } = scriptedHttp(response);
    const index = new MeilisearchSearchIndex({ url: 'http://meili.test', indexPrefix: 'p', httpClient });
    const result = await index.search({
      text: '-gemeentehuis',
      organisationIds: ['org-a'],
      limit: 5,
      offset: 1,
      facets: ['organisationId', 'platform'],
    });
    const body = requests[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ q: 'gemeentehuis', matchingStrategy: 'all', page: 1, hitsPerPage: 6 });
    expect(body.filter).toBe(`organisationKey IN ["${toHex('org-a')}"]`);
    expect(result.total).toBe(7);
    expect(result.hits).toEqual([
      { id: 'a-9', highlight: '<mark>Gemeentehuis</mark> open', matchedVersionNo: 1 },
    ]);
    expect(result.facets).toEqual({ organisationId: { 'org-a': 7 }, platform: { x: 7 } });
  });

  it('matches the newest version that has the words and escapes the current text', async () => {
    const { httpClient } = scriptedHttp(response);
    const index = new MeilisearchSearchIndex({ url: 'http://meili.test', indexPrefix: 'p', httpClient });
    const result = await index.search({
      text: 'gemeentehuis',
      organisationIds: ['org-a'],
      limit: 2,
      offset: 0,
    });
    expect(result.hits[0]).toEqual({
      id: 'a-2',
      highlight: 'Het &lt;nieuwe&gt; stadskantoor',
      matchedVersionNo: 1,
    });
  });

  it('does not call Meilisearch when nothing can match', async () => {
    const { requests, httpClient } = scriptedHttp(response);
    const index = new MeilisearchSearchIndex({ url: 'http://meili.test', indexPrefix: 'p', httpClient });
    const result = await index.search({
      text: 'x',
      organisationIds: [],
      limit: 5,
      offset: 0,
      facets: ['year'],
    });
    expect(result).toEqual({ total: 0, hits: [], facets: { year: {} } });
    expect(requests).toEqual([]);
  });

  it('writes in batches, waits for each, and fails when a task failed', async () => {
    const { requests, httpClient } = scriptedHttp(response, 2);
    const index = new MeilisearchSearchIndex({
      url: 'http://meili.test',
      indexPrefix: 'p',
      httpClient,
      batchSize: 2,
    });
    const docs = [1, 2, 3].map((i) => doc({ id: `w-${i}` }, `Tekst ${i}`));
    await expect(index.upsert(docs)).rejects.toThrow(/failed: boom/);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /indexes/p_items/documents',
      'GET /tasks/1',
      'POST /indexes/p_items/documents',
      'GET /tasks/2',
    ]);
    expect((requests[0]?.body as { pk: string }[]).map((d) => d.pk)).toEqual([toHex('w-1'), toHex('w-2')]);
  });

  it('removes by encoded primary key', async () => {
    const { requests, httpClient } = scriptedHttp(response);
    const index = new MeilisearchSearchIndex({ url: 'http://meili.test', indexPrefix: 'p', httpClient });
    await index.remove(['a "b"']);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/indexes/p_items/documents/delete-batch',
      body: [toHex('a "b"')],
    });
  });

  it('rejects an index prefix that is not a plain name', () => {
    expect(() => new MeilisearchSearchIndex({ url: 'http://meili.test', indexPrefix: 'a/b' })).toThrow();
  });
});
