import { Meilisearch, type Config, type EnqueuedTaskPromise, type Index, type Task } from 'meilisearch';
import type { FacetName, SearchDocument, SearchIndex, SearchRequest, SearchResult } from '../search-index.js';
import { highlightText } from '../text/highlight.js';
import { matchedVersionNo } from '../text/match.js';
import { isEmptyQuery, parseQuery } from '../text/query.js';
import { emptyResult } from '../validate-request.js';
import {
  PRIMARY_KEY,
  fromHex,
  meiliPrimaryKey,
  toMeiliDocument,
  type MeiliDocument,
} from './meili-document.js';
import { FACET_ATTRIBUTES, HEX_FACETS } from './meili-filter.js';
import { buildMeiliSearchPlan, type MeiliSearchPlan } from './meili-search-params.js';
import { buildMeiliSettings } from './meili-settings.js';

export interface MeilisearchSearchIndexOptions {
  url: string;
  apiKey?: string;
  /** Index uid prefix (letters, digits, `-`, `_`): the index is `${indexPrefix}_items`. */
  indexPrefix: string;
  /** How long to wait for one indexing task (ms). */
  taskTimeoutMs?: number;
  /** Documents per addDocuments call. */
  batchSize?: number;
  /** Replaces fetch (the client's own hook); for tests that script the HTTP exchange. */
  httpClient?: Config['httpClient'];
}

type StoredHit = Pick<MeiliDocument, 'id' | 'versions'>;

/**
 * Meilisearch behind the SearchIndex contract. Every write waits for its task to finish (and fails if
 * the task failed), so a search after `upsert`/`remove` resolves sees the change; the organisation
 * filter is built here from `organisationIds` and is part of every search.
 */
export class MeilisearchSearchIndex implements SearchIndex {
  readonly name = 'meilisearch';
  readonly indexUid: string;
  private readonly client: Meilisearch;
  private readonly index: Index<MeiliDocument>;
  private readonly taskTimeoutMs: number;
  private readonly batchSize: number;

  constructor(options: MeilisearchSearchIndexOptions) {
    if (!/^[A-Za-z0-9_-]{1,300}$/.test(options.indexPrefix)) {
      throw new Error('indexPrefix may hold only letters, digits, "-" and "_"');
    }
    this.indexUid = `${options.indexPrefix}_items`;
    this.client = new Meilisearch({
      host: options.url,
      apiKey: options.apiKey,
      httpClient: options.httpClient,
    });
    this.index = this.client.index<MeiliDocument>(this.indexUid);
    this.taskTimeoutMs = options.taskTimeoutMs ?? 120_000;
    this.batchSize = options.batchSize ?? 1000;
  }

  async init(): Promise<void> {
    const created = await this.client
      .createIndex(this.indexUid, { primaryKey: PRIMARY_KEY })
      .waitTask(this.waitOptions());
    if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists')
      throw taskError(created);
    await this.wait(this.index.updateSettings(buildMeiliSettings()));
  }

  async upsert(docs: SearchDocument[]): Promise<void> {
    for (let i = 0; i < docs.length; i += this.batchSize) {
      const batch = docs.slice(i, i + this.batchSize).map(toMeiliDocument);
      await this.wait(this.index.addDocuments(batch, { primaryKey: PRIMARY_KEY }));
    }
  }

  async remove(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += this.batchSize) {
      await this.wait(this.index.deleteDocuments(ids.slice(i, i + this.batchSize).map(meiliPrimaryKey)));
    }
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const query = parseQuery(request.text);
    const plan = buildMeiliSearchPlan(request, query);
    if (plan === null) return emptyResult(request);
    const response = await this.index.search<StoredHit, MeiliSearchPlan['params']>(plan.q, plan.params);
    const textual = !isEmptyQuery(query);
    const hits = response.hits.slice(plan.skip).map((hit) => {
      const current = hit.versions.at(-1);
      return {
        id: hit.id,
        highlight: current ? highlightText(current.text, textual ? query : null) : null,
        matchedVersionNo: textual ? matchedVersionNo(hit.versions, query) : null,
      };
    });
    return {
      total: response.totalHits,
      hits,
      facets: readFacets(request.facets ?? [], response.facetDistribution),
    };
  }

  async count(): Promise<number> {
    return (await this.index.getStats()).numberOfDocuments;
  }

  async clear(): Promise<void> {
    await this.wait(this.index.deleteAllDocuments());
  }

  close(): Promise<void> {
    // HTTP client: nothing to release.
    return Promise.resolve();
  }

  /** Deletes the whole index (tests, or dropping an engine). Not part of SearchIndex. */
  async drop(): Promise<void> {
    await this.wait(this.client.deleteIndex(this.indexUid));
  }

  private waitOptions(): { timeout: number; interval: number } {
    return { timeout: this.taskTimeoutMs, interval: 25 };
  }

  private async wait(task: EnqueuedTaskPromise): Promise<Task> {
    const done = await task.waitTask(this.waitOptions());
    if (done.status !== 'succeeded') throw taskError(done);
    return done;
  }
}

function taskError(task: Task): Error {
  return new Error(
    `Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${task.error?.message ?? 'no error given'}`,
  );
}

function readFacets(
  names: readonly FacetName[],
  distribution: Record<string, Record<string, number>> | undefined,
): SearchResult['facets'] {
  const facets: SearchResult['facets'] = {};
  for (const name of names) {
    const counts = distribution?.[FACET_ATTRIBUTES[name]] ?? {};
    facets[name] = HEX_FACETS.has(name)
      ? Object.fromEntries(Object.entries(counts).map(([hex, n]) => [fromHex(hex), n]))
      : { ...counts };
  }
  return facets;
}
