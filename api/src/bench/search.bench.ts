/**
 * Search benchmark (issue 4): N items stored and indexed, then a mixed query set measured three
 * ways in the same run — through the SearchIndex, through GraphQL over HTTP (auth, access scope,
 * audit, hydration), and as a bare FTS5 MATCH on the same index file (the raw engine: rank + count,
 * no filters, facets or highlights). BENCH_ITEMS (default 1,000,000), BENCH_QUERIES (default 700).
 * BENCH_DIR keeps the stored and indexed corpus in that folder and reuses it on the next run with the
 * same BENCH_ITEMS (building 1M items takes minutes; the queries are what is being measured).
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import net, { type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import {
  ArchiveWriter,
  FileMediaStore,
  IndexSync,
  Registry,
  SqliteFtsSearchIndex,
  openDatabase,
  upsertUser,
  type SearchRequest,
} from '@bewaard/schema';
import { benchItem, prng, QUERY_TOPICS, vocabulary } from './corpus.js';
import { summarise, timed } from './latency.js';

const N = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 700);
const keptDir = process.env.BENCH_DIR;
const dir = keptDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bewaard-search-bench-'));
const builtMarker = path.join(dir, `built-${N}.json`);
const reuse = keptDir !== undefined && fs.existsSync(builtMarker);
if (keptDir && !reuse) {
  if (!keptDir) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
}
const rnd = prng(7);
const vocab = vocabulary(20_000, rnd);

const ds = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'bewaard.sqlite') });
const registry = new Registry(ds);
const orgIds = [
  await registry.ensureOrganisation('org-a', 'A'),
  await registry.ensureOrganisation('org-b', 'B'),
  await registry.ensureOrganisation('org-c', 'C'),
].map((o) => o.id);
const writer = new ArchiveWriter(ds, new FileMediaStore(path.join(dir, 'media')));
let t0 = Date.now();
let phrases: string[] = [];
const indexFile = path.join(dir, 'search.sqlite');
const index = new SqliteFtsSearchIndex(indexFile);
if (reuse) {
  // The query generator draws from the same random sequence as a fresh build, so both measure the same queries.
  const built = JSON.parse(fs.readFileSync(builtMarker, 'utf8')) as { phrases: string[]; rndState: number };
  phrases = built.phrases;
  rnd.restore(built.rndState);
  await index.init();
  console.log(`reusing the corpus of ${N.toLocaleString('en')} items in ${dir}`);
} else {
  for (let i = 0; i < N; i += 2000) {
    const byOrg = new Map<number, Array<{ item: ReturnType<typeof benchItem>['item']; capturedAt: Date }>>();
    for (let j = i; j < Math.min(N, i + 2000); j++) {
      const { org, item } = benchItem(j, orgIds.length, vocab, rnd);
      const list = byOrg.get(org) ?? [];
      list.push({ item, capturedAt: new Date() });
      if (j % 20 === 0)
        list.push({
          item: { ...item, content: { ...item.content, text: `${item.content.text} bijgewerkt` } },
          capturedAt: new Date(),
        });
      if (phrases.length < 100 && j % 997 === 0)
        phrases.push(item.content.text.split(' ').slice(2, 4).join(' '));
      byOrg.set(org, list);
    }
    for (const [org, captures] of byOrg) await writer.write(orgIds[org]!, captures);
    if ((i / 2000) % 50 === 0) process.stdout.write(`\rstored ${i.toLocaleString('en')}`);
  }
  console.log(`\rstored ${N.toLocaleString('en')} items in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

  await index.init();
  t0 = Date.now();
  await new IndexSync(ds, index).drainAll(2000);
  await index.optimize?.();
  const buildS = (Date.now() - t0) / 1000;
  console.log(
    `indexed ${N.toLocaleString('en')} documents in ${buildS.toFixed(0)} s (${Math.round(N / buildS).toLocaleString('en')} docs/s)`,
  );
  await upsertUser(ds, {
    email: 'bench@example.org',
    displayName: 'Bench',
    password: 'bench-password-1',
    grants: [{ role: 'admin' }],
  });
  if (keptDir) fs.writeFileSync(builtMarker, JSON.stringify({ phrases, rndState: rnd.state() }));
}

t0 = Date.now();
await index.warm();
console.log(`loaded the index's in-memory fields in ${Date.now() - t0} ms (done once, at API start)`);
// The API runs as in production: its own process (`api/dist/main.js`) on the same files, with its
// own index instance and caches, so a query measured through the SearchIndex here does not warm
// the GraphQL measurement of it, and this process's client work does not share the API's core.
const api = await startApi(dir);
const url = `${api.url}/graphql`;
// node's http client with keep-alive: undici's fetch adds about a millisecond per request on this
// machine, which would be measured as API latency.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const post = (query: string, variables: object, token?: string) =>
  new Promise<{ data?: { login?: { token: string } } }>((resolve, reject) => {
    const body = JSON.stringify({ query, variables });
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve(
            JSON.parse(Buffer.concat(chunks).toString('utf8')) as { data?: { login?: { token: string } } },
          ),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
const token = (
  await post('mutation{login(email:"bench@example.org",password:"bench-password-1"){token}}', {})
).data!.login!.token;

type Kind = 'word' | 'two words' | 'phrase' | 'prefix' | 'typo' | 'filter + date sort' | 'facets only';
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
const typo = (w: string) => `${w.slice(0, 3)}${w.slice(4)}`;
function makeQuery(kind: Kind): {
  request: SearchRequest;
  raw: string | null;
  gqlFilter?: object;
  sort?: string;
} {
  const base = {
    organisationIds: orgIds.slice(0, 2),
    limit: 20,
    offset: 0,
    facets: ['organisationId', 'platform', 'status', 'kind', 'year'] as SearchRequest['facets'],
  };
  switch (kind) {
    case 'word': {
      const w = pick(vocab.slice(0, 3000));
      return { request: { ...base, text: w }, raw: `"${w}"` };
    }
    case 'two words': {
      const a = pick(QUERY_TOPICS);
      const b = pick(vocab.slice(0, 500));
      return { request: { ...base, text: `${a} ${b}` }, raw: `"${a}" "${b}"` };
    }
    case 'phrase': {
      const p = pick(phrases);
      return { request: { ...base, text: `"${p}"` }, raw: `"${p}"` };
    }
    case 'prefix': {
      const w = pick(vocab.slice(0, 3000)).slice(0, 4);
      return { request: { ...base, text: w }, raw: `"${w}"*` };
    }
    case 'typo': {
      const w = pick(QUERY_TOPICS);
      return { request: { ...base, text: typo(w) }, raw: `"${w}"` };
    }
    case 'filter + date sort': {
      const w = pick(QUERY_TOPICS);
      return {
        request: { ...base, text: w, filter: { platforms: ['x', 'mastodon'] }, sort: 'newest' },
        raw: `"${w}"`,
        gqlFilter: { platforms: ['X', 'MASTODON'] },
        sort: 'NEWEST',
      };
    }
    case 'facets only':
      return { request: { ...base, text: '' }, raw: null };
  }
}

const KINDS: Kind[] = ['word', 'two words', 'phrase', 'prefix', 'typo', 'filter + date sort', 'facets only'];
const raw = new Database(indexFile, { readonly: true });
const rawTop = raw.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rank LIMIT 20');
const rawCount = raw.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?');
const GQL = `query($q:String!,$f:SearchFilter,$s:SearchSort){search(query:$q,filter:$f,sort:$s,first:20){totalCount edges{highlight node{id platform text createdAt}} facets{platform{value count} year{value count}}}}`;
// The same engine with every cache off: what each query costs right after the index changed
// (caches are emptied on every change, e.g. while a harvest is being indexed).
const uncached = new SqliteFtsSearchIndex(indexFile, { cache: { scanEntries: 0, matchBytes: 0 } });
await uncached.init();
await uncached.warm();
const results: Record<string, { index: number[]; uncached: number[]; graphql: number[]; raw: number[] }> = {};
const seen = new Set<string>();
let repeats = 0;
const asked: { kind: string; request: SearchRequest }[] = [];
for (let q = 0; q < QUERIES; q++) {
  const kind = KINDS[q % KINDS.length]!;
  const { request, raw: match, gqlFilter, sort } = makeQuery(kind);
  const key = JSON.stringify(request);
  if (seen.has(key)) repeats++;
  seen.add(key);
  const r = (results[kind] ??= { index: [], uncached: [], graphql: [], raw: [] });
  r.index.push(await timed(() => index.search(request)));
  asked.push({ kind, request });
  // Same scope as the SearchIndex call: the admin narrows to the same two organisations.
  const f = { organisationIds: request.organisationIds, ...(gqlFilter ?? {}) };
  r.graphql.push(await timed(() => post(GQL, { q: request.text, f, s: sort ?? 'RELEVANCE' }, token)));
  if (match)
    r.raw.push(
      await timed(() => {
        rawTop.all(match);
        rawCount.get(match);
      }),
    );
}
// A pass of its own: the garbage of a cache-less scan (megabytes at 1M documents) would otherwise
// be collected during the next GraphQL measurement.
for (const { kind, request } of asked)
  results[kind]!.uncached.push(await timed(() => uncached.search(request)));
const rows = Object.entries(results).map(([kind, r]) => ({
  kind,
  index: summarise(r.index),
  uncached: summarise(r.uncached),
  graphql: summarise(r.graphql),
  raw: r.raw.length ? summarise(r.raw) : null,
}));
const all = {
  index: summarise(Object.values(results).flatMap((r) => r.index)),
  uncached: summarise(Object.values(results).flatMap((r) => r.uncached)),
  graphql: summarise(Object.values(results).flatMap((r) => r.graphql)),
  raw: summarise(Object.values(results).flatMap((r) => r.raw)),
};
console.log(
  `\nSearch latency over ${N.toLocaleString('en')} items, ${QUERIES} queries (ms; p50 / p95 / p99)`,
);
console.table(
  rows.map((r) => ({
    query: r.kind,
    SearchIndex: fmt(r.index),
    'SearchIndex, no cache': fmt(r.uncached),
    GraphQL: fmt(r.graphql),
    'raw FTS5 match+rank+count': r.raw ? fmt(r.raw) : '—',
  })),
);
console.log(
  `all queries: SearchIndex ${fmt(all.index)} | no cache ${fmt(all.uncached)} | GraphQL ${fmt(all.graphql)} | raw ${fmt(all.raw)}`,
);
console.log(
  `${repeats} of ${QUERIES} queries repeat an earlier one (the index caches a query's matches until the index changes)`,
);
console.log(
  `GraphQL overhead over the SearchIndex at p50: ${(all.graphql.p50 / all.index.p50).toFixed(2)}×; SearchIndex over raw FTS5 at p50: ${(all.index.p50 / all.raw.p50).toFixed(2)}×`,
);
async function startApi(dataDir: string): Promise<{ url: string; stop: () => void }> {
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const main = fileURLToPath(new URL('../main.js', import.meta.url));
  // The embedded engines on the bench's files, whatever the caller's environment points at.
  const { DATABASE_URL: _db, MEILI_URL: _meili, ...env } = process.env;
  const child = spawn(process.execPath, [main], {
    env: {
      ...env,
      BEWAARD_DATA_DIR: dataDir,
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    if ((await fetch(`${base}/health`).catch(() => null))?.ok)
      return { url: base, stop: () => child.kill('SIGTERM') };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the API did not start within 60 s');
}

function fmt(s: { p50: number; p95: number; p99: number }) {
  return `${s.p50} / ${s.p95} / ${s.p99}`;
}
raw.close();
api.stop();
agent.destroy();
await uncached.close();
await index.close();
await ds.destroy();
if (!keptDir) fs.rmSync(dir, { recursive: true, force: true });
