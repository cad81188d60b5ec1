import type { NormalisedActor } from '@bewaard/schema';
import { isJsonObject, type JsonObject } from '../json.js';
import {
  hostOf,
  InvalidMastodonRecordError,
  nonEmptyString,
  optionalArray,
  optionalObject,
  optionalString,
} from './mastodon.fields.js';

/**
 * What one API payload (or one stream) tells about the instance that served it. The REST API
 * speaks in instance-local ids (`id`, `in_reply_to_id`, the `delete` event's payload); the
 * archive needs ids that mean the same everywhere, i.e. ActivityPub URIs (`uri`), which the
 * account-archive export uses too. This class turns local ids into those, as far as the payload allows:
 *
 * 1. a status present in the payload: its `uri`;
 * 2. a status of a *local* account (acct without '@') when the instance host is known: the URI
 *    Mastodon gives every local status, `https://<host>/users/<username>/statuses/<id>`;
 * 3. otherwise, when the host is known: `https://<host>/api/v1/statuses/<id>`, the address
 *    that resolves the local id (it never equals a URI, so it cannot be mistaken for one);
 * 4. otherwise nothing: a bare local id is only unique on its own instance.
 *
 * The host comes from the label of an in-memory payload (the API URL it was fetched from), or
 * from a local account in the payload: a local account's own URL is on the serving instance.
 */
export class MastodonInstance {
  private readonly statusUris = new Map<string, string>();
  private readonly accounts = new Map<string, JsonObject>();

  constructor(public host: string | null) {}

  /** Records a status (with its reblog and quote) before anything is normalised. */
  learnStatus(status: unknown): void {
    if (!isJsonObject(status)) return;
    const id = status.id;
    const uri = nonEmptyString(status, 'uri') ?? nonEmptyString(status, 'url');
    if (typeof id === 'string' && uri !== null && !this.statusUris.has(id)) this.statusUris.set(id, uri);
    const account = optionalObject(status, 'account');
    if (account !== null) this.learnAccount(account);
    for (const mention of optionalArray(status, 'mentions')) if (isJsonObject(mention)) this.learnAccount(mention);
    this.learnStatus(status.reblog);
    const quote = optionalObject(status, 'quote');
    if (quote !== null) this.learnStatus(quote.quoted_status);
  }

  learnAccount(account: JsonObject): void {
    if (typeof account.id === 'string' && !this.accounts.has(account.id)) this.accounts.set(account.id, account);
    if (this.host === null && isLocalAccount(account))
      this.host = hostOf(nonEmptyString(account, 'uri')) ?? hostOf(nonEmptyString(account, 'url'));
  }

  /** The global id of a status known by its local id; see the class comment. */
  statusRef(localId: string, accountId: string | null = null): string | null {
    const known = this.statusUris.get(localId);
    if (known !== undefined) return known;
    const account = accountId === null ? undefined : this.accounts.get(accountId);
    const owner = account === undefined ? null : this.localActorUri(account);
    if (owner !== null) return `${owner}/statuses/${localId}`;
    return this.host === null ? null : `https://${this.host}/api/v1/statuses/${localId}`;
  }

  /**
   * platformActorId: the actor's ActivityPub id (`uri`, as in the export's actor.json), else the
   * one Mastodon gives local accounts, else the profile URL, else `acct:user@host`.
   */
  actorOf(account: JsonObject, where: string): NormalisedActor {
    const handle = this.qualify(nonEmptyString(account, 'acct') ?? nonEmptyString(account, 'username'), account);
    const platformActorId =
      nonEmptyString(account, 'uri') ??
      this.localActorUri(account) ??
      nonEmptyString(account, 'url') ??
      (handle === null ? null : `acct:${handle}`);
    if (platformActorId === null) throw new InvalidMastodonRecordError(`${where}.account has no uri, url or acct`);
    return { platformActorId, handle, displayName: nonEmptyString(account, 'display_name') };
  }

  /**
   * `user@host` for an account name: a remote acct already has its host; a local one gets the
   * host of its own profile URL, else the instance's. Unqualified only when nothing says where.
   */
  qualify(acct: string | null, account: JsonObject | null): string | null {
    if (acct === null) return null;
    const name = acct.replace(/^@/, '');
    if (name.includes('@')) return name;
    const host =
      (account && (hostOf(optionalString(account, 'uri')) ?? hostOf(optionalString(account, 'url')))) ?? this.host;
    return host === null ? name : `${name}@${host}`;
  }

  private localActorUri(account: JsonObject): string | null {
    const username = nonEmptyString(account, 'username');
    if (this.host === null || username === null || !isLocalAccount(account)) return null;
    return `https://${this.host}/users/${username}`;
  }
}

/** A local account's acct is the bare username; remote ones carry '@host'. */
function isLocalAccount(account: JsonObject): boolean {
  const acct = optionalString(account, 'acct');
  return acct !== null && acct !== '' && !acct.includes('@');
}

/**
 * The serving instance named by a label: an API or streaming URL
 * (`… https://social.example/api/v1/…`, `wss://social.example/api/v1/streaming`).
 */
export function hostFromLabel(label: string): string | null {
  const match = /\b(?:https?|wss?):\/\/([a-z0-9.-]+(?::\d+)?)\/api\/v\d\//i.exec(label);
  return match?.[1]?.toLowerCase().replace(/:\d+$/, '') ?? null;
}
