import { readFile } from 'node:fs/promises';
import type { AccountEntity } from '@bewaard/schema';

/** How to reach one account's API. Kept in a file outside the database, never in it. */
export interface HarvestCredentials {
  /** API root, e.g. `https://mastodon.social`, `https://api.x.com`, `https://graph.facebook.com/v21.0`. */
  baseUrl: string;
  /** Bearer token (OAuth access token / app bearer token). */
  token: string | null;
  /** YouTube Data API key, sent as `key=`; alternative to a token. */
  apiKey: string | null;
  /** The API's own id of the account when it differs from the archive's (Mastodon local id). */
  apiAccountId: string | null;
}

export class CredentialsError extends Error {
  override name = 'CredentialsError';
}

/**
 * The credentials file: `{ "accounts": { "<key>": { baseUrl, token?, apiKey?, apiAccountId? } } }`,
 * where a key is `platform:platformAccountId`, `platform:handle` or just the handle.
 */
export class CredentialsFile {
  constructor(private readonly entries: Map<string, HarvestCredentials>) {}

  static async load(file: string): Promise<CredentialsFile> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      throw new CredentialsError(`credentials file ${file}: ${(err as Error).message}`);
    }
    return CredentialsFile.fromJson(parsed, file);
  }

  static fromJson(parsed: unknown, name = 'credentials'): CredentialsFile {
    const accounts = (parsed as { accounts?: unknown } | null)?.accounts;
    if (!accounts || typeof accounts !== 'object' || Array.isArray(accounts)) {
      throw new CredentialsError(`${name}: expected {"accounts": {"<platform>:<account id or handle>": {"baseUrl": …, "token": …}}}`);
    }
    const entries = new Map<string, HarvestCredentials>();
    for (const [key, value] of Object.entries(accounts as Record<string, unknown>)) {
      const v = (value ?? {}) as Record<string, unknown>;
      if (typeof v.baseUrl !== 'string' || !/^https?:\/\//.test(v.baseUrl)) throw new CredentialsError(`${name}: "${key}" needs a baseUrl (http or https)`);
      const str = (x: unknown, field: string) => {
        if (x === undefined || x === null) return null;
        if (typeof x !== 'string' || x === '') throw new CredentialsError(`${name}: "${key}".${field} must be a non-empty string`);
        return x;
      };
      entries.set(key, { baseUrl: v.baseUrl, token: str(v.token, 'token'), apiKey: str(v.apiKey, 'apiKey'), apiAccountId: str(v.apiAccountId, 'apiAccountId') });
    }
    return new CredentialsFile(entries);
  }

  for(account: Pick<AccountEntity, 'platform' | 'platformAccountId' | 'handle'>): HarvestCredentials | null {
    const handle = account.handle.replace(/^@/, '');
    for (const key of [`${account.platform}:${account.platformAccountId}`, `${account.platform}:${handle}`, `${account.platform}:@${handle}`, handle, `@${handle}`]) {
      const found = this.entries.get(key);
      if (found) return found;
    }
    return null;
  }
}
