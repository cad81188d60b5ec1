import { emptyCounts, upsertUser, type CaptureCounts, type DeletionNotice, type GrantSpec } from '@bewaard/schema';
import { generateDemoArchive, type DemoCapture } from '../demo/index.js';
import type { ArchiveContext } from './archive-context.js';

export const DEMO_PASSWORD = 'bewaard-demo';

/** The demo users (README lists them): one per role, so every view of the portal can be tried. */
export const DEMO_USERS: Array<{ email: string; displayName: string; grants: GrantSpec[] }> = [
  { email: 'admin@example.org', displayName: 'Beheerder (demo)', grants: [{ role: 'admin' }] },
  { email: 'woo@org-a.example.org', displayName: 'Woo-coördinator A (demo)', grants: [{ role: 'woo_coordinator', organisation: 'org-a' }] },
  { email: 'archief@org-a.example.org', displayName: 'Archivaris A (demo)', grants: [{ role: 'archivist', organisation: 'org-a' }] },
  { email: 'woo@org-b.example.org', displayName: 'Woo-coördinator B (demo)', grants: [{ role: 'woo_coordinator', organisation: 'org-b' }] },
  {
    email: 'onderzoek@example.org',
    displayName: 'Onderzoeker (demo)',
    grants: [
      { role: 'researcher', organisation: 'org-a' },
      { role: 'researcher', organisation: 'org-b' },
    ],
  },
];

/**
 * Loads the fictional demo archive through the normal write path (so versions, tombstones and
 * the outbox behave exactly as for real imports), then the demo users.
 */
export async function loadDemo(
  ctx: ArchiveContext,
  options: { targetItems?: number; seed?: number; onProgress?: (counts: CaptureCounts) => void } = {},
): Promise<CaptureCounts> {
  const demo = generateDemoArchive({ targetItems: options.targetItems, seed: options.seed });
  const orgIds = new Map<string, string>();
  for (const o of demo.organisations) orgIds.set(o.slug, (await ctx.registry.ensureOrganisation(o.slug, o.name)).id);
  for (const a of demo.accounts) await ctx.registry.declareAccount(a);
  ctx.writer.accountsChanged();

  const run = await ctx.runs.start('demo', 'bewaard-demo/v1', `demo seed=${options.seed ?? 'default'}`);
  const counts = emptyCounts();
  let batch: DemoCapture[] = [];
  const flush = async () => {
    const byOrg = new Map<string, DemoCapture[]>();
    for (const c of batch) byOrg.set(c.organisationSlug, [...(byOrg.get(c.organisationSlug) ?? []), c]);
    for (const [slug, group] of byOrg) {
      const captures = group.flatMap((c) => (c.kind === 'item' ? [{ item: c.item, capturedAt: c.capturedAt }] : []));
      const deletions: DeletionNotice[] = group.flatMap((c) => (c.kind === 'deletion' ? [c.notice] : []));
      const r = await ctx.writer.write(orgIds.get(slug)!, captures, deletions, run.id);
      counts.newItems += r.newItems;
      counts.newVersions += r.newVersions;
      counts.unchanged += r.unchanged;
      counts.deleted += r.deleted;
    }
    batch = [];
    options.onProgress?.(counts);
  };
  for (const c of demo.captures()) {
    counts.read++;
    batch.push(c);
    // A deletion must not share a batch with an edit of the same item written after it; flushing at
    // every deletion keeps capture order exact at little cost (deletions are ~2%).
    if (batch.length >= 500 || c.kind === 'deletion') await flush();
  }
  await flush();
  await ctx.runs.finish(run.id, counts);
  for (const u of DEMO_USERS) await upsertUser(ctx.ds, { ...u, password: DEMO_PASSWORD });
  return counts;
}
