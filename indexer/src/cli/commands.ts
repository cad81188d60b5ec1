import { OrganisationEntity, ItemEntity, parseGrant, upsertUser, type Config } from '@bewaard/schema';
import { openArchive, type ArchiveContext } from '../pipeline/archive-context.js';
import { importPath } from '../pipeline/import-files.js';
import { DEMO_PASSWORD, DEMO_USERS, loadDemo } from '../pipeline/load-demo.js';
import { printJson, progressPrinter } from './output.js';

export class CliError extends Error {
  override name = 'CliError';
}

async function withArchive<T>(cfg: Config, fn: (ctx: ArchiveContext) => Promise<T>): Promise<T> {
  const ctx = await openArchive(cfg);
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

async function resolveOrganisation(ctx: ArchiveContext, slug: string | undefined): Promise<OrganisationEntity> {
  const orgs = await ctx.ds.getRepository(OrganisationEntity).find({ order: { slug: 'ASC' } });
  if (slug) {
    const org = orgs.find((o) => o.slug === slug);
    if (!org) throw new CliError(`unknown organisation "${slug}" (known: ${orgs.map((o) => o.slug).join(', ') || 'none'})`);
    return org;
  }
  if (orgs.length === 1) return orgs[0]!;
  if (orgs.length === 0) throw new CliError('no organisation yet: create one with `bewaard orgs add <slug> <name>`');
  throw new CliError(`several organisations exist; say which archive to import into with --org (${orgs.map((o) => o.slug).join(', ')})`);
}

export async function importCommand(cfg: Config, input: string, opts: { org?: string; format?: string; json?: boolean }) {
  await withArchive(cfg, async (ctx) => {
    const org = await resolveOrganisation(ctx, opts.org);
    const progress = progressPrinter('importing');
    const summary = await importPath(ctx, input, {
      organisationId: org.id,
      format: opts.format,
      onProgress: (c, file) => progress.update(c.read, file),
    });
    progress.done();
    const { perFile, ...totals } = summary;
    if (opts.json) {
      printJson({ organisation: org.slug, ...totals, files: perFile });
    } else {
      for (const f of perFile) {
        if (f.readWith) console.log(`· ${f.file}: read with ${f.readWith}`);
        else console.log(f.error ? `✗ ${f.file}: ${f.error}` : `✓ ${f.file} (${f.format}): ${describeCounts(f.counts)}`);
      }
      console.log(`Total: ${describeCounts(totals)}; unknown deletions: ${totals.unknownDeletions}`);
    }
    if (perFile.some((f) => f.error)) process.exitCode = 1;
  });
}

function describeCounts(c: { read: number; newItems: number; newVersions: number; deleted: number; unchanged: number; quarantined: number }) {
  return `read ${c.read}, new items ${c.newItems}, new versions ${c.newVersions}, deleted ${c.deleted}, unchanged ${c.unchanged}, quarantined ${c.quarantined}`;
}

export async function demoCommand(cfg: Config, opts: { items?: number; seed?: number; ifEmpty?: boolean; json?: boolean }) {
  await withArchive(cfg, async (ctx) => {
    const existing = await ctx.ds.getRepository(ItemEntity).count();
    if (existing > 0) {
      if (opts.ifEmpty) {
        if (!opts.json) console.log(`archive already holds ${existing} items; demo not loaded`);
        return;
      }
      throw new CliError(`the archive already holds ${existing} items; the demo is only loaded into an empty archive`);
    }
    const progress = progressPrinter('demo');
    const counts = await loadDemo(ctx, { targetItems: opts.items, seed: opts.seed, onProgress: (c) => progress.update(c.read) });
    progress.done();
    if (opts.json) printJson(counts);
    else console.log(`demo loaded: ${describeCounts(counts)}; demo users: ${DEMO_USERS.map((u) => u.email).join(', ')} (password ${DEMO_PASSWORD})`);
  });
}

export async function reindexCommand(cfg: Config, opts: { json?: boolean }) {
  await withArchive(cfg, async (ctx) => {
    const sync = await ctx.indexSync();
    const progress = progressPrinter('reindexing');
    const n = await sync.reindex((done) => progress.update(done));
    progress.done();
    const drained = await sync.drainAll();
    if (opts.json) printJson({ indexed: n, outboxDrained: drained });
    else console.log(`reindexed ${n} items into ${(await ctx.searchIndex()).name}`);
  });
}

export async function indexWorkerCommand(cfg: Config) {
  await withArchive(cfg, async (ctx) => {
    const sync = await ctx.indexSync();
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    console.log(`index worker: draining the outbox into ${(await ctx.searchIndex()).name}`);
    await sync.run(controller.signal, {
      onError: (err) => console.error(`index worker: ${(err as Error).message}; retrying`),
    });
    console.log('index worker: stopped');
  });
}

export async function statusCommand(cfg: Config, opts: { json?: boolean }) {
  await withArchive(cfg, async (ctx) => {
    const sync = await ctx.indexSync();
    const status = {
      database: cfg.database.kind,
      search: (await ctx.searchIndex()).name,
      organisations: await ctx.ds.getRepository(OrganisationEntity).count(),
      items: await ctx.ds.getRepository(ItemEntity).count(),
      indexed: await (await ctx.searchIndex()).count(),
      indexLag: await sync.lag(),
    };
    if (opts.json) printJson(status);
    else console.log(status);
  });
}

export async function orgsAddCommand(cfg: Config, slug: string, name: string) {
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug)) throw new CliError(`organisation slug "${slug}" must be lower-case letters, digits and dashes`);
  await withArchive(cfg, async (ctx) => {
    const org = await ctx.registry.ensureOrganisation(slug, name);
    console.log(`organisation ${org.slug}: ${org.name}`);
  });
}

