import 'reflect-metadata';
import { ConfigError, UserAdminError, parseConfig } from '@bewaard/schema';
import { Command, InvalidArgumentError } from 'commander';
import { ImportError } from '../pipeline/import-files.js';
import { UnknownFormatError } from '../sources/index.js';
import { auditVerifyCommand } from './audit.command.js';
import * as cmd from './commands.js';
import { harvestCommand } from './harvest.command.js';
import { CredentialsError } from '../harvest/credentials.js';
import { HarvestError } from '../harvest/harvest.js';

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive whole number');
  return n;
};
const collect = (v: string, prev: string[]) => [...prev, v];

const program = new Command()
  .name('bewaard')
  .description('Archive government social media: import, index, search, administer.')
  .showHelpAfterError();

program
  .command('import')
  .description('import a file or folder (recursively) of platform exports into an organisation\'s archive')
  .argument('<path>', 'file or folder')
  .option('--org <slug>', 'organisation whose archive receives the items (needed when there are several)')
  .option('--format <name>', 'skip detection and read every file as this format (e.g. twarc2)')
  .option('--json', 'print the summary as JSON')
  .action((path: string, opts: { org?: string; format?: string; json?: boolean }) => cmd.importCommand(parseConfig(), path, opts));

program
  .command('harvest')
  .description('fetch new posts of the accounts with API credentials into the archive (once, or --every N minutes)')
  .option('--org <slug>', 'only this organisation\'s accounts')
  .option('--account <id>', 'only this account (id, handle or platform account id)')
  .option('--full', 'page through everything the API serves and mark posts gone from it as deleted (sync-missing)')
  .option('--credentials <file>', 'JSON credentials file (default: BEWAARD_HARVEST_CREDENTIALS)')
  .option('--every <minutes>', 'repeat every N minutes until SIGINT/SIGTERM', positiveInt)
  .option('--full-every <hours>', 'a full sync for each account whose last one is older than N hours (edits, deletions and replies on older posts)', positiveInt)
  .option('--json', 'print the per-account report as JSON')
  .action((opts: { org?: string; account?: string; full?: boolean; credentials?: string; every?: number; fullEvery?: number; json?: boolean }) => harvestCommand(parseConfig(), opts));

program
  .command('demo')
  .description('load the fictional demo archive and demo users into an empty archive')
  .option('--items <n>', 'approximate number of items (default: DEMO_ITEMS, 20000)', positiveInt)
  .option('--seed <n>', 'random seed', positiveInt)
  .option('--if-empty', 'do nothing (successfully) when the archive already holds items')
  .option('--json', 'print the counts as JSON')
  .action((opts: { items?: number; seed?: number; ifEmpty?: boolean; json?: boolean }) => {
    const cfg = parseConfig();
    return cmd.demoCommand(cfg, { ...opts, items: opts.items ?? cfg.demoItems });
  });

program.command('reindex').description('rebuild the search index from the database').option('--json').action((opts: { json?: boolean }) => cmd.reindexCommand(parseConfig(), opts));
program.command('index-worker').description('keep the search index in step with the database (runs until stopped)').action(() => cmd.indexWorkerCommand(parseConfig()));
program.command('status').description('archive size and search index lag').option('--json').action((opts: { json?: boolean }) => cmd.statusCommand(parseConfig(), opts));

program
  .command('search')
  .description('search the archive (operators: all organisations unless --org)')
  .argument('<query>')
  .option('--org <slug>', 'limit to an organisation (repeatable)', collect, [])
  .option('--limit <n>', 'number of results', positiveInt)
  .option('--json', 'one JSON object per line')
  .action((query: string, opts: { org: string[]; limit?: number; json?: boolean }) => cmd.searchCommand(parseConfig(), query, opts));

const orgs = program.command('orgs').description('organisations');
orgs.command('add').argument('<slug>').argument('<name>').action((slug: string, name: string) => cmd.orgsAddCommand(parseConfig(), slug, name));

const users = program.command('users').description('user accounts');
users
  .command('add')
  .description('create a user, or update an existing one\'s name, password and roles')
  .argument('<email>')
  .option('--name <name>', 'display name')
  .option('--password <password>', 'password (or set BEWAARD_PASSWORD)')
  .option('--grant <role@org>', 'role in an organisation, e.g. woo_coordinator@org-a, or admin (repeatable)', collect, [])
  .action((email: string, opts: { name?: string; password?: string; grant: string[] }) => cmd.usersAddCommand(parseConfig(), email, opts));

const audit = program.command('audit').description('the append-only, hash-chained audit trail');
audit
  .command('verify')
  .description('recompute the hash chain; exit code 1 and the first broken event when it was altered')
  .option('--json')
  .action((opts: { json?: boolean }) => auditVerifyCommand(parseConfig(), opts));

const KNOWN = [cmd.CliError, ConfigError, UserAdminError, ImportError, UnknownFormatError, CredentialsError, HarvestError];

program.parseAsync().catch((err: unknown) => {
  if (KNOWN.some((k) => err instanceof k)) {
    console.error(`bewaard: ${(err as Error).message}`);
  } else {
    console.error('bewaard: unexpected error:', err);
  }
  process.exitCode = 1;
});
