import { it } from 'vitest';
import { SqliteFtsSearchIndex } from './embedded/sqlite-fts-index.js';
import type { SearchDocument } from './search-index.js';

const WORDS = 'belastingdienst gemeente zwolle minister financiën klimaat energie vacature beleidsmedewerker steun ondernemers regio verkeersveiligheid scholen persbericht omgevingswet woningbouw stikstof landbouw onderwijs zorg jeugd veiligheid politie brandweer water dijk subsidie aanvraag formulier burgers inwoners raad vergadering wethouder burgemeester provincie kabinet kamer debat motie begroting voorjaarsnota miljoen euro project plan'.split(' ');
function rnd(n: number) { return Math.floor(Math.random() * n); }
function word() { const w = WORDS[rnd(WORDS.length)]!; return Math.random() < 0.3 ? w + String.fromCharCode(97 + rnd(26)) + rnd(100) : w; }
it('bench', async () => {
  const idx = new SqliteFtsSearchIndex('/tmp/bench-search.db');
  await idx.init(); await idx.clear();
  const N = 200_000; let t = Date.now();
  for (let b = 0; b < N; b += 500) {
    const docs: SearchDocument[] = [];
    for (let i = b; i < b + 500; i++) docs.push({ id: `id-${i}`, organisationId: `org-${i % 20}`, platform: (['x','facebook','instagram'] as const)[i % 3]!, kind: 'post', status: 'live', accountId: `acc-${i % 400}`, authorId: 'a', authorHandle: 'handle' + (i % 400), authorName: null, createdAt: 1.5e12 + i * 60000, conversationId: null, language: 'nl', hasMedia: i % 5 === 0, versions: [{ versionNo: 1, text: Array.from({ length: 8 + rnd(30) }, word).join(' ') }] });
    await idx.upsert(docs);
  }
  console.log('ingest', N, Date.now() - t, 'ms');
  const orgs = ['org-1', 'org-2'];
  for (const [text, extra] of [['belastingdienst', {}], ['belastingdinst', {}], ['be', {}], ['gemeente zwolle', {}], ['verkeersveil', {}], ['klimaat', { sort: 'newest' }], ['', { facets: ['platform', 'year', 'accountId'] }], ['gemeente', { facets: ['platform', 'year', 'accountId'] }], ['"minister financiën"', {}]] as const) {
    const times: number[] = [];
    let total = 0;
    for (let r = 0; r < 5; r++) { const s = performance.now(); const res = await idx.search({ text, organisationIds: orgs, limit: 20, offset: 0, ...extra }); times.push(performance.now() - s); total = res.total; }
    times.sort((a, b) => a - b);
    console.log(JSON.stringify(text), JSON.stringify(extra), 'total', total, 'median ms', times[2]!.toFixed(1), 'first', times.length);
  }
  const all = await idx.search({ text: 'gemeente', organisationIds: Array.from({length: 20}, (_, i) => `org-${i}`), limit: 20, offset: 0 });
  let s = performance.now(); await idx.search({ text: 'gemeente', organisationIds: Array.from({length: 20}, (_, i) => `org-${i}`), limit: 20, offset: 0 }); console.log('all orgs gemeente', all.total, (performance.now() - s).toFixed(1));
  s = performance.now(); await idx.search({ text: 'gemeente', organisationIds: Array.from({length: 20}, (_, i) => `org-${i}`), limit: 20, offset: 0, sort: 'newest' }); console.log('all orgs gemeente newest', (performance.now() - s).toFixed(1));
  s = performance.now(); await idx.search({ text: 'g', organisationIds: Array.from({length: 20}, (_, i) => `org-${i}`), limit: 20, offset: 0 }); console.log('all orgs g', (performance.now() - s).toFixed(1));
  await idx.close();
}, 600_000);