export async function usersAddCommand(cfg: Config, email: string, opts: { name?: string; password?: string; grant: string[] }) {
  const password = opts.password ?? process.env.BEWAARD_PASSWORD;
  if (!password) throw new CliError('give the password with --password or the BEWAARD_PASSWORD environment variable');
  const grants = opts.grant.map(parseGrant);
  await withArchive(cfg, async (ctx) => {
    const user = await upsertUser(ctx.ds, { email, displayName: opts.name ?? email, password, grants });
    console.log(`user ${user.email}: ${grants.map((g) => (g.organisation ? `${g.role}@${g.organisation}` : g.role)).join(', ') || 'no roles'}`);
  });
}

export async function searchCommand(cfg: Config, query: string, opts: { org?: string[]; limit?: number; json?: boolean }) {
  await withArchive(cfg, async (ctx) => {
    const orgs = await ctx.ds.getRepository(OrganisationEntity).find();
    const wanted = opts.org?.length ? orgs.filter((o) => opts.org!.includes(o.slug)) : orgs;
    const index = await ctx.searchIndex();
    const result = await index.search({ text: query, organisationIds: wanted.map((o) => o.id), limit: opts.limit ?? 20, offset: 0 });
    const items = result.hits.length ? await ctx.ds.getRepository(ItemEntity).findBy(result.hits.map((h) => ({ id: h.id }))) : [];
    const byId = new Map(items.map((i) => [i.id, i]));
    const slugOf = new Map(orgs.map((o) => [o.id, o.slug]));
    for (const hit of result.hits) {
      const it = byId.get(hit.id);
      const row = {
        id: hit.id,
        organisation: it ? slugOf.get(it.organisationId) : null,
        platform: it?.platform,
        platformItemId: it?.platformItemId,
        status: it?.status,
        createdAt: it?.createdAt.toISOString(),
        matchedVersionNo: hit.matchedVersionNo,
        highlight: hit.highlight,
      };
      if (opts.json) printJson(row);
      else console.log(`${row.organisation} ${row.platform} ${row.createdAt} [${row.status}] ${hit.highlight ?? ''}`);
    }
    if (!opts.json) console.log(`${result.total} results`);
  });
}
